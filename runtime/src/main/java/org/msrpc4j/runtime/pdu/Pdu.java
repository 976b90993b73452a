package org.msrpc4j.runtime.pdu;

/**
 * One connection-oriented PDU (one fragment on the wire), decoded. Every PDU type has its record;
 * {@link PduCodec} converts between them and bytes.
 *
 * <p>Implementations are immutable records; byte arrays they carry are not copied and must not be
 * modified after construction.
 */
public sealed interface Pdu
    permits BindPdu, BindAckPdu, BindNakPdu, RequestPdu, ResponsePdu, FaultPdu, Auth3Pdu,
        ShutdownPdu, CancelPdu, OrphanedPdu {
  /** The PDU type. */
  PduType type();

  /** The pfc_flags byte. */
  int flags();

  /** The call id. */
  int callId();

  /** The auth verifier, or null when auth_length is 0. */
  AuthVerifier auth();

  /** True when {@code flag} (a {@link PfcFlags} bit) is set. */
  default boolean hasFlag(int flag) {
    return (flags() & flag) != 0;
  }
}
