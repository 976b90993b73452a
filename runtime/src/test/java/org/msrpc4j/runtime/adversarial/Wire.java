package org.msrpc4j.runtime.adversarial;

/**
 * Offsets of the connection-oriented PDU fields an attacker edits (C706 12.6, [MS-RPCE] 2.2.2),
 * written out here on purpose: the tests must not share the codec they attack. Stateless.
 */
final class Wire {
  static final int PTYPE = 2;
  static final int PFC_FLAGS = 3;
  static final int FRAG_LENGTH = 8;
  static final int AUTH_LENGTH = 10;
  static final int CALL_ID = 12;
  static final int PFC_SUPPORT_HEADER_SIGN = 0x04;
  /** In a request: the operation number. */
  static final int REQUEST_OPNUM = 22;
  static final int PTYPE_REQUEST = 0;
  static final int PTYPE_FAULT = 3;
  static final int PTYPE_BIND = 11;
  static final int PTYPE_BIND_ACK = 12;
  static final int PTYPE_BIND_NAK = 13;
  static final int PTYPE_ALTER_CONTEXT = 14;
  static final int PTYPE_ALTER_CONTEXT_RESP = 15;
  /** In a bind/alter_context: the first context's abstract syntax minor version. */
  static final int BIND_FIRST_IF_MINOR = 50;
  static final int AUTH_TYPE_SPNEGO = 9;
  static final int AUTH_TYPE_KERBEROS = 16;

  private Wire() {}

  static int u16(byte[] b, int off) {
    return (b[off] & 0xff) | (b[off + 1] & 0xff) << 8;
  }

  static void put16(byte[] b, int off, int v) {
    b[off] = (byte) v;
    b[off + 1] = (byte) (v >>> 8);
  }

  static void put32(byte[] b, int off, int v) {
    put16(b, off, v);
    put16(b, off + 2, v >>> 16);
  }

  /** Offset of the 8-byte sec_trailer (auth_type, auth_level, pad, reserved, auth_context_id). */
  static int secTrailer(byte[] frame) {
    return u16(frame, FRAG_LENGTH) - u16(frame, AUTH_LENGTH) - 8;
  }

  static int type(byte[] frame) {
    return frame[PTYPE] & 0xff;
  }

  static int callId(byte[] frame) {
    return u16(frame, CALL_ID) | u16(frame, CALL_ID + 2) << 16;
  }
}
