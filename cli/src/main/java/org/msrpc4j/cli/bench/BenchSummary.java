package org.msrpc4j.cli.bench;

import java.util.Locale;

/** Formats a {@link BenchResult} for people. Stateless. */
final class BenchSummary {
  private BenchSummary() {}

  static String format(BenchResult r) {
    BenchResult.Latency l = r.latency();
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "msrpc bench %s %s  auth %s, level %s, %d %s x %d in flight%n", r.op(),
        r.binding(), r.auth(), r.level(), r.connections(),
        r.newConnections() ? "slots of new connections" : "connections", r.inflight()));
    b.append(String.format(Locale.ROOT, "  calls      %,d in %.2f s: %,.1f calls/s, %,.2f MB/s of stub data%n",
        r.calls(), r.durationSeconds(), r.callsPerSecond(), r.mbPerSecond()));
    b.append(String.format(Locale.ROOT, "  latency    p50 %,d  p90 %,d  p99 %,d  p99.9 %,d  max %,d µs%n",
        l.p50(), l.p90(), l.p99(), l.p999(), l.max()));
    b.append(String.format(Locale.ROOT, "  errors     %,d%s%n", r.errors(),
        r.firstError() == null ? "" : " (first: " + r.firstError() + ")"));
    if (r.idleConnections() > 0) {
      b.append(String.format(Locale.ROOT, "  idle       %,d of %,d connections opened, %,d still open at the end%n",
          r.idleConnected(), r.idleConnections(), r.idleOpenAtEnd()));
    }
    b.append(String.format(Locale.ROOT, "  client CPU %.2f s, %.1f µs per call%n", r.clientCpuSeconds(),
        r.cpuMicrosPerCall()));
    return b.toString();
  }
}
