package org.msrpc4j.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.msrpc4j.kerberos.crypto.EncryptionType;
import org.msrpc4j.kerberos.crypto.KerberosKey;
import org.msrpc4j.kerberos.gss.CfxMessageProtection;
import org.msrpc4j.kerberos.gss.MessageProtection;
import org.msrpc4j.kerberos.gss.Rc4MessageProtection;
import org.msrpc4j.security.SecurityContextException;
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
 * Kerberos GSS wrap (seal) and wrap+unwrap of one PDU-shaped message by stub size, in the DCE style
 * the runtime uses ([MS-KILE] 3.4.5.4: CFX tokens with EC=16/RRC=28 for AES, RFC 4757 tokens for
 * RC4-HMAC), through the {@link MessageProtection} an established Kerberos security context
 * delegates to. The key stands in for the acceptor subkey of a real handshake (a KDC is not needed
 * to measure the per-message cost).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class KerberosMessageProtectionBenchmark {

  @Param({"aes256-cts-hmac-sha1-96", "rc4-hmac"})
  public String enctype;

  // 16-128 bytes: the stubs of small calls (mgmt, addone, lookups), where per-message setup dominates.
  @Param({"16", "64", "128", "1024", "65536", "1048576"})
  public int size;

  private MessageProtection initiator;
  private MessageProtection acceptor;
  private ProtectedMessage message;

  @Setup(Level.Trial)
  public void keys() throws Exception {
    EncryptionType type = EncryptionType.byName(enctype)
        .orElseThrow(() -> new IllegalArgumentException("unknown enctype " + enctype));
    byte[] raw = new byte[type.keyLength()];
    new SplittableRandom(7).nextBytes(raw);
    KerberosKey key = new KerberosKey(type, raw);
    if (type.isAes()) {
      initiator = new CfxMessageProtection(key, true, true, 1000, 2000);
      acceptor = new CfxMessageProtection(key, false, true, 2000, 1000);
    } else {
      initiator = new Rc4MessageProtection(key, true, 1000, 2000);
      acceptor = new Rc4MessageProtection(key, false, 2000, 1000);
    }
    message = new ProtectedMessage(size, initiator.wrapTokenSize(), 3);
  }

  @Benchmark
  public int wrap() throws SecurityContextException {
    return initiator.wrap(message.segments());
  }

  @Benchmark
  public byte wrapUnwrap() throws SecurityContextException {
    int n = initiator.wrap(message.segments());
    acceptor.unwrap(message.segmentsWithToken(n));
    return message.stubByte();
  }
}
