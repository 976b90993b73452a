package org.msrpc4j.runtime.pdu;

import java.util.Arrays;
import java.util.UUID;

/**
 * Little-endian writes into a growing byte array (one fragment under construction).
 *
 * <p>Not thread-safe (one per encode).
 */
final class WireWriter {
  private byte[] buf;
  private int pos;

  WireWriter(int initialCapacity) {
    buf = new byte[Math.max(16, initialCapacity)];
  }

  int position() {
    return pos;
  }

  private void ensure(int n) {
    if (buf.length - pos < n) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
    }
  }

  void u8(int v) {
    ensure(1);
    buf[pos++] = (byte) v;
  }

  void u16(int v) {
    ensure(2);
    buf[pos++] = (byte) v;
    buf[pos++] = (byte) (v >>> 8);
  }

  void u32(int v) {
    ensure(4);
    buf[pos++] = (byte) v;
    buf[pos++] = (byte) (v >>> 8);
    buf[pos++] = (byte) (v >>> 16);
    buf[pos++] = (byte) (v >>> 24);
  }

  void u16At(int at, int v) {
    buf[at] = (byte) v;
    buf[at + 1] = (byte) (v >>> 8);
  }

  void bytes(byte[] b, int off, int len) {
    ensure(len);
    System.arraycopy(b, off, buf, pos, len);
    pos += len;
  }

  void bytes(byte[] b) {
    bytes(b, 0, b.length);
  }

  void zeros(int n) {
    ensure(n);
    pos += n; // the array is zero-initialised and never reused
  }

  void alignTo(int base, int alignment) {
    zeros((alignment - ((pos - base) % alignment)) % alignment);
  }

  void uuid(UUID u) {
    long msb = u.getMostSignificantBits();
    long lsb = u.getLeastSignificantBits();
    u32((int) (msb >>> 32));
    u16((int) (msb >>> 16));
    u16((int) msb);
    ensure(8);
    for (int i = 7; i >= 0; i--) {
      buf[pos++] = (byte) (lsb >>> (8 * i));
    }
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buf, pos);
  }
}
