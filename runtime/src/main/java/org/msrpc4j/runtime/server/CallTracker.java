package org.msrpc4j.runtime.server;

import java.util.concurrent.TimeUnit;

/**
 * Counts the calls executing on a server so that a graceful shutdown can wait for them to drain.
 * Thread-safe.
 */
final class CallTracker {
  private int inFlight;
  private volatile boolean draining;

  synchronized void started() {
    inFlight++;
  }

  synchronized void finished() {
    inFlight--;
    if (inFlight == 0) {
      notifyAll();
    }
  }

  synchronized int inFlight() {
    return inFlight;
  }

  boolean draining() {
    return draining;
  }

  void startDraining() {
    draining = true;
  }

  /** Waits until no call executes or the time is up; true when drained. */
  synchronized boolean awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
    long end = System.nanoTime() + unit.toNanos(timeout);
    while (inFlight > 0) {
      long left = end - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }
}
