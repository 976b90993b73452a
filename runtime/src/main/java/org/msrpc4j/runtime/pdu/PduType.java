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

  /** PTYPE byte to type (null where undefined): decoding looks the type up on every fragment. */
  private static final PduType[] BY_CODE = new PduType[256];

  static {
    for (PduType t : values()) {
      BY_CODE[t.code] = t;
    }
  }

  PduType(int code) {
    this.code = code;
  }

  /** The PTYPE byte. */
  public int code() {
    return code;
  }

  /** The type for a PTYPE byte, or null for connectionless/unknown values. */
  public static PduType of(int code) {
    return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
  }
}
