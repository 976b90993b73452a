package org.msrpc4j.security;

/**
 * RPC authentication services ([MS-RPCE] 2.2.1.1.7, {@code RPC_C_AUTHN_*}).
 *
 * <p>{@link #wireValue()} is the {@code auth_type} byte of the sec_trailer. Immutable; thread-safe.
 */
public enum AuthnService {
  /** No authentication. */
  NONE(0, 0),
  /** SPNEGO ("Negotiate"): Kerberos with NTLM fallback; even number of legs. */
  GSS_NEGOTIATE(9, 9),
  /** NTLM ("WINNT"); three legs (bind, bind_ack, auth3). */
  WINNT(10, 10),
  /** Schannel (not implemented by this project). */
  GSS_SCHANNEL(14, 14),
  /** Kerberos in DCE style; even number of legs. */
  GSS_KERBEROS(16, 16),
  /** Netlogon secure channel (not implemented by this project). */
  NETLOGON(68, 68),
  /** API value meaning "the default service"; a client MUST use WINNT instead ([MS-RPCE] 2.2.1.1.7). */
  DEFAULT(0xFFFFFFFF, 0xFF);

  private final int apiValue;
  private final int wireValue;

  AuthnService(int apiValue, int wireValue) {
    this.apiValue = apiValue;
    this.wireValue = wireValue;
  }

  /** The API constant ({@code RPC_C_AUTHN_*}); DEFAULT is 0xFFFFFFFF. */
  public int apiValue() {
    return apiValue;
  }

  /** The {@code auth_type} byte on the wire. */
  public int wireValue() {
    return wireValue;
  }

  /** The service actually used: DEFAULT resolves to WINNT (NTLM), the rest to themselves. */
  public AuthnService resolveDefault() {
    return this == DEFAULT ? WINNT : this;
  }

  /**
   * The service from its {@code auth_type} byte.
   *
   * @throws IllegalArgumentException if the value is not a known service
   */
  public static AuthnService fromWire(int authType) {
    for (AuthnService s : values()) {
      if (s.wireValue == authType) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown authentication service " + authType);
  }

  /**
   * True when this service completes its handshake with an auth3 PDU (three legs) rather than an
   * alter_context / alter_context_resp pair (even legs).
   */
  public boolean completesWithAuth3() {
    return this == WINNT || this == NETLOGON;
  }
}
