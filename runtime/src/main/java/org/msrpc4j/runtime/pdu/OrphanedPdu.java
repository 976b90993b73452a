package org.msrpc4j.runtime.pdu;

/** orphaned: the client abandons the call {@code callId} (e.g. it stopped sending fragments). Immutable. */
public record OrphanedPdu(int flags, int callId, AuthVerifier auth) implements Pdu {
  @Override
  public PduType type() {
    return PduType.ORPHANED;
  }
}
