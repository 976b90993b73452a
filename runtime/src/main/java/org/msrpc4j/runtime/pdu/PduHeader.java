package org.msrpc4j.runtime.pdu;

/**
 * The 16-byte common header of a connection-oriented PDU (C706 12.6.3.1). Parsed on its own so
 * that a connection can answer a broken PDU with a fault on the right call id.
 *
 * <p>{@code type} is null for an unknown PTYPE ({@code typeCode} keeps the byte). Immutable.
 */
public record PduHeader(int versionMajor, int versionMinor, int typeCode, PduType type, int flags,
    int drep, int fragLength, int authLength, int callId) {
  /** Size of the common header. */
  public static final int LENGTH = 16;
  /** drep for little-endian integers, ASCII characters, IEEE floats. */
  public static final int DREP_LITTLE_ENDIAN = 0x00000010;
  /** Offset of frag_length in the header, used by stream framing. */
  public static final int FRAG_LENGTH_OFFSET = 8;

  /**
   * Parses the header at the start of {@code frame}. Only needs 16 bytes; does not validate the
   * fields (see {@link PduCodec#decode(byte[])}).
   */
  public static PduHeader parse(byte[] frame) throws PduFormatException {
    WireReader r = new WireReader(frame, 0, frame.length);
    int major = r.u8("rpc_vers");
    int minor = r.u8("rpc_vers_minor");
    int code = r.u8("PTYPE");
    int flags = r.u8("pfc_flags");
    int drep = r.u32("drep");
    int fragLength = r.u16("frag_length");
    int authLength = r.u16("auth_length");
    int callId = r.u32("call_id");
    return new PduHeader(major, minor, code, PduType.of(code), flags, drep, fragLength, authLength, callId);
  }

  /** True when the data representation is the one this runtime speaks (little-endian integers, ASCII). */
  public boolean isLittleEndianAscii() {
    // Byte 0 of drep: high nibble integer format (1 = little-endian), low nibble character set (0 = ASCII).
    return (drep & 0xFF) == 0x10;
  }
}
