package org.msrpc4j.cli.bench;

/**
 * The figures of one run, as reported (human summary and {@code --json}). Immutable.
 *
 * @param op the operation as given, e.g. {@code echodata:1024}
 * @param binding the binding as given
 * @param auth ntlm, kerberos, negotiate or none
 * @param level none, connect, call, pkt, integrity or privacy
 * @param idleConnected idle connections opened and proven with a call
 * @param idleOpenAtEnd of those, how many were still open when the measurement ended
 * @param calls right answers within the measurement
 * @param errors failed calls, wrong answers and connections that could not be opened
 * @param firstError the first error's message, or null
 * @param durationSeconds length of the measurement
 * @param bytes stub data bytes of the counted calls (both directions)
 * @param latency latency percentiles in microseconds: p50, p90, p99, p99.9, max; count
 * @param clientCpuSeconds CPU time this process used during the measurement
 */
record BenchResult(String op, String binding, String auth, String level, int connections, int inflight,
    boolean newConnections, int idleConnections, int idleConnected, int idleOpenAtEnd, long calls, long errors,
    String firstError, double durationSeconds, long bytes, Latency latency, double clientCpuSeconds) {

  /** Latency percentiles in microseconds and how many calls they cover. */
  record Latency(long p50, long p90, long p99, long p999, long max, long count) {}

  double callsPerSecond() {
    return durationSeconds > 0 ? calls / durationSeconds : 0;
  }

  /** Stub data in MB (10^6 bytes) per second. */
  double mbPerSecond() {
    return durationSeconds > 0 ? bytes / durationSeconds / 1e6 : 0;
  }

  /** Client CPU microseconds per counted call (0 without calls). */
  double cpuMicrosPerCall() {
    return calls > 0 ? clientCpuSeconds * 1e6 / calls : 0;
  }
}
