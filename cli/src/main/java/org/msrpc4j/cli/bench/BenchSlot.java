package org.msrpc4j.cli.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.msrpc4j.interfaces.echo.RpcechoClient;
import org.msrpc4j.runtime.client.RpcChannel;

/**
 * One call in flight, for ever: when the call completes it is checked and counted and the next one
 * is started from the completion (no thread waits). A connection with {@code --inflight M} has M
 * slots. The slot object is the completion callback itself, so a call allocates nothing here
 * beyond what the stub needs.
 *
 * <p>Thread-safe for its single use: a slot has at most one call outstanding; the next call may
 * be started on whichever thread completed the previous one. A call that completes while it is
 * being started (a synchronous failure) does not recurse: the {@code wip} counter turns the
 * recursion into a loop in the starting thread.
 */
final class BenchSlot implements BiConsumer<Object, Throwable> {
  private final BenchPhase phase;
  private final BenchChannels channels;
  private final AtomicInteger wip = new AtomicInteger();
  private long remaining;
  private int seq;
  private long startNanos;
  private RpcChannel channel;
  private RpcechoClient echo;
  /** The channel the outstanding call was given, null when acquiring it failed. */
  private RpcChannel leased;

  /**
   * @param calls how many calls this slot makes, or Long.MAX_VALUE until the phase stops it
   */
  BenchSlot(BenchPhase phase, BenchChannels channels, long calls, int firstSeq) {
    this.phase = phase;
    this.channels = channels;
    this.remaining = calls;
    this.seq = firstSeq;
  }

  /** Starts the next call unless the phase has stopped or this slot has made its calls. */
  void next() {
    if (wip.getAndIncrement() != 0) {
      return; // the thread already in the loop below starts it
    }
    do {
      startOne();
    } while (wip.decrementAndGet() != 0);
  }

  private void startOne() {
    if (remaining == 0 || phase.stopped()) {
      phase.slotFinished();
      return;
    }
    remaining--;
    seq++;
    CompletableFuture<?> call;
    startNanos = System.nanoTime();
    leased = null;
    try {
      RpcChannel ch = channels.acquire();
      leased = ch;
      if (ch != channel) {
        channel = ch;
        echo = new RpcechoClient(ch);
      }
      call = phase.operation().start(echo, ch, seq);
    } catch (Exception | LinkageError e) {
      call = CompletableFuture.failedFuture(e);
    }
    call.whenComplete(this);
  }

  /** The completion of the call started last. */
  @Override
  public void accept(Object result, Throwable error) {
    long nanos = System.nanoTime() - startNanos;
    if (leased != null) {
      channels.release(leased);
    }
    if (error != null) {
      phase.stats().failure(describe(error));
    } else {
      String wrong = phase.operation().check(result, seq);
      if (wrong != null) {
        phase.stats().failure(wrong);
      } else if (!phase.stopped()) {
        // A call completing after the end of a timed phase is outside its duration: not counted.
        phase.stats().success(nanos, phase.operation().bytesPerCall());
      }
    }
    next();
  }

  static String describe(Throwable t) {
    Throwable c = t;
    while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
      c = c.getCause();
    }
    String m = c.getMessage();
    return m == null || m.isBlank() ? c.getClass().getSimpleName() : m;
  }
}
