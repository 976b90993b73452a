package org.msrpc4j.runtime.client;

/**
 * When a channel sends a call again on a new connection after its connection died (the server
 * restarted, a middlebox dropped the association). Only connection loss is retried: a fault the
 * server sent, a refused bind or a failed authentication is the answer and goes to the caller.
 *
 * <p>A call that never reached the wire cannot have run, so sending it again is always safe. A call
 * that was sent may have run before the connection died; only an operation the IDL marks
 * {@code [idempotent]} may be sent again then. Everything else fails with RPC_S_CALL_FAILED (1726,
 * "may have executed"), and the caller decides.
 *
 * <p>Each attempt is bounded by the channel's connect and call timeouts, so a call ends within
 * {@code (maxRetries + 1)} times those bounds. Immutable.
 *
 * @param retryNeverSent send again a call whose connection died before its request was written
 *     (RPC_S_CALL_FAILED_DNE)
 * @param retryIdempotent send again an {@code [idempotent]} call whose connection died while it
 *     was in flight
 * @param maxRetries how many times one call may be sent again (0..5)
 */
public record RetryPolicy(boolean retryNeverSent, boolean retryIdempotent, int maxRetries) {
  public RetryPolicy {
    if (maxRetries < 0 || maxRetries > 5) {
      throw new IllegalArgumentException("maxRetries must be within 0..5");
    }
  }

  /** Calls never sent and idempotent calls in flight are retried once. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(true, true, 1);
  }

  /** Never retry: every connection loss goes to the caller. */
  public static RetryPolicy none() {
    return new RetryPolicy(false, false, 0);
  }

  /**
   * Whether a call that failed with {@code lost} on attempt {@code attempt} (0 = first) may be
   * sent again.
   */
  boolean allows(ConnectionLostException lost, boolean idempotent, int attempt) {
    if (attempt >= maxRetries) {
      return false;
    }
    return lost.sent() ? idempotent && retryIdempotent : retryNeverSent;
  }
}
