package org.msrpc4j.kerberos.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * aes128/aes256-cts-hmac-sha1-96 (RFC 3962 on the RFC 3961 simplified profile).
 *
 * <p>Stateless; thread-safe.
 */
public final class AesCtsHmacSha1Cipher implements KerberosCipher {
    /** Derived-key constant suffix for checksum keys (Kc). */
    public static final int KC = 0x99;
    /** Derived-key constant suffix for encryption keys (Ke). */
    public static final int KE = 0xAA;
    /** Derived-key constant suffix for integrity keys (Ki). */
    public static final int KI = 0x55;
    /** Length of the truncated HMAC-SHA1. */
    public static final int HMAC_LENGTH = 12;
    /** Confounder length (one AES block). */
    public static final int CONFOUNDER_LENGTH = 16;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int DEFAULT_ITERATIONS = 4096;
    private static final int MAX_ITERATIONS = 1 << 24;

    private final EncryptionType type;

    AesCtsHmacSha1Cipher(EncryptionType type) {
        if (!type.isAes()) {
            throw new IllegalArgumentException("not an AES type: " + type);
        }
        this.type = type;
    }

    @Override
    public EncryptionType type() {
        return type;
    }

    /**
     * DK(key, usage ‖ kind): the RFC 3961 derived key for a usage.
     *
     * @param key the base key
     * @param usage the key usage
     * @param kind {@link #KC}, {@link #KE} or {@link #KI}
     * @return the derived key bytes
     * @throws KerberosCryptoException when the JCE fails
     */
    public static byte[] derive(KerberosKey key, int usage, int kind) throws KerberosCryptoException {
        byte[] constant = {(byte) (usage >>> 24), (byte) (usage >>> 16), (byte) (usage >>> 8), (byte) usage, (byte) kind};
        return deriveRandom(key.raw(), constant);
    }

    /** DR(key, constant) of RFC 3961 5.1; AES's random-to-key is the identity. */
    static byte[] deriveRandom(byte[] key, byte[] constant) throws KerberosCryptoException {
        try {
            byte[] out = new byte[key.length];
            byte[] block = NFold.fold(constant, 16);
            int n = 0;
            while (n < out.length) {
                block = AesCts.encryptBlock(key, block);
                int c = Math.min(16, out.length - n);
                System.arraycopy(block, 0, out, n, c);
                n += c;
            }
            return out;
        } catch (GeneralSecurityException e) {
            throw new KerberosCryptoException("AES key derivation failed", e);
        }
    }

