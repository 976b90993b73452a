package org.msrpc4j.runtime.server;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The stub bytes all incomplete multi-fragment requests of a server may hold together.
 *
 * <p>maxRequestStub bounds one request, maxConnections the number of connections, but their
 * product (32 GiB with the defaults) is more than any heap: many connections each sending all but
 * the last fragment of a large request would exhaust memory before any limit triggered. Requests
 * that fit in one fragment — nearly all calls — never touch the budget; each further fragment costs
 * one atomic add. Thread-safe, lock-free.
 */
final class ReassemblyBudget {
  private final long limit;
  private final AtomicLong used = new AtomicLong();

  ReassemblyBudget(long limit) {
    this.limit = limit;
  }

  /** Takes {@code n} bytes; false (and nothing taken) when that would exceed the limit. */
  boolean reserve(int n) {
    long after = used.addAndGet(n);
    if (after > limit) {
      used.addAndGet(-n);
      return false;
    }
    return true;
  }

  /** Returns bytes taken by {@link #reserve}. */
  void release(long n) {
    if (n > 0) {
      used.addAndGet(-n);
    }
  }

  /** Bytes held now. */
  long used() {
    return used.get();
  }
}
