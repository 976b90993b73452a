package org.msrpc4j.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.msrpc4j.runtime.pdu.AuthVerifier;
import org.msrpc4j.runtime.pdu.Pdu;
import org.msrpc4j.runtime.pdu.PduCodec;
import org.msrpc4j.runtime.pdu.PduFormatException;
import org.msrpc4j.runtime.pdu.PfcFlags;
import org.msrpc4j.runtime.pdu.RequestPdu;
import org.msrpc4j.runtime.pdu.ResponsePdu;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The runtime's connection-oriented PDU codec: encode and decode of a single-fragment request and
 * response by stub size, without and with an auth verifier (a 16-byte NTLM token at
 * PKT_PRIVACY, the stub padded to 16 bytes as the codec does). The largest size fills a fragment
 * of the largest max_xmit_frag Windows negotiates (5840 is the default; 16 KiB is common on
 * loopback).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PduCodecBenchmark {

  @Param({"64", "1024", "16384"})
  public int size;

  @Param({"false", "true"})
  public boolean auth;

  private RequestPdu request;
  private ResponsePdu response;
  private byte[] requestFrame;
  private byte[] responseFrame;

  @Setup(Level.Trial)
  public void pdus() throws PduFormatException {
    byte[] stub = new byte[size];
    new SplittableRandom(9).nextBytes(stub);
    AuthVerifier verifier = auth ? new AuthVerifier(10, 6, 0, 0, new byte[16]) : null;
    int flags = PfcFlags.FIRST_FRAG | PfcFlags.LAST_FRAG;
    request = new RequestPdu(flags, 42, size, 0, 1, null, stub, verifier);
    response = new ResponsePdu(flags, 42, size, 0, 0, stub, verifier);
    requestFrame = PduCodec.encode(request);
    responseFrame = PduCodec.encode(response);
    if (!(PduCodec.decode(requestFrame) instanceof RequestPdu r) || r.stub().length != size) {
      throw new IllegalStateException("the request does not decode to itself");
    }
  }

  @Benchmark
  public byte[] encodeRequest() {
    return PduCodec.encode(request);
  }

  @Benchmark
  public Pdu decodeRequest() throws PduFormatException {
    return PduCodec.decode(requestFrame);
  }

  @Benchmark
  public byte[] encodeResponse() {
    return PduCodec.encode(response);
  }

  @Benchmark
  public Pdu decodeResponse() throws PduFormatException {
    return PduCodec.decode(responseFrame);
  }
}
