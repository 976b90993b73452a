package org.msrpc4j.benchmarks;

import java.util.Arrays;
import java.util.Locale;

/**
 * The ratio of sealing throughput to the JDK limit, measured in pairs: short alternating slices of
 * the sealing benchmark and of its limit ({@link CipherLimitPass}) in one thread, so that both see
 * the same machine load, and the median of the per-pair ratios. On a shared machine, where two JMH
 * runs minutes apart can differ several-fold, this is the figure to quote; JMH gives the
 * allocation per operation.
 *
 * <p>Usage: {@code java -cp msrpc4j-benchmarks.jar org.msrpc4j.benchmarks.SealingVsLimit [size] [pairs]}
 * (defaults 1048576 and 15); prints one JSON object per line: NTLM seal vs RC4+HMAC-MD5, Kerberos
 * AES wrap vs AES-CBC+HMAC-SHA1, Kerberos RC4 wrap vs RC4+HMAC-MD5.
 */
public final class SealingVsLimit {
  private static final long SLICE_NANOS = 250_000_000L;
  private static volatile int sink;

  private SealingVsLimit() {}

  /** One timed operation. */
  @FunctionalInterface
  private interface Op {
    int run() throws Exception;
  }

  /** Measures and prints the three ratios. */
  public static void main(String[] args) throws Exception {
    int size = args.length > 0 ? Integer.parseInt(args[0]) : 1 << 20;
    int pairs = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    if (size < 16 || size % 16 != 0 || size > 1 << 24 || pairs < 1 || pairs > 1000) {
      throw new IllegalArgumentException("size: a multiple of 16 up to 16 MiB; pairs: 1..1000");
    }
    NtlmMessageProtectionBenchmark ntlm = new NtlmMessageProtectionBenchmark();
    ntlm.size = size;
    ntlm.handshake();
    KerberosMessageProtectionBenchmark aes = new KerberosMessageProtectionBenchmark();
    aes.enctype = "aes256-cts-hmac-sha1-96";
    aes.size = size;
    aes.keys();
    KerberosMessageProtectionBenchmark rc4 = new KerberosMessageProtectionBenchmark();
    rc4.enctype = "rc4-hmac";
    rc4.size = size;
    rc4.keys();
    CipherLimitPass aesLimit = new CipherLimitPass(CipherLimitPass.Algorithm.AES256_CTS_HMAC_SHA1, size);
    CipherLimitPass rc4Limit = new CipherLimitPass(CipherLimitPass.Algorithm.RC4_HMAC_MD5, size);
    print("ntlm_seal", size, pairs, ntlm::seal, rc4Limit::run);
    print("kerberos_aes256_wrap", size, pairs, aes::wrap, aesLimit::run);
    print("kerberos_rc4_wrap", size, pairs, rc4::wrap, rc4Limit::run);
  }

  private static void print(String name, int size, int pairs, Op op, Op limit) throws Exception {
    slice(op);
    slice(limit); // warm-up
    double[] ratios = new double[pairs];
    double[] opRates = new double[pairs];
    double[] limitRates = new double[pairs];
    for (int i = 0; i < pairs; i++) {
      opRates[i] = slice(op) * size / 1e6;
      limitRates[i] = slice(limit) * size / 1e6;
      ratios[i] = opRates[i] / limitRates[i];
    }
    System.out.println(String.format(Locale.ROOT,
        "{\"what\":\"%s\",\"size\":%d,\"pairs\":%d,\"median_mbps\":%.1f,\"median_limit_mbps\":%.1f,\"median_ratio\":%.2f}",
        name, size, pairs, median(opRates), median(limitRates), median(ratios)));
  }

  /** Operations per second over one slice. */
  private static double slice(Op op) throws Exception {
    long start = System.nanoTime();
    long n = 0;
    long elapsed;
    do {
      sink += op.run();
      n++;
      elapsed = System.nanoTime() - start;
    } while (elapsed < SLICE_NANOS);
    return n / (elapsed / 1e9);
  }

  private static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }
}
