package org.msrpc4j.runtime.pdu;

/** co_cancel: the client cancels the call {@code callId}. Immutable. */
public record CancelPdu(int flags, int callId, AuthVerifier auth) implements Pdu {
  @Override
  public PduType type() {
    return PduType.CO_CANCEL;
  }
}
