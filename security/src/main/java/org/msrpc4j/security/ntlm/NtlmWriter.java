package org.msrpc4j.security.ntlm;

import java.io.ByteArrayOutputStream;

/**
 * Builds an NTLM message: a fixed header with field descriptors that point into a payload appended
 * after it. Not thread-safe.
 */
final class NtlmWriter {
  private final byte[] header;
  private final ByteArrayOutputStream payload = new ByteArrayOutputStream();

  NtlmWriter(int type, int headerLength) {
    header = new byte[headerLength];
    System.arraycopy(NtlmReader.SIGNATURE, 0, header, 0, 8);
    putU32(8, type);
  }

  void putU16(int off, int v) {
    header[off] = (byte) v;
    header[off + 1] = (byte) (v >>> 8);
  }

  void putU32(int off, int v) {
    header[off] = (byte) v;
    header[off + 1] = (byte) (v >>> 8);
    header[off + 2] = (byte) (v >>> 16);
    header[off + 3] = (byte) (v >>> 24);
  }

  void putBytes(int off, byte[] b) {
    System.arraycopy(b, 0, header, off, b.length);
  }

  /** Appends {@code value} to the payload and writes its descriptor at {@code fieldOff}. */
  void putField(int fieldOff, byte[] value) {
    if (value.length > 0xFFFF) {
      throw new IllegalArgumentException("NTLM field longer than 65535 bytes");
    }
    putU16(fieldOff, value.length);
    putU16(fieldOff + 2, value.length);
    putU32(fieldOff + 4, header.length + payload.size());
    payload.writeBytes(value);
  }

  byte[] toByteArray() {
    byte[] p = payload.toByteArray();
    byte[] out = new byte[header.length + p.length];
    System.arraycopy(header, 0, out, 0, header.length);
    System.arraycopy(p, 0, out, header.length, p.length);
    return out;
  }
}
