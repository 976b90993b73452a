package org.msrpc4j.security.ntlm;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * An RC4 key stream whose state continues across calls (an NTLM "handle"), backed by the JDK's
 * ARCFOUR cipher. Encrypts in place. Not thread-safe: each direction of a context owns one and
 * guards it.
 */
final class Rc4 {
  private final Cipher cipher;

  Rc4(byte[] key) {
    try {
      cipher = Cipher.getInstance("ARCFOUR");
      cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "ARCFOUR"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RC4 (ARCFOUR) is not available in this JDK", e);
    }
  }

  /** XORs the next key-stream bytes into {@code buf[off, off+len)} in place. */
  void apply(byte[] buf, int off, int len) {
    if (len == 0) {
      return;
    }
    try {
      int n = cipher.update(buf, off, len, buf, off);
      if (n != len) {
        throw new IllegalStateException("RC4 produced " + n + " bytes for " + len);
      }
    } catch (ShortBufferException e) {
      throw new IllegalStateException("RC4 in-place update failed", e);
    }
  }

  /** Applies the key stream to the whole array in place and returns it. */
  byte[] apply(byte[] buf) {
    apply(buf, 0, buf.length);
    return buf;
  }
}
