package org.msrpc4j.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One phase of a run (the warmup or the measurement): starts every slot, stops them after a
 * duration or lets them run out of calls, and waits until no call is outstanding. Thread-safe:
 * slots report through the volatile stop flag, the latch and {@link BenchStats}.
 */
final class BenchPhase {
  private final BenchOperation operation;
  private final BenchStats stats = new BenchStats();
  private final List<BenchSlot> slots = new ArrayList<>();
  private volatile boolean stopped;
  private CountDownLatch finished;
  private long startNanos;
  private long endNanos;

  BenchPhase(BenchOperation operation) {
    this.operation = operation;
  }

  BenchOperation operation() {
    return operation;
  }

  BenchStats stats() {
    return stats;
  }

  boolean stopped() {
    return stopped;
  }

  void slotFinished() {
    finished.countDown();
  }

  /**
   * Adds the {@code inflight} slots of one connection (or connection slot).
   *
   * @param callsEach calls per slot, or Long.MAX_VALUE for a timed phase
   * @param extraCalls how many of these slots make one call more (to spread a remainder)
   */
  void addSlots(BenchChannels channels, int inflight, long callsEach, long extraCalls) {
    for (int i = 0; i < inflight; i++) {
      long calls = callsEach == Long.MAX_VALUE ? callsEach : callsEach + (i < extraCalls ? 1 : 0);
      // Distinct addone inputs per slot make a mixed-up answer show as a wrong one.
      slots.add(new BenchSlot(this, channels, calls, slots.size() << 20));
    }
  }

  int slotCount() {
    return slots.size();
  }

  /**
   * Runs the phase: for {@code durationNanos} (then stops) when positive, else until every slot
   * made its calls.
   *
   * @param drainNanos how long to wait for outstanding calls after the stop; calls still
   *     outstanding then are counted as errors
   * @param progress called about every 200 ms with the nanoseconds elapsed (may be null)
   */
  void run(long durationNanos, long drainNanos, Progress progress) throws InterruptedException {
    finished = new CountDownLatch(slots.size());
    startNanos = System.nanoTime();
    for (BenchSlot s : slots) {
      s.next();
    }
    long deadline = durationNanos > 0 ? startNanos + durationNanos : Long.MAX_VALUE;
    long tick = TimeUnit.MILLISECONDS.toNanos(200);
    while (true) {
      long now = System.nanoTime();
      if (progress != null) {
        progress.accept(now - startNanos, stats);
      }
      if (durationNanos > 0 && now - deadline >= 0) {
        break;
      }
      long wait = durationNanos > 0 ? Math.min(tick, deadline - now) : tick;
      if (finished.await(wait, TimeUnit.NANOSECONDS)) {
        break;
      }
    }
    stopped = true;
    endNanos = durationNanos > 0 ? System.nanoTime() : 0;
    if (!finished.await(drainNanos, TimeUnit.NANOSECONDS)) {
      stats.failures(finished.getCount(), finished.getCount() + " calls still outstanding "
          + TimeUnit.NANOSECONDS.toSeconds(drainNanos) + " s after the end");
    }
    if (endNanos == 0) {
      endNanos = System.nanoTime();
    }
  }

  /** Seconds from the first call to the stop (timed phase) or to the last completion. */
  double seconds() {
    return (endNanos - startNanos) / 1e9;
  }

  /** Progress callback: nanoseconds since the phase started and its counters so far. */
  @FunctionalInterface
  interface Progress {
    void accept(long elapsedNanos, BenchStats stats);
  }
}
