package org.msrpc4j.benchmarks;

import java.security.GeneralSecurityException;
import java.util.SplittableRandom;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The least work one sealed message of a given algorithm pair can cost with the JDK's own
 * primitives: one encryption pass and one MAC pass over the same bytes, with the Cipher and Mac
 * instances created and keyed once (key schedules cached), no allocation per pass. RC4 runs in
 * place; AES writes to a second preallocated buffer, because SunJCE copies an overlapping input
 * on every call (the fastest way the JDK offers, cheaper than in place).
 *
 * <ul>
 *   <li>{@link Algorithm#AES256_CTS_HMAC_SHA1}: {@code AES/CBC/NoPadding} with a 256-bit
 *       key and a zero IV over the (block-aligned) payload, then {@code HmacSHA1} over the same
 *       bytes: what one Kerberos AES wrap costs at minimum. CTS differs from CBC only in how the
 *       last two blocks are laid out, and SunJCE's own {@code AES/CTS/NoPadding} copies the whole
 *       input on every doFinal, so plain CBC in place is the lower bound. Not included: the
 *       16-byte confounder and 32-byte filler/header copy that a wrap also encrypts and MACs, the
 *       token layout and the sequence number.
 *   <li>{@link Algorithm#RC4_HMAC_MD5}: {@code ARCFOUR} continuing its key stream, then
 *       {@code HmacMD5} over the bytes: what one NTLM seal costs at minimum (NTLM also RC4s the
 *       8-byte checksum and writes the 16-byte signature; RC4-HMAC Kerberos adds an MD5 and two
 *       small HMAC-MD5 key derivations per message).
 * </ul>
 *
 * <p>Not thread-safe: each thread owns its instance.
 */
final class CipherLimitPass {

  /** The two algorithm pairs msrpc4j seals with. */
  enum Algorithm {
    AES256_CTS_HMAC_SHA1,
    RC4_HMAC_MD5
  }

  private final Algorithm algorithm;
  private final Cipher cipher;
  private final Mac mac;
  private final byte[] buffer;
  private final byte[] output;
  private final byte[] macOut;

  CipherLimitPass(Algorithm algorithm, int size) throws GeneralSecurityException {
    this.algorithm = algorithm;
    SplittableRandom random = new SplittableRandom(11);
    this.buffer = new byte[size];
    random.nextBytes(buffer);
    byte[] encKey = new byte[algorithm == Algorithm.AES256_CTS_HMAC_SHA1 ? 32 : 16];
    byte[] macKey = new byte[algorithm == Algorithm.AES256_CTS_HMAC_SHA1 ? 32 : 16];
    random.nextBytes(encKey);
    random.nextBytes(macKey);
    if (algorithm == Algorithm.AES256_CTS_HMAC_SHA1) {
      if (size % 16 != 0) {
        throw new IllegalArgumentException("the AES limit is measured on whole blocks");
      }
      cipher = Cipher.getInstance("AES/CBC/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(encKey, "AES"), new IvParameterSpec(new byte[16]));
      mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(macKey, "HmacSHA1"));
    } else {
      cipher = Cipher.getInstance("ARCFOUR");
      cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(encKey, "ARCFOUR"));
      mac = Mac.getInstance("HmacMD5");
      mac.init(new SecretKeySpec(macKey, "HmacMD5"));
    }
    this.macOut = new byte[mac.getMacLength()];
    this.output = algorithm == Algorithm.AES256_CTS_HMAC_SHA1 ? new byte[size] : buffer;
  }

  /** The payload size in bytes. */
  int size() {
    return buffer.length;
  }

  /** MACs then encrypts the buffer; returns a byte of the result so the work is kept. */
  byte run() throws GeneralSecurityException {
    mac.update(buffer, 0, buffer.length);
    mac.doFinal(macOut, 0);
    if (algorithm == Algorithm.AES256_CTS_HMAC_SHA1) {
      // doFinal returns the cipher to its initialised state (zero IV), as each Kerberos message needs.
      cipher.doFinal(buffer, 0, buffer.length, output, 0);
    } else {
      cipher.update(buffer, 0, buffer.length, output, 0);
    }
    return (byte) (output[output.length - 1] ^ macOut[0]);
  }
}
