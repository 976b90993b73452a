package org.msrpc4j.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.msrpc4j.runtime.client.RpcChannel;

/**
 * Runs a benchmark end to end: opens the idle connections, then the measured ones (each proven by
 * a first call, so connecting is not measured), runs the warmup and the measurement, and closes
 * everything. Not thread-safe: one run per instance.
 */
final class BenchRunner {
  private final BenchConnector connector;
  private final BenchOperation op;
  private final BenchPlan plan;
  private final String bindingText;
  private final BenchPhase.Progress progress;

  /**
   * @param bindingText the binding as given, for the report
   * @param progress told about the measurement's progress, or null
   */
  BenchRunner(BenchConnector connector, BenchOperation op, BenchPlan plan, String bindingText,
      BenchPhase.Progress progress) {
    this.connector = connector;
    this.op = op;
    this.plan = plan;
    this.bindingText = bindingText;
    this.progress = progress;
  }

  BenchResult run() throws InterruptedException {
    long openTimeout = openTimeoutNanos();
    List<RpcChannel> idle = List.of();
    List<RpcChannel> measured = List.of();
    try {
      int idleConnected = 0;
      if (plan.idleConnections() > 0) {
        BenchOpener idleOpener = new BenchOpener(connector, BenchOpener.mgmtProbe());
        idle = idleOpener.open(plan.idleConnections(), openTimeout);
        idleConnected = idle.size();
      }
      if (!plan.newConnections()) {
        BenchOpener opener = new BenchOpener(connector, BenchOpener.probeFor(op));
        measured = opener.open(plan.connections(), openTimeout);
        if (opener.failures() > 0) {
          return result(idleConnected, idleOpen(idle), 0, opener.failures(), opener.firstError(), 0, 0,
              new Histogram(3), 0);
        }
      }
      if (plan.warmupSeconds() > 0) {
        phase(measured).run(seconds(plan.warmupSeconds()), drainNanos(), null);
      }
      BenchPhase phase = phase(measured);
      long cpu0 = ProcessCpuClock.nanos();
      phase.run(plan.calls() > 0 ? 0 : seconds(plan.durationSeconds()), drainNanos(), progress);
      long cpu1 = ProcessCpuClock.nanos();
      BenchStats s = phase.stats();
      return result(idleConnected, idleOpen(idle), s.calls(), s.errors(), s.firstError(), phase.seconds(),
          s.bytes(), s.latencies(), cpu0 < 0 ? 0 : (cpu1 - cpu0) / 1e9);
    } finally {
      measured.forEach(RpcChannel::close);
      idle.forEach(RpcChannel::close);
    }
  }

  /** The result of a run that could not start (e.g. no endpoint): one error, nothing measured. */
  static BenchResult failedBeforeStart(BenchConnector connector, BenchOperation op, BenchPlan plan, String bindingText,
      String message) {
    return new BenchRunner(connector, op, plan, bindingText, null).result(0, 0, 0, 1, message, 0, 0, new Histogram(3), 0);
  }

  /** A phase over the measured channels (or fresh connections), spreading --calls over the slots. */
  private BenchPhase phase(List<RpcChannel> channels) {
    BenchPhase phase = new BenchPhase(op);
    long total = plan.calls();
    int slots = plan.slots();
    for (int c = 0; c < plan.connections(); c++) {
      BenchChannels source = plan.newConnections() ? connector.fresh() : BenchChannels.shared(channels.get(c));
      if (total > 0) {
        long each = total / slots;
        long extra = Math.max(0, Math.min(plan.inflight(), total % slots - (long) c * plan.inflight()));
        phase.addSlots(source, plan.inflight(), each, extra);
      } else {
        phase.addSlots(source, plan.inflight(), Long.MAX_VALUE, 0);
      }
    }
    return phase;
  }

  private static int idleOpen(List<RpcChannel> idle) {
    int open = 0;
    for (RpcChannel ch : idle) {
      if (ch.connectionCount() > 0) {
        open++;
      }
    }
    return open;
  }

  private BenchResult result(int idleConnected, int idleOpenAtEnd, long calls, long errors, String firstError,
      double seconds, long bytes, Histogram h, double cpuSeconds) {
    BenchResult.Latency latency = new BenchResult.Latency(h.getValueAtPercentile(50), h.getValueAtPercentile(90),
        h.getValueAtPercentile(99), h.getValueAtPercentile(99.9), h.getMaxValue(), h.getTotalCount());
    return new BenchResult(op.label(), bindingText, connector.authLabel(), connector.levelLabel(),
        plan.connections(), plan.inflight(), plan.newConnections(), plan.idleConnections(), idleConnected,
        idleOpenAtEnd, calls, errors, firstError, seconds, bytes, latency, cpuSeconds);
  }

  private long drainNanos() {
    return callTimeoutNanos() + TimeUnit.SECONDS.toNanos(5);
  }

  private long openTimeoutNanos() {
    return connector.settings().connectTimeout().toNanos() + callTimeoutNanos() + TimeUnit.SECONDS.toNanos(5);
  }

  private long callTimeoutNanos() {
    java.time.Duration t = connector.settings().callTimeout();
    return t == null || t.isZero() ? TimeUnit.SECONDS.toNanos(60) : t.toNanos();
  }

  private static long seconds(double s) {
    return (long) (s * 1e9);
  }
}
