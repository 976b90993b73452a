package org.msrpc4j.runtime.pdu;

import java.util.List;
import java.util.Objects;

/**
 * bind_ack ({@link PduType#BIND_ACK}) or alter_context_resp ({@link PduType#ALTER_CONTEXT_RESP}).
 * {@code secondaryAddress} is the port string (may be empty). Immutable.
 */
public record BindAckPdu(PduType type, int flags, int callId, int maxXmitFrag, int maxRecvFrag,
    int assocGroupId, String secondaryAddress, List<ContextResult> results, AuthVerifier auth)
    implements Pdu {
  public BindAckPdu {
    if (type != PduType.BIND_ACK && type != PduType.ALTER_CONTEXT_RESP) {
      throw new IllegalArgumentException("not a bind_ack type: " + type);
    }
    Objects.requireNonNull(secondaryAddress, "secondaryAddress");
    results = List.copyOf(results);
  }
}
