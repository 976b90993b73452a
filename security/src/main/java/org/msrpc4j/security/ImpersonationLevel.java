package org.msrpc4j.security;

/**
 * Impersonation levels a client grants the server ({@code RPC_C_IMP_LEVEL_*}). Immutable;
 * thread-safe.
 */
public enum ImpersonationLevel {
  /** Let the provider choose (IMPERSONATE for NTLM and Kerberos). */
  DEFAULT(0),
  /** The server may not learn the client's identity. */
  ANONYMOUS(1),
  /** The server may learn the identity and check access, but not act as the client. */
  IDENTIFY(2),
  /** The server may act as the client on the local machine. */
  IMPERSONATE(3),
  /** The server may act as the client on other machines (Kerberos delegation). */
  DELEGATE(4);

  private final int value;

  ImpersonationLevel(int value) {
    this.value = value;
  }

  /** The API constant. */
  public int value() {
    return value;
  }

  /**
   * The level from its API value.
   *
   * @throws IllegalArgumentException if unknown
   */
  public static ImpersonationLevel fromValue(int value) {
    for (ImpersonationLevel l : values()) {
      if (l.value == value) {
        return l;
      }
    }
    throw new IllegalArgumentException("unknown impersonation level " + value);
  }
}
