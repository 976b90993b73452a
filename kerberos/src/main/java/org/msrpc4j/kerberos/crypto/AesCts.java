package org.msrpc4j.kerberos.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES in CBC mode with ciphertext stealing as Kerberos uses it (RFC 3962: the "CS3" variant, which
 * always swaps the last two blocks, even when the final block is full), with an all-zero IV.
 *
 * <p>Stateless; thread-safe (a JCE {@link Cipher} is created per call).
 */
public final class AesCts {
    private static final int BLOCK = 16;

    private AesCts() {
    }

    /**
     * Encrypts {@code in[off, off+len)} with AES-CTS and a zero IV.
     *
     * @param key a 16- or 32-byte AES key
     * @param in the plaintext buffer
     * @param off start of the plaintext
     * @param len plaintext length, at least 16
     * @return the ciphertext, {@code len} bytes
     * @throws GeneralSecurityException when the JCE refuses the key
     */
    public static byte[] encrypt(byte[] key, byte[] in, int off, int len) throws GeneralSecurityException {
        if (len < BLOCK) {
            throw new GeneralSecurityException("AES-CTS input shorter than one block");
        }
        if (len == BLOCK) {
            return ecb(key, Cipher.ENCRYPT_MODE).doFinal(in, off, len);
        }
        int blocks = (len + BLOCK - 1) / BLOCK;
        byte[] padded = Arrays.copyOfRange(in, off, off + blocks * BLOCK);
        if (len < padded.length) {
            Arrays.fill(padded, len, padded.length, (byte) 0);
        }
        byte[] cbc = cbc(key, Cipher.ENCRYPT_MODE).doFinal(padded);
        int lastLen = len - (blocks - 1) * BLOCK;
        byte[] out = new byte[len];
        System.arraycopy(cbc, 0, out, 0, (blocks - 2) * BLOCK);
        System.arraycopy(cbc, (blocks - 1) * BLOCK, out, (blocks - 2) * BLOCK, BLOCK);
        System.arraycopy(cbc, (blocks - 2) * BLOCK, out, (blocks - 1) * BLOCK, lastLen);
        return out;
    }

    /**
     * Decrypts {@code in[off, off+len)} with AES-CTS and a zero IV.
     *
     * @param key a 16- or 32-byte AES key
     * @param in the ciphertext buffer
     * @param off start of the ciphertext
     * @param len ciphertext length, at least 16
     * @return the plaintext, {@code len} bytes
     * @throws GeneralSecurityException when the input is too short or the JCE refuses the key
     */
    public static byte[] decrypt(byte[] key, byte[] in, int off, int len) throws GeneralSecurityException {
        if (len < BLOCK) {
            throw new GeneralSecurityException("AES-CTS input shorter than one block");
        }
        Cipher ecb = ecb(key, Cipher.DECRYPT_MODE);
        if (len == BLOCK) {
            return ecb.doFinal(in, off, len);
        }
        int blocks = (len + BLOCK - 1) / BLOCK;
        int lastLen = len - (blocks - 1) * BLOCK;
        byte[] out = new byte[len];
        int head = (blocks - 2) * BLOCK;
        if (head > 0) {
            byte[] p = cbc(key, Cipher.DECRYPT_MODE).doFinal(in, off, head);
            System.arraycopy(p, 0, out, 0, head);
        }
        byte[] prev = head == 0 ? new byte[BLOCK] : Arrays.copyOfRange(in, off + head - BLOCK, off + head);
        // The full block at position blocks-2 is the encryption of the (zero-padded) last block.
        byte[] d = ecb.doFinal(in, off + head, BLOCK);
        byte[] cPrev = new byte[BLOCK];
        System.arraycopy(in, off + head + BLOCK, cPrev, 0, lastLen);
        System.arraycopy(d, lastLen, cPrev, lastLen, BLOCK - lastLen);
        for (int i = 0; i < lastLen; i++) {
            out[head + BLOCK + i] = (byte) (d[i] ^ cPrev[i]);
        }
        byte[] p = ecb.doFinal(cPrev);
        for (int i = 0; i < BLOCK; i++) {
            out[head + i] = (byte) (p[i] ^ prev[i]);
        }
        return out;
    }

    /** Encrypts exactly one block with AES (used by key derivation). */
    static byte[] encryptBlock(byte[] key, byte[] block) throws GeneralSecurityException {
        return ecb(key, Cipher.ENCRYPT_MODE).doFinal(block);
    }

    private static Cipher ecb(byte[] key, int mode) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/ECB/NoPadding");
        c.init(mode, new SecretKeySpec(key, "AES"));
        return c;
    }

    private static Cipher cbc(byte[] key, int mode) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/CBC/NoPadding");
        c.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[BLOCK]));
        return c;
    }
}
