package org.msrpc4j.cli.bench;

import java.util.Locale;

/**
 * Writes a {@link BenchResult} as one JSON object on one line, with the field names scripts
 * (benchmarks/compare, loadtest/) rely on. Stateless.
 */
final class BenchJson {
  private BenchJson() {}

  static String format(BenchResult r) {
    BenchResult.Latency l = r.latency();
    StringBuilder b = new StringBuilder(512).append('{');
    field(b, "tool", "msrpc4j");
    field(b, "op", r.op());
    field(b, "binding", r.binding());
    field(b, "auth", r.auth());
    field(b, "level", r.level());
    raw(b, "connections", Integer.toString(r.connections()));
    raw(b, "inflight", Integer.toString(r.inflight()));
    raw(b, "newConnections", Boolean.toString(r.newConnections()));
    raw(b, "idleConnections", Integer.toString(r.idleConnections()));
    raw(b, "idleConnected", Integer.toString(r.idleConnected()));
    raw(b, "idleOpenAtEnd", Integer.toString(r.idleOpenAtEnd()));
    raw(b, "calls", Long.toString(r.calls()));
    raw(b, "errors", Long.toString(r.errors()));
    field(b, "firstError", r.firstError());
    raw(b, "durationSeconds", number(r.durationSeconds()));
    raw(b, "callsPerSecond", number(r.callsPerSecond()));
    raw(b, "mbPerSecond", number(r.mbPerSecond()));
    b.append("\"latencyMicros\":{");
    raw(b, "p50", Long.toString(l.p50()));
    raw(b, "p90", Long.toString(l.p90()));
    raw(b, "p99", Long.toString(l.p99()));
    raw(b, "p999", Long.toString(l.p999()));
    raw(b, "max", Long.toString(l.max()));
    raw(b, "count", Long.toString(l.count()));
    b.setLength(b.length() - 1);
    b.append("},");
    raw(b, "clientCpuSeconds", number(r.clientCpuSeconds()));
    raw(b, "cpuMicrosPerCall", number(r.cpuMicrosPerCall()));
    b.setLength(b.length() - 1);
    return b.append('}').toString();
  }

  private static void field(StringBuilder b, String name, String value) {
    raw(b, name, value == null ? "null" : quote(value));
  }

  private static void raw(StringBuilder b, String name, String json) {
    b.append('"').append(name).append("\":").append(json).append(',');
  }

  /** A finite number with up to three decimals (JSON has no NaN or infinity). */
  private static String number(double d) {
    if (!Double.isFinite(d)) {
      return "0";
    }
    String s = String.format(Locale.ROOT, "%.3f", d);
    s = s.replaceFirst("\\.?0+$", "");
    return s.isEmpty() || s.equals("-") ? "0" : s;
  }

  static String quote(String s) {
    StringBuilder q = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> q.append("\\\"");
        case '\\' -> q.append("\\\\");
        case '\n' -> q.append("\\n");
        case '\r' -> q.append("\\r");
        case '\t' -> q.append("\\t");
        default -> {
          if (c < 0x20) {
            q.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            q.append(c);
          }
        }
      }
    }
    return q.append('"').toString();
  }
}
