package org.msrpc4j.benchmarks.grpc;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * When a load phase stops starting calls: after a number of calls, or at a deadline.
 *
 * <p>Implementations are thread-safe: every in-flight slot asks before each call.
 */
interface CallLimit {

  /** Claims the right to start one more call; false once the phase is over. */
  boolean tryStartCall();

  /** Stops after exactly {@code calls} calls have been started across all slots. */
  static CallLimit calls(long calls) {
    AtomicLong remaining = new AtomicLong(calls);
    return () -> remaining.getAndDecrement() > 0;
  }

  /** Stops starting calls once {@code duration} has passed since this method was called. */
  static CallLimit duration(Duration duration) {
    long deadline = System.nanoTime() + duration.toNanos();
    return () -> System.nanoTime() - deadline < 0;
  }
}
