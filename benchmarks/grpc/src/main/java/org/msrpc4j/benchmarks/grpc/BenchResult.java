package org.msrpc4j.benchmarks.grpc;

import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * One benchmark run in the result schema {@code msrpc bench --json} uses, so the comparison script can put both
 * tools' results in the same table.
 *
 * <p>{@code mbPerSecond} counts request payload bytes per second in MB of 10^6 bytes. {@code msrpc bench} counts
 * EchoData's stub data in both directions, so its figure for the same calls is twice this one; compare calls per
 * second, or payload × calls per second, between the two tools. Latencies are whole microseconds, as there.
 * Immutable.
 */
record BenchResult(
    String binding, int payloadSize, int connections, int inflight, LoadStats stats) {

  double durationSeconds() {
    return stats.elapsedNanos() / 1e9;
  }

  double callsPerSecond() {
    return stats.calls() / durationSeconds();
  }

  double mbPerSecond() {
    return callsPerSecond() * payloadSize / 1e6;
  }

  /** The result as one line of JSON. */
  String toJson() {
    Histogram latency = stats.latencyNanos();
    StringBuilder json = new StringBuilder(512);
    json.append("{\"tool\":\"grpc-java\"");
    json.append(",\"op\":").append(quote("echodata:" + payloadSize));
    json.append(",\"binding\":").append(quote(binding));
    json.append(",\"auth\":\"tls\",\"level\":\"tls1.3\"");
    json.append(",\"connections\":").append(connections);
    json.append(",\"inflight\":").append(inflight);
    json.append(",\"newConnections\":false,\"idleConnections\":0,\"idleConnected\":0");
    json.append(",\"calls\":").append(stats.calls());
    json.append(",\"errors\":").append(stats.errors());
    json.append(",\"firstError\":").append(stats.firstError() == null ? "null" : quote(stats.firstError()));
    json.append(",\"durationSeconds\":").append(number(durationSeconds(), 3));
    json.append(",\"callsPerSecond\":").append(number(callsPerSecond(), 1));
    json.append(",\"mbPerSecond\":").append(number(mbPerSecond(), 3));
    json.append(",\"latencyMicros\":{");
    json.append("\"p50\":").append(micros(latency, 50.0));
    json.append(",\"p90\":").append(micros(latency, 90.0));
    json.append(",\"p99\":").append(micros(latency, 99.0));
    json.append(",\"p999\":").append(micros(latency, 99.9));
    json.append(",\"max\":").append(micros(latency.getTotalCount() == 0 ? 0 : latency.getMaxValue()));
    json.append('}');
    json.append(",\"clientCpuSeconds\":").append(stats.cpuNanos() < 0 ? "null" : number(stats.cpuNanos() / 1e9, 3));
    json.append('}');
    return json.toString();
  }

  /** A few human-readable lines for a terminal. */
  String toText() {
    Histogram latency = stats.latencyNanos();
    return String.format(
        Locale.ROOT,
        "grpc-java echodata:%d %s tls1.3, %d connection(s) x %d in flight%n"
            + "  calls %d, errors %d%s, %.3f s, %.1f calls/s, %.3f MB/s%n"
            + "  latency us p50 %s p90 %s p99 %s p99.9 %s max %s, client CPU %.3f s%n",
        payloadSize, binding, connections, inflight,
        stats.calls(), stats.errors(), stats.firstError() == null ? "" : " (first: " + stats.firstError() + ")",
        durationSeconds(), callsPerSecond(), mbPerSecond(),
        micros(latency, 50.0), micros(latency, 90.0), micros(latency, 99.0), micros(latency, 99.9),
        micros(latency.getTotalCount() == 0 ? 0 : latency.getMaxValue()),
        stats.cpuNanos() / 1e9);
  }

  /** Whole microseconds, as {@code msrpc bench} reports them. */
  private static String micros(Histogram nanos, double percentile) {
    return micros(nanos.getTotalCount() == 0 ? 0 : nanos.getValueAtPercentile(percentile));
  }

  private static String micros(long nanos) {
    return Long.toString(Math.round(nanos / 1e3));
  }

  private static String number(double value, int decimals) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return "0";
    }
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }

  private static String quote(String text) {
    StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        case '\n' -> quoted.append("\\n");
        case '\r' -> quoted.append("\\r");
        case '\t' -> quoted.append("\\t");
        default -> {
          if (c < 0x20) {
            quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            quoted.append(c);
          }
        }
      }
    }
    return quoted.append('"').toString();
  }
}
