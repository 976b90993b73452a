package org.msrpc4j.cli.bench;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * What one phase of a run counted: calls, errors, stub bytes and the latency of every successful
 * call. Thread-safe without locks on the recording path: counters are {@link LongAdder}s and each
 * recording thread has its own {@link SingleWriterRecorder}, merged by {@link #latencies()}.
 */
final class BenchStats {
  /** Latencies are recorded in microseconds up to an hour (longer ones are clamped to it). */
  private static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);

  private final LongAdder calls = new LongAdder();
  private final LongAdder errors = new LongAdder();
  private final LongAdder bytes = new LongAdder();
  private final AtomicReference<String> firstError = new AtomicReference<>();
  private final Queue<SingleWriterRecorder> recorders = new ConcurrentLinkedQueue<>();
  private final ThreadLocal<SingleWriterRecorder> recorder = ThreadLocal.withInitial(this::newRecorder);

  private SingleWriterRecorder newRecorder() {
    SingleWriterRecorder r = new SingleWriterRecorder(1, HIGHEST_MICROS, 3);
    recorders.add(r);
    return r;
  }

  /** Counts a right answer that took {@code nanos} and moved {@code stubBytes}. */
  void success(long nanos, long stubBytes) {
    calls.increment();
    bytes.add(stubBytes);
    recorder.get().recordValue(Math.min(HIGHEST_MICROS, Math.max(1, nanos / 1000)));
  }

  /** Counts a failed call or a wrong answer; the first message is kept for the report. */
  void failure(String message) {
    errors.increment();
    if (firstError.get() == null) {
      firstError.compareAndSet(null, message == null ? "(no message)" : message);
    }
  }

  /** Counts {@code n} failures at once (calls that never completed). */
  void failures(long n, String message) {
    if (n > 0) {
      errors.add(n);
      firstError.compareAndSet(null, message);
    }
  }

  long calls() {
    return calls.sum();
  }

  long errors() {
    return errors.sum();
  }

  long bytes() {
    return bytes.sum();
  }

  /** The first error's message, or null. */
  String firstError() {
    return firstError.get();
  }

  /**
   * The latencies recorded since the previous call (all of them the first time), in microseconds.
   * Call it once the phase has ended; a recording that races with it lands in the next interval.
   */
  Histogram latencies() {
    Histogram all = new Histogram(1, HIGHEST_MICROS, 3);
    for (SingleWriterRecorder r : recorders) {
      all.add(r.getIntervalHistogram());
    }
    return all;
  }
}
