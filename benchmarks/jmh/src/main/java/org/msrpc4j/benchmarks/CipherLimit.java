package org.msrpc4j.benchmarks;

import java.security.GeneralSecurityException;
import java.util.Locale;

/**
 * Prints, as one JSON object, the single-thread throughput (MB/s, 10^6 bytes per second) of the JDK
 * limit for both algorithm pairs at 1 MiB: {@code {"size":1048576,"aes256_cts_hmac_sha1_mbps":...,
 * "rc4_hmac_md5_mbps":...}}. The comparison script runs it in the same run as the bulk sealed
 * throughput test, so both see the same machine load. What the limit includes: see
 * {@link CipherLimitPass}.
 *
 * <p>Usage: {@code java -cp msrpc4j-benchmarks.jar org.msrpc4j.benchmarks.CipherLimit [seconds]}
 * (measurement time per algorithm, default 3; the same again is spent warming up).
 */
public final class CipherLimit {
  private static final int SIZE = 1 << 20;
  /** Where results go so the JIT cannot drop the passes. */
  private static volatile int sink;

  private CipherLimit() {}

  /** Measures and prints the JSON object. */
  public static void main(String[] args) throws GeneralSecurityException {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3.0;
    if (!(seconds > 0) || seconds > 600) {
      throw new IllegalArgumentException("seconds must be in (0, 600]");
    }
    double aes = measure(CipherLimitPass.Algorithm.AES256_CTS_HMAC_SHA1, seconds);
    double rc4 = measure(CipherLimitPass.Algorithm.RC4_HMAC_MD5, seconds);
    System.out.println(String.format(Locale.ROOT,
        "{\"size\":%d,\"seconds\":%.1f,\"aes256_cts_hmac_sha1_mbps\":%.1f,\"rc4_hmac_md5_mbps\":%.1f}",
        SIZE, seconds, aes, rc4));
  }

  private static double measure(CipherLimitPass.Algorithm algorithm, double seconds) throws GeneralSecurityException {
    CipherLimitPass pass = new CipherLimitPass(algorithm, SIZE);
    long nanos = (long) (seconds * 1e9);
    sink ^= (int) run(pass, nanos)[1]; // warm-up: lets the JIT compile the intrinsics first
    long[] measured = run(pass, nanos);
    sink ^= (int) measured[1];
    return (double) measured[0] * SIZE / (measured[2] / 1e9) / 1e6;
  }

  /** Runs passes for about {@code nanos}; returns {passes, sink, elapsed nanos}. */
  private static long[] run(CipherLimitPass pass, long nanos) throws GeneralSecurityException {
    long start = System.nanoTime();
    long passes = 0;
    int sink = 0;
    long elapsed;
    do {
      sink += pass.run();
      passes++;
      elapsed = System.nanoTime() - start;
    } while (elapsed < nanos);
    return new long[] {passes, sink, elapsed};
  }
}
