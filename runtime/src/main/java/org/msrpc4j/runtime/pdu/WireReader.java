package org.msrpc4j.runtime.pdu;

import java.util.UUID;

/**
 * Bounds-checked little-endian reads from one fragment. Every read checks the remaining length
 * and fails with {@link PduFormatException}, so no index exception escapes from network data.
 *
 * <p>Not thread-safe (one per decode).
 */
final class WireReader {
  private final byte[] buf;
  private int pos;
  private final int limit;

  WireReader(byte[] buf, int offset, int limit) {
    this.buf = buf;
    this.pos = offset;
    this.limit = limit;
  }

  int position() {
    return pos;
  }

  int remaining() {
    return limit - pos;
  }

  private void need(int n, String what) throws PduFormatException {
    if (n < 0 || limit - pos < n) {
      throw new PduFormatException("truncated " + what + ": need " + n + " bytes, have " + (limit - pos));
    }
  }

  int u8(String what) throws PduFormatException {
    need(1, what);
    return buf[pos++] & 0xFF;
  }

  int u16(String what) throws PduFormatException {
    need(2, what);
    int v = (buf[pos] & 0xFF) | (buf[pos + 1] & 0xFF) << 8;
    pos += 2;
    return v;
  }

  int u32(String what) throws PduFormatException {
    need(4, what);
    int v = (buf[pos] & 0xFF) | (buf[pos + 1] & 0xFF) << 8 | (buf[pos + 2] & 0xFF) << 16
        | (buf[pos + 3] & 0xFF) << 24;
    pos += 4;
    return v;
  }

  void skip(int n, String what) throws PduFormatException {
    need(n, what);
    pos += n;
  }

  void alignTo(int base, int alignment, String what) throws PduFormatException {
    int pad = (alignment - ((pos - base) % alignment)) % alignment;
    skip(pad, what);
  }

  byte[] bytes(int n, String what) throws PduFormatException {
    need(n, what);
    byte[] out = new byte[n];
    System.arraycopy(buf, pos, out, 0, n);
    pos += n;
    return out;
  }

  UUID uuid(String what) throws PduFormatException {
    need(16, what);
    long d1 = u32(what) & 0xFFFFFFFFL;
    long d2 = u16(what);
    long d3 = u16(what);
    long msb = (d1 << 32) | (d2 << 16) | d3;
    long lsb = 0;
    for (int i = 0; i < 8; i++) {
      lsb = (lsb << 8) | (buf[pos++] & 0xFF);
    }
    return new UUID(msb, lsb);
  }
}
