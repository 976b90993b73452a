package org.msrpc4j.runtime.pdu;

/** response: one fragment of a call's output stub (auth padding excluded). Immutable by convention. */
public record ResponsePdu(int flags, int callId, int allocHint, int contextId, int cancelCount,
    byte[] stub, AuthVerifier auth) implements Pdu {
  @Override
  public PduType type() {
    return PduType.RESPONSE;
  }
}
