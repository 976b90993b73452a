package org.msrpc4j.security;

/**
 * RPC authentication levels ([MS-RPCE] 2.2.1.1.8, {@code RPC_C_AUTHN_LEVEL_*}).
 *
 * <p>The numeric value is what travels in the {@code auth_level} byte of the sec_trailer.
 * Immutable; thread-safe.
 */
public enum AuthnLevel {
  /** API-only value meaning "the default", which is CONNECT for connection-oriented RPC. */
  DEFAULT(0),
  /** No authentication. */
  NONE(1),
  /** Authenticate once, when the association's security context is established. */
  CONNECT(2),
  /** Authenticate the first fragment of each call; upgraded to PKT on connection-oriented RPC. */
  CALL(3),
  /** Every PDU carries a verifier (integrity of the verifier only, per [MS-RPCE]). */
  PKT(4),
  /** Every PDU is signed. */
  PKT_INTEGRITY(5),
  /** Every PDU is signed and its stub data encrypted. */
  PKT_PRIVACY(6);

  private final int value;

  AuthnLevel(int value) {
    this.value = value;
  }

  /** The wire / API value (0–6). */
  public int value() {
    return value;
  }

  /**
   * The level from its wire value.
   *
   * @throws IllegalArgumentException if the value is not 0–6
   */
  public static AuthnLevel fromValue(int value) {
    for (AuthnLevel level : values()) {
      if (level.value == value) {
        return level;
      }
    }
    throw new IllegalArgumentException("unknown authentication level " + value);
  }

  /**
   * The level actually used on a connection-oriented transport: DEFAULT becomes CONNECT and CALL
   * becomes PKT, as Windows does ([MS-RPCE] 2.2.1.1.8: an unsupported level is upgraded to the
   * next higher one).
   */
  public AuthnLevel effectiveForConnectionOriented() {
    return switch (this) {
      case DEFAULT -> CONNECT;
      case CALL -> PKT;
      default -> this;
    };
  }

  /** True when request and response PDUs carry an auth verifier at this (effective) level. */
  public boolean protectsEachPdu() {
    return value >= PKT.value;
  }

  /** True when the stub data is encrypted at this level. */
  public boolean isPrivacy() {
    return this == PKT_PRIVACY;
  }

  /** True for every level that authenticates the caller (CONNECT and above). */
  public boolean isAuthenticated() {
    return value >= CONNECT.value;
  }

  /** True when this level is at least {@code other}, comparing effective connection-oriented levels. */
  public boolean isAtLeast(AuthnLevel other) {
    return effectiveForConnectionOriented().value >= other.effectiveForConnectionOriented().value;
  }
}
