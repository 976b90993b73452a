package org.msrpc4j.runtime;

import java.util.UUID;

/** The NDR/DCE wire form of a UUID: time_low u32, time_mid u16, time_hi u16 little-endian, then 8 bytes as written. */
public final class Uuids {
  private Uuids() {}

  /** Writes {@code u} at {@code offset} (16 bytes). */
  public static void put(byte[] b, int offset, UUID u) {
    long msb = u.getMostSignificantBits();
    long lsb = u.getLeastSignificantBits();
    int d1 = (int) (msb >>> 32);
    b[offset] = (byte) d1;
    b[offset + 1] = (byte) (d1 >>> 8);
    b[offset + 2] = (byte) (d1 >>> 16);
    b[offset + 3] = (byte) (d1 >>> 24);
    b[offset + 4] = (byte) (msb >>> 16);
    b[offset + 5] = (byte) (msb >>> 24);
    b[offset + 6] = (byte) msb;
    b[offset + 7] = (byte) (msb >>> 8);
    for (int i = 0; i < 8; i++) {
      b[offset + 8 + i] = (byte) (lsb >>> (56 - 8 * i));
    }
  }

  /** Reads 16 bytes at {@code offset}; the caller checked the bounds. */
  public static UUID get(byte[] b, int offset) {
    long d1 = (b[offset] & 0xFFL) | (b[offset + 1] & 0xFFL) << 8 | (b[offset + 2] & 0xFFL) << 16
        | (b[offset + 3] & 0xFFL) << 24;
    long d2 = (b[offset + 4] & 0xFFL) | (b[offset + 5] & 0xFFL) << 8;
    long d3 = (b[offset + 6] & 0xFFL) | (b[offset + 7] & 0xFFL) << 8;
    long lsb = 0;
    for (int i = 0; i < 8; i++) {
      lsb = (lsb << 8) | (b[offset + 8 + i] & 0xFF);
    }
    return new UUID((d1 << 32) | (d2 << 16) | d3, lsb);
  }

  /** The 16 wire bytes of {@code u}. */
  public static byte[] toWire(UUID u) {
    byte[] b = new byte[16];
    put(b, 0, u);
    return b;
  }
}
