package org.msrpc4j.security.ntlm;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Locale;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The [MS-NLMP] 3.3 / 3.4.5 / 6 functions: NTOWF, HMAC_MD5, MD5, RC4K, SIGNKEY, SEALKEY. Stateless;
 * thread-safe. JDK algorithms (HmacMD5, MD5, ARCFOUR) are always present in the JDK's SunJCE
 * provider, so a missing one is an internal error.
 */
final class NtlmCrypto {
  private static final byte[] CLIENT_SIGN =
      magic("session key to client-to-server signing key magic constant");
  private static final byte[] SERVER_SIGN =
      magic("session key to server-to-client signing key magic constant");
  private static final byte[] CLIENT_SEAL =
      magic("session key to client-to-server sealing key magic constant");
  private static final byte[] SERVER_SEAL =
      magic("session key to server-to-client sealing key magic constant");

  private NtlmCrypto() {}

  private static byte[] magic(String s) {
    byte[] text = s.getBytes(StandardCharsets.US_ASCII);
    byte[] withNul = new byte[text.length + 1]; // the terminating NUL is part of the constant
    System.arraycopy(text, 0, withNul, 0, text.length);
    return withNul;
  }

  /** UTF-16LE bytes of a string. */
  static byte[] unicode(String s) {
    return s.getBytes(StandardCharsets.UTF_16LE);
  }

  /** NTOWFv1 = MD4(UNICODE(password)). */
  static byte[] ntowfV1(char[] password) {
    return org.msrpc4j.security.NtHash.of(password);
  }

  /** NTOWFv2 = HMAC_MD5(NTOWFv1, UNICODE(UPPER(user) ‖ domain)); only the user is upper-cased. */
  static byte[] ntowfV2(byte[] ntHash, String user, String domain) {
    return hmacMd5(ntHash, unicode(user.toUpperCase(Locale.ROOT) + domain));
  }

  /** HMAC_MD5(key, concatenation of parts). */
  static byte[] hmacMd5(byte[] key, byte[]... parts) {
    Mac mac = newHmacMd5(key);
    for (byte[] p : parts) {
      mac.update(p);
    }
    return mac.doFinal();
  }

  /** A fresh HMAC_MD5 instance keyed with {@code key}. */
  static Mac newHmacMd5(byte[] key) {
    try {
      Mac mac = Mac.getInstance("HmacMD5");
      mac.init(new SecretKeySpec(key, "HmacMD5"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacMD5 is not available in this JDK", e);
    }
  }

  /** MD5 of the concatenation of parts. */
  static byte[] md5(byte[]... parts) {
    try {
      MessageDigest md = MessageDigest.getInstance("MD5");
      for (byte[] p : parts) {
        md.update(p);
      }
      return md.digest();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("MD5 is not available in this JDK", e);
    }
  }

  /** RC4K(key, data): a one-shot RC4 encryption with a fresh key schedule. */
  static byte[] rc4k(byte[] key, byte[] data) {
    return new Rc4(key).apply(data.clone());
  }

  /** SIGNKEY for extended session security ([MS-NLMP] 3.4.5.2). */
  static byte[] signKey(byte[] exportedSessionKey, boolean clientToServer) {
    return md5(exportedSessionKey, clientToServer ? CLIENT_SIGN : SERVER_SIGN);
  }

  /**
   * SEALKEY for extended session security ([MS-NLMP] 3.4.5.3): the session key is cut to 16, 7 or
   * 5 bytes for 128-, 56- or 40-bit before it is hashed with the magic constant.
   */
  static byte[] sealKey(byte[] exportedSessionKey, long flags, boolean clientToServer) {
    int len;
    if ((flags & NtlmFlags.NEGOTIATE_128) != 0) {
      len = 16;
    } else if ((flags & NtlmFlags.NEGOTIATE_56) != 0) {
      len = 7;
    } else {
      len = 5;
    }
    byte[] key = java.util.Arrays.copyOf(exportedSessionKey, len);
    return md5(key, clientToServer ? CLIENT_SEAL : SERVER_SEAL);
  }

  /** DES-encrypts one 8-byte block with a 7-byte key expanded to DES parity form ([MS-NLMP] 6 DES). */
  static byte[] des(byte[] key7, byte[] block8) {
    byte[] key8 = new byte[8];
    key8[0] = key7[0];
    key8[1] = (byte) (key7[0] << 7 | (key7[1] & 0xff) >>> 1);
    key8[2] = (byte) (key7[1] << 6 | (key7[2] & 0xff) >>> 2);
    key8[3] = (byte) (key7[2] << 5 | (key7[3] & 0xff) >>> 3);
    key8[4] = (byte) (key7[3] << 4 | (key7[4] & 0xff) >>> 4);
    key8[5] = (byte) (key7[4] << 3 | (key7[5] & 0xff) >>> 5);
    key8[6] = (byte) (key7[5] << 2 | (key7[6] & 0xff) >>> 6);
    key8[7] = (byte) (key7[6] << 1);
    try {
      Cipher c = Cipher.getInstance("DES/ECB/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key8, "DES"));
      return c.doFinal(block8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("DES is not available in this JDK", e);
    }
  }

  /** DESL(K, D) ([MS-NLMP] 6): three DES encryptions of D under the 16-byte K padded to 21 bytes. */
  static byte[] desl(byte[] key16, byte[] data8) {
    byte[] k = java.util.Arrays.copyOf(key16, 21);
    byte[] out = new byte[24];
    for (int i = 0; i < 3; i++) {
      byte[] part = des(java.util.Arrays.copyOfRange(k, 7 * i, 7 * i + 7), data8);
      System.arraycopy(part, 0, out, 8 * i, 8);
    }
    return out;
  }
}
