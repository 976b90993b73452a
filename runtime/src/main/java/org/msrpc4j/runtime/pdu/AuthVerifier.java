package org.msrpc4j.runtime.pdu;

import java.util.Arrays;
import java.util.Objects;

/**
 * The auth verifier of a PDU ([MS-RPCE] 2.2.2.11): the 8-byte sec_trailer (auth_type, auth_level,
 * auth_pad_length, auth_context_id) and the token (auth_value) that follows it.
 *
 * <p>On encode, {@code padLength} is ignored for request/response/fault PDUs: the codec computes
 * the padding that aligns the stub to 16 bytes. The token array is not copied; treat it as
 * immutable after construction.
 */
public record AuthVerifier(int authType, int authLevel, int padLength, int contextId, byte[] token) {
  /** Size of the sec_trailer on the wire. */
  public static final int TRAILER_LENGTH = 8;

  public AuthVerifier {
    Objects.requireNonNull(token, "token");
    if (token.length > 0xFFFF) {
      throw new IllegalArgumentException("auth token longer than 65535 bytes");
    }
  }

  /** The same verifier with a different token (e.g. the computed signature). */
  public AuthVerifier withToken(byte[] newToken) {
    return new AuthVerifier(authType, authLevel, padLength, contextId, newToken);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AuthVerifier a && a.authType == authType && a.authLevel == authLevel
        && a.padLength == padLength && a.contextId == contextId && Arrays.equals(a.token, token);
  }

  @Override
  public int hashCode() {
    return Objects.hash(authType, authLevel, padLength, contextId, Arrays.hashCode(token));
  }

  @Override
  public String toString() {
    // Never print the token: it may be a credential-bearing blob.
    return "AuthVerifier[type=" + authType + ", level=" + authLevel + ", pad=" + padLength
        + ", ctx=" + contextId + ", token=" + token.length + " bytes]";
  }
}
