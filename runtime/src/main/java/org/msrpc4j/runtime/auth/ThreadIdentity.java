package org.msrpc4j.runtime.auth;

import java.util.Objects;
import java.util.Optional;

/**
 * The caller identity bound to the current thread while a server impersonates its client
 * (RpcImpersonateClient / RpcRevertToSelf). This is the JVM's equivalent of a thread token: one
 * slot per thread, so it is per-thread state rather than shared mutable state.
 *
 * <p>{@link #impersonate(CallerIdentity)} returns an {@link Impersonation} whose {@code close()}
 * puts back whatever was bound before, so nested impersonations unwind correctly in
 * try-with-resources order. Thread-safe (each thread sees only its own binding).
 */
public final class ThreadIdentity {
  private static final ThreadLocal<CallerIdentity> CURRENT = new ThreadLocal<>();

  private ThreadIdentity() {}

  /** The identity the current thread is impersonating, if any. */
  public static Optional<CallerIdentity> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  /** Binds {@code identity} to the current thread until the result is closed. */
  public static Impersonation impersonate(CallerIdentity identity) {
    Objects.requireNonNull(identity, "identity");
    CallerIdentity previous = CURRENT.get();
    CURRENT.set(identity);
    return new Impersonation(Thread.currentThread(), identity, previous);
  }

  /**
   * An active impersonation; {@link #close()} reverts to the previous identity (RpcRevertToSelf).
   * Close it on the thread that opened it; closing twice does nothing.
   */
  public static final class Impersonation implements AutoCloseable {
    private final Thread thread;
    private final CallerIdentity identity;
    private final CallerIdentity previous;
    private boolean closed;

    private Impersonation(Thread thread, CallerIdentity identity, CallerIdentity previous) {
      this.thread = thread;
      this.identity = identity;
      this.previous = previous;
    }

    /** The identity this impersonation bound. */
    public CallerIdentity identity() {
      return identity;
    }

    @Override
    public void close() {
      if (closed) {
        return;
      }
      if (Thread.currentThread() != thread) {
        throw new IllegalStateException("an impersonation must be reverted on the thread that started it");
      }
      closed = true;
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }
}
