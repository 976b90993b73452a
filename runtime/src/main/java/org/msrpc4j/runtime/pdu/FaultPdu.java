package org.msrpc4j.runtime.pdu;

/**
 * fault: a call failed with {@code status}. {@code faultFlags} bit 0x01 says extended error
 * information follows in {@code stub}. PFC_DID_NOT_EXECUTE in {@code flags} tells the client the
 * call never ran. Immutable by convention.
 */
public record FaultPdu(int flags, int callId, int allocHint, int contextId, int cancelCount,
    int faultFlags, int status, byte[] stub, AuthVerifier auth) implements Pdu {
  @Override
  public PduType type() {
    return PduType.FAULT;
  }
}
