package org.msrpc4j.security;

import java.util.Objects;

/**
 * A security operation failed. Carries a {@link SecurityStatus}; the message says what went wrong
 * in plain words and never contains a secret (password, hash, key, token bytes).
 */
public class SecurityContextException extends Exception {
  private static final long serialVersionUID = 1L;

  private final SecurityStatus status;

  /** Creates the exception. */
  public SecurityContextException(SecurityStatus status, String message) {
    super(message);
    this.status = Objects.requireNonNull(status, "status");
  }

  /** Creates the exception with a cause. */
  public SecurityContextException(SecurityStatus status, String message, Throwable cause) {
    super(message, cause);
    this.status = Objects.requireNonNull(status, "status");
  }

  /** Why it failed. */
  public SecurityStatus status() {
    return status;
  }

  /** Shorthand for {@code status().rpcStatus()}. */
  public int rpcStatus() {
    return status.rpcStatus();
  }
}
