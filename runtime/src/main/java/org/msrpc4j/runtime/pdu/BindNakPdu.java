package org.msrpc4j.runtime.pdu;

/**
 * bind_nak: the association was refused. Reasons per [MS-RPCE] 2.2.2.5 / C706 12.6.4.4. The
 * supported protocol versions list always announces 5.0. Immutable.
 */
public record BindNakPdu(int flags, int callId, int rejectReason) implements Pdu {
  public static final int REASON_NOT_SPECIFIED = 0;
  public static final int REASON_TEMPORARY_CONGESTION = 1;
  public static final int REASON_LOCAL_LIMIT_EXCEEDED = 2;
  public static final int REASON_PROTOCOL_VERSION_NOT_SUPPORTED = 4;
  public static final int REASON_INVALID_AUTH_TYPE = 8;
  public static final int REASON_INVALID_CHECKSUM = 9;

  @Override
  public PduType type() {
    return PduType.BIND_NAK;
  }

  @Override
  public AuthVerifier auth() {
    return null;
  }
}
