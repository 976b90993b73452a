package org.msrpc4j.security.ntlm;

import java.util.HexFormat;

/** Hex helpers for tests. */
final class Hex {
  private Hex() {}

  static byte[] b(String hex) {
    return HexFormat.of().parseHex(hex.replace(" ", ""));
  }

  static String s(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
