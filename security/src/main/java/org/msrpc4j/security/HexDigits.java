package org.msrpc4j.security;

/** Parses hexadecimal secrets without echoing them in error messages. Stateless. */
final class HexDigits {
  private HexDigits() {}

  /** Parses exactly 32 hex digits into 16 bytes; the message names only {@code what}. */
  static byte[] parse16(String hex, String what) {
    if (hex == null || hex.length() != 32) {
      throw new IllegalArgumentException(what + " must be 32 hexadecimal digits");
    }
    byte[] out = new byte[16];
    for (int i = 0; i < 16; i++) {
      int hi = Character.digit(hex.charAt(2 * i), 16);
      int lo = Character.digit(hex.charAt(2 * i + 1), 16);
      if (hi < 0 || lo < 0) {
        throw new IllegalArgumentException(what + " must be 32 hexadecimal digits");
      }
      out[i] = (byte) (hi << 4 | lo);
    }
    return out;
  }
}
