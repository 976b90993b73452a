package org.msrpc4j.runtime.pdu;

/** shutdown: the server asks the client to end the connection. Immutable. */
public record ShutdownPdu(int flags, int callId) implements Pdu {
  @Override
  public PduType type() {
    return PduType.SHUTDOWN;
  }

  @Override
  public AuthVerifier auth() {
    return null;
  }
}
