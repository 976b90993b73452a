package org.msrpc4j.runtime.pdu;

/** auth3 ([MS-RPCE] 2.2.2.10): the third leg of a three-leg authentication. Immutable. */
public record Auth3Pdu(int flags, int callId, AuthVerifier auth) implements Pdu {
  @Override
  public PduType type() {
    return PduType.AUTH3;
  }
}
