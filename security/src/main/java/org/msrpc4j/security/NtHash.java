package org.msrpc4j.security;

import java.util.Arrays;

/**
 * The NT hash (NTOWFv1, [MS-NLMP] 3.3.1): MD4 of the UTF-16LE password. Also the RC4-HMAC
 * Kerberos key (RFC 4757). Stateless; thread-safe.
 */
public final class NtHash {
  private NtHash() {}

  /** The 16-byte NT hash of {@code password}; the caller keeps ownership of the array. */
  public static byte[] of(char[] password) {
    byte[] bytes = new byte[password.length * 2];
    for (int i = 0; i < password.length; i++) {
      bytes[2 * i] = (byte) password[i];
      bytes[2 * i + 1] = (byte) (password[i] >>> 8);
    }
    try {
      return Md4.digest(bytes);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /**
   * Parses 32 hexadecimal digits.
   *
   * @throws IllegalArgumentException if malformed (the text is not echoed)
   */
  public static byte[] fromHex(String hex) {
    return HexDigits.parse16(hex, "NT hash");
  }
}
