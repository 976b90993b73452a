package org.msrpc4j.runtime.pdu;

import java.util.UUID;

/**
 * request: one fragment of a call's input stub. {@code object} is non-null exactly when
 * PFC_OBJECT_UUID is set. {@code stub} excludes the auth padding. Immutable by convention.
 */
public record RequestPdu(int flags, int callId, int allocHint, int contextId, int opnum,
    UUID object, byte[] stub, AuthVerifier auth) implements Pdu {
  @Override
  public PduType type() {
    return PduType.REQUEST;
  }

  /** This fragment with another stub (the plaintext, once the fragment is unsealed). */
  public RequestPdu withStub(byte[] plaintext) {
    return new RequestPdu(flags, callId, allocHint, contextId, opnum, object, plaintext, auth);
  }
}
