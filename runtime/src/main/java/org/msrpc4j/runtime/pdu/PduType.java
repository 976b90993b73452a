package org.msrpc4j.runtime.pdu;

/** Connection-oriented PDU types (C706 12.6.4, [MS-RPCE] 2.2.2). */
public enum PduType {
  REQUEST(0),
  RESPONSE(2),
  FAULT(3),
  BIND(11),
  BIND_ACK(12),
  BIND_NAK(13),
  ALTER_CONTEXT(14),
  ALTER_CONTEXT_RESP(15),
  AUTH3(16),
  SHUTDOWN(17),
  CO_CANCEL(18),
  ORPHANED(19);

  private final int code;

  PduType(int code) {
    this.code = code;
  }

  /** The PTYPE byte. */
  public int code() {
    return code;
  }

  /** The type for a PTYPE byte, or null for connectionless/unknown values. */
  public static PduType of(int code) {
    for (PduType t : values()) {
      if (t.code == code) {
        return t;
      }
    }
    return null;
  }
}
