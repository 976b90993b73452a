package org.msrpc4j.runtime.pdu;

import java.util.List;

/**
 * bind (type {@link PduType#BIND}) or alter_context ({@link PduType#ALTER_CONTEXT}): the two share
 * one layout (C706 12.6.4.3). Immutable.
 */
public record BindPdu(PduType type, int flags, int callId, int maxXmitFrag, int maxRecvFrag,
    int assocGroupId, List<PresentationContext> contexts, AuthVerifier auth) implements Pdu {
  public BindPdu {
    if (type != PduType.BIND && type != PduType.ALTER_CONTEXT) {
      throw new IllegalArgumentException("not a bind type: " + type);
    }
    contexts = List.copyOf(contexts);
    if (contexts.size() > 0xFF) {
      throw new IllegalArgumentException("more than 255 presentation contexts");
    }
  }
}
