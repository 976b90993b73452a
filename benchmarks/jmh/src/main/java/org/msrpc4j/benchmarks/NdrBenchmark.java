package org.msrpc4j.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.msrpc4j.interfaces.samr.RpcUnicodeString;
import org.msrpc4j.interfaces.samr.SamprEnumerationBuffer;
import org.msrpc4j.interfaces.samr.SamprRidEnumeration;
import org.msrpc4j.ndr.NdrDecoder;
import org.msrpc4j.ndr.NdrEncoder;
import org.msrpc4j.ndr.NdrException;
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
 * NDR 2.0 encode and decode of two representative stubs, by approximate stub size:
 *
 * <ul>
 *   <li>the rpcecho {@code EchoData} request: {@code len} then a conformant byte array of that length
 *       (marshalled as the generated rpcecho client does);
 *   <li>a samr {@code SAMPR_ENUMERATION_BUFFER} as {@code SamrEnumerateUsersInDomain} returns it: a
 *       unique pointer to a conformant array of {@code SAMPR_RID_ENUMERATION} (RID and an
 *       {@code RPC_UNICODE_STRING} whose buffer is a deferred unique pointer to a conformant-varying
 *       UTF-16 string), using the generated types from the interfaces module. About 54 bytes per
 *       entry with 12-character names, so the entry count is {@code size / 54}.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class NdrBenchmark {
  private static final int BYTES_PER_ENTRY = 54;

  @Param({"64", "1024", "65536"})
  public int size;

  private byte[] echoData;
  private byte[] echoStub;
  private SamprEnumerationBuffer users;
  private byte[] usersStub;

  @Setup(Level.Trial)
  public void values() throws NdrException {
    SplittableRandom random = new SplittableRandom(5);
    echoData = new byte[size];
    random.nextBytes(echoData);
    echoStub = encodeEchoData();
    int entries = Math.max(1, size / BYTES_PER_ENTRY);
    List<SamprRidEnumeration> list = new ArrayList<>(entries);
    for (int i = 0; i < entries; i++) {
      String name = String.format("user%08d", i);
      list.add(new SamprRidEnumeration(1000 + i, new RpcUnicodeString(2 * name.length(), 2 * name.length(), name)));
    }
    users = new SamprEnumerationBuffer(entries, list);
    usersStub = encodeUsers();
    if (!decodeUsers().equals(users) || decodeEchoData().length != size) {
      throw new IllegalStateException("the NDR round trip does not give back the value");
    }
  }

  @Benchmark
  public byte[] encodeEchoData() throws NdrException {
    NdrEncoder e = new NdrEncoder();
    int len = echoData.length;
    e.writeTopLevel(Boolean.TRUE, (top, unused) -> top.writeInt32(len));
    e.writeTopLevel(Boolean.TRUE, (top, unused) -> {
      top.writeConformance(len);
      top.writeBytes(echoData, 0, len);
    });
    return e.toByteArray();
  }

  @Benchmark
  public byte[] decodeEchoData() throws NdrException {
    NdrDecoder d = new NdrDecoder(echoStub);
    int len = d.readTopLevel(NdrDecoder::readInt32);
    byte[] data = d.readTopLevel(top -> {
      long max = top.readConformance();
      NdrDecoder.checkCorrelation(max, Integer.toUnsignedLong(len), "size of len");
      return top.readBytes(top.checkCount(max, 1));
    });
    d.requireFullyConsumed();
    return data;
  }

  @Benchmark
  public byte[] encodeUsers() throws NdrException {
    NdrEncoder e = new NdrEncoder();
    e.writeTopLevelUniquePointer(users);
    return e.toByteArray();
  }

  @Benchmark
  public SamprEnumerationBuffer decodeUsers() throws NdrException {
    NdrDecoder d = new NdrDecoder(usersStub);
    SamprEnumerationBuffer v = d.readTopLevelUniquePointer(SamprEnumerationBuffer::decode);
    d.requireFullyConsumed();
    return v;
  }
}
