package org.msrpc4j.benchmarks;

import java.security.GeneralSecurityException;
import java.util.concurrent.TimeUnit;
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
 * The JDK limit the sealing benchmarks are compared with: one pre-keyed encryption pass plus one
 * MAC pass over the payload ({@link CipherLimitPass} says exactly what is included), by the same
 * sizes as {@link NtlmMessageProtectionBenchmark} and {@link KerberosMessageProtectionBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class JdkCipherLimitBenchmark {

  // 16-128 bytes: the stubs of small calls (mgmt, addone, lookups), where per-message setup dominates.
  @Param({"16", "64", "128", "1024", "65536", "1048576"})
  public int size;

  private CipherLimitPass aes;
  private CipherLimitPass rc4;

  @Setup(Level.Trial)
  public void ciphers() throws GeneralSecurityException {
    aes = new CipherLimitPass(CipherLimitPass.Algorithm.AES256_CTS_HMAC_SHA1, size);
    rc4 = new CipherLimitPass(CipherLimitPass.Algorithm.RC4_HMAC_MD5, size);
  }

  /** AES-256-CTS encryption + HMAC-SHA1: the floor under a Kerberos AES wrap. */
  @Benchmark
  public byte aes256CtsHmacSha1() throws GeneralSecurityException {
    return aes.run();
  }

  /** RC4 + HMAC-MD5: the floor under an NTLM seal. */
  @Benchmark
  public byte rc4HmacMd5() throws GeneralSecurityException {
    return rc4.run();
  }
}
