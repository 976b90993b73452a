package org.msrpc4j.cli.bench;

/**
 * What to run, as the command line said it. Immutable.
 *
 * @param connections connections (or, with {@code newConnections}, connection slots)
 * @param inflight calls outstanding per connection
 * @param durationSeconds length of the measurement, or 0 when {@code calls} is given
 * @param calls calls to measure, or 0 when {@code durationSeconds} is given
 * @param warmupSeconds calls before the measurement, not counted
 * @param newConnections every call on a fresh, newly authenticated connection
 * @param idleConnections extra authenticated connections kept open and idle meanwhile
 */
record BenchPlan(int connections, int inflight, double durationSeconds, long calls, double warmupSeconds,
    boolean newConnections, int idleConnections) {
  BenchPlan {
    if (connections < 1 || inflight < 1) {
      throw new IllegalArgumentException("--connections and --inflight must be at least 1");
    }
    if ((durationSeconds > 0) == (calls > 0)) {
      throw new IllegalArgumentException("give either --duration S or --calls N (a positive number)");
    }
    if (warmupSeconds < 0 || idleConnections < 0) {
      throw new IllegalArgumentException("--warmup and --idle-connections must not be negative");
    }
    if ((long) connections * inflight > 1_000_000) {
      throw new IllegalArgumentException("--connections x --inflight must not exceed 1000000");
    }
  }

  /** Slots in the measurement: one per outstanding call. */
  int slots() {
    return connections * inflight;
  }
}
