package org.msrpc4j.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * Thread CPU time per message of NTLM seal / seal+unseal and Kerberos wrap / wrap+unwrap
 * (AES256 CFX, RC4-HMAC) at small sizes, through the same states as the JMH benchmarks. On the
 * shared machine JMH's ops/s follow the load (other processes take the cores); the CPU time the
 * benchmark thread itself spends per operation moves much less, so before/after comparisons of
 * small-message costs use this figure. Prints one JSON object per operation and size: the median and
 * minimum over 9 rounds of 200,000 operations, after 3 warm-up rounds.
 *
 * <p>Usage: {@code java -cp msrpc4j-benchmarks.jar org.msrpc4j.benchmarks.SmallMessageCpu [size...]}
 * (default 16 64 128).
 *
 * <p>Not thread-safe; a command-line program.
 */
public final class SmallMessageCpu {
  private static final int ROUNDS = 9;
  private static final int OPS_PER_ROUND = 200_000;

  private interface Op {
    void run() throws Exception;
  }

  private SmallMessageCpu() {}

  public static void main(String[] args) throws Exception {
    int[] sizes = args.length == 0 ? new int[] {16, 64, 128} : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
    for (int size : sizes) {
      if (size < 1 || size > 1 << 16) {
        throw new IllegalArgumentException("size: 1..65536 bytes");
      }
      // A fresh state per operation: seal alone advances only the sender's sequence number, after
      // which an unseal by the same pair would be refused as out of sequence.
      report("ntlm_seal", size, ntlm(size)::seal);
      report("ntlm_seal_unseal", size, ntlm(size)::sealUnseal);
      for (String enctype : new String[] {"aes256-cts-hmac-sha1-96", "rc4-hmac"}) {
        report("kerberos_" + enctype + "_wrap", size, kerberos(enctype, size)::wrap);
        report("kerberos_" + enctype + "_wrap_unwrap", size, kerberos(enctype, size)::wrapUnwrap);
      }
    }
  }

  private static NtlmMessageProtectionBenchmark ntlm(int size) throws Exception {
    NtlmMessageProtectionBenchmark ntlm = new NtlmMessageProtectionBenchmark();
    ntlm.size = size;
    ntlm.handshake();
    return ntlm;
  }

  private static KerberosMessageProtectionBenchmark kerberos(String enctype, int size) throws Exception {
    KerberosMessageProtectionBenchmark krb = new KerberosMessageProtectionBenchmark();
    krb.enctype = enctype;
    krb.size = size;
    krb.keys();
    return krb;
  }

  private static void report(String name, int size, Op op) throws Exception {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    for (int i = 0; i < 3 * OPS_PER_ROUND; i++) {
      op.run();
    }
    long[] ns = new long[ROUNDS];
    for (int r = 0; r < ROUNDS; r++) {
      long start = mx.getCurrentThreadCpuTime();
      for (int i = 0; i < OPS_PER_ROUND; i++) {
        op.run();
      }
      ns[r] = (mx.getCurrentThreadCpuTime() - start) / OPS_PER_ROUND;
    }
    Arrays.sort(ns);
    System.out.printf("{\"what\":\"%s\",\"size\":%d,\"cpu_ns_per_op_median\":%d,\"cpu_ns_per_op_min\":%d}%n",
        name, size, ns[ROUNDS / 2], ns[0]);
  }
}