    /**
     * HMAC-SHA1 truncated to 96 bits.
     *
     * @param key the HMAC key
     * @param parts the data, hashed in order
     * @return 12 bytes
     * @throws KerberosCryptoException when the JCE fails
     */
    public static byte[] hmacSha1_96(byte[] key, byte[]... parts) throws KerberosCryptoException {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            for (byte[] p : parts) {
                mac.update(p);
            }
            return Arrays.copyOf(mac.doFinal(), HMAC_LENGTH);
        } catch (GeneralSecurityException e) {
            throw new KerberosCryptoException("HMAC-SHA1 failed", e);
        }
    }

    @Override
    public byte[] encrypt(KerberosKey key, int usage, byte[] plaintext) throws KerberosCryptoException {
        checkKey(key);
        byte[] input = new byte[CONFOUNDER_LENGTH + plaintext.length];
        byte[] conf = new byte[CONFOUNDER_LENGTH];
        RANDOM.nextBytes(conf);
        System.arraycopy(conf, 0, input, 0, CONFOUNDER_LENGTH);
        System.arraycopy(plaintext, 0, input, CONFOUNDER_LENGTH, plaintext.length);
        byte[] ke = derive(key, usage, KE);
        byte[] ki = derive(key, usage, KI);
        try {
            byte[] c = AesCts.encrypt(ke, input, 0, input.length);
            byte[] h = hmacSha1_96(ki, input);
            byte[] out = Arrays.copyOf(c, c.length + HMAC_LENGTH);
            System.arraycopy(h, 0, out, c.length, HMAC_LENGTH);
            return out;
        } catch (GeneralSecurityException e) {
            throw new KerberosCryptoException("AES encryption failed", e);
        }
    }

    @Override
    public byte[] decrypt(KerberosKey key, int usage, byte[] ciphertext) throws KerberosCryptoException {
        checkKey(key);
        if (ciphertext.length < CONFOUNDER_LENGTH + HMAC_LENGTH) {
            throw new KerberosCryptoException("AES ciphertext too short (" + ciphertext.length + " bytes)");
        }
        byte[] ke = derive(key, usage, KE);
        byte[] ki = derive(key, usage, KI);
        int clen = ciphertext.length - HMAC_LENGTH;
        byte[] plain;
        try {
            plain = AesCts.decrypt(ke, ciphertext, 0, clen);
        } catch (GeneralSecurityException e) {
            throw new KerberosCryptoException("AES decryption failed", e);
        }
        byte[] expected = hmacSha1_96(ki, plain);
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(ciphertext, clen, ciphertext.length))) {
            throw new KerberosCryptoException("integrity check failed (wrong key or modified data)");
        }
        return Arrays.copyOfRange(plain, CONFOUNDER_LENGTH, plain.length);
    }

    @Override
    public byte[] checksum(KerberosKey key, int usage, byte[] data) throws KerberosCryptoException {
        checkKey(key);
        return hmacSha1_96(derive(key, usage, KC), data);
    }

    @Override
    public KerberosKey stringToKey(char[] password, String salt, byte[] s2kParams) throws KerberosCryptoException {
        int iterations = DEFAULT_ITERATIONS;
        if (s2kParams != null && s2kParams.length > 0) {
            if (s2kParams.length != 4) {
                throw new KerberosCryptoException("AES string-to-key parameters must be 4 bytes");
            }
            iterations = ((s2kParams[0] & 0xff) << 24) | ((s2kParams[1] & 0xff) << 16)
                    | ((s2kParams[2] & 0xff) << 8) | (s2kParams[3] & 0xff);
            if (iterations <= 0 || iterations > MAX_ITERATIONS) {
                throw new KerberosCryptoException("AES string-to-key iteration count out of range: " + iterations);
            }
        }
        return stringToKey(password, salt.getBytes(StandardCharsets.UTF_8), iterations);
    }

    /**
     * RFC 3962 string-to-key with an explicit iteration count and raw salt bytes.
     *
     * @param password the password (UTF-8 encoded)
     * @param salt the salt bytes
     * @param iterations the PBKDF2 iteration count
     * @return the key
     * @throws KerberosCryptoException when the JCE fails
     */
    public KerberosKey stringToKey(char[] password, byte[] salt, int iterations) throws KerberosCryptoException {
        try {
            byte[] tkey = pbkdf2(password, salt, iterations, type.keyLength());
            byte[] key = deriveRandom(tkey, "kerberos".getBytes(StandardCharsets.US_ASCII));
            return new KerberosKey(type, key);
        } catch (GeneralSecurityException e) {
            throw new KerberosCryptoException("AES string-to-key failed", e);
        }
    }

    /** PBKDF2-HMAC-SHA1 over the UTF-8 bytes of the password (the JCE's PBEKeySpec would take chars). */
    private static byte[] pbkdf2(char[] password, byte[] salt, int iterations, int length) throws GeneralSecurityException {
        java.nio.ByteBuffer encoded = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(password));
        byte[] pw = new byte[encoded.remaining()];
        encoded.get(pw);
        Mac mac = Mac.getInstance("HmacSHA1");
        // HMAC accepts an empty key in the RFC, but SecretKeySpec does not: use a one-zero-byte key, which HMAC pads identically.
        mac.init(new SecretKeySpec(pw.length == 0 ? new byte[1] : pw, "HmacSHA1"));
        Arrays.fill(pw, (byte) 0);
        byte[] out = new byte[length];
        int blocks = (length + 19) / 20;
        for (int b = 1; b <= blocks; b++) {
            mac.update(salt);
            mac.update(new byte[] {(byte) (b >>> 24), (byte) (b >>> 16), (byte) (b >>> 8), (byte) b});
            byte[] u = mac.doFinal();
            byte[] t = u.clone();
            for (int i = 1; i < iterations; i++) {
                u = mac.doFinal(u);
                for (int j = 0; j < t.length; j++) {
                    t[j] ^= u[j];
                }
            }
            int off = (b - 1) * 20;
            System.arraycopy(t, 0, out, off, Math.min(20, length - off));
        }
        return out;
    }

    private void checkKey(KerberosKey key) throws KerberosCryptoException {
        if (key.type() != type) {
            throw new KerberosCryptoException("key type " + key.type().mitName() + " used with " + type.mitName());
        }
    }
}
