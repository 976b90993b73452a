package org.msrpc4j.kerberos.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kerby.kerberos.kerb.crypto.util.Md4;

/**
 * rc4-hmac (RFC 4757): HMAC-MD5 integrity and RC4 encryption, keys are NT hashes.
 *
 * <p>Stateless; thread-safe.
 */
public final class Rc4HmacCipher implements KerberosCipher {
    private static final int CHECKSUM_LENGTH = 16;
    private static final int CONFOUNDER_LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    Rc4HmacCipher() {
    }

    @Override
    public EncryptionType type() {
        return EncryptionType.RC4_HMAC;
    }

    /**
     * RFC 4757 section 3: Windows uses message type 8 where RFC 4120 uses usage 3 (AS-REP part).
     *
     * @param usage an RFC 4120 key usage
     * @return the usage number RC4-HMAC mixes into its keys
     */
    static int msUsage(int usage) {
        return usage == 3 ? 8 : usage;
    }

    /**
     * HMAC-MD5 over the parts, in order.
     *
     * @param key the HMAC key
     * @param parts the data
     * @return 16 bytes
     * @throws KerberosCryptoException when the JCE fails
     */
    public static byte[] hmacMd5(byte[] key, byte[]... parts) throws KerberosCryptoException {
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(key, "HmacMD5"));
            for (byte[] p : parts) {
                mac.update(p);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new KerberosCryptoException("HMAC-MD5 failed", e);
        }
    }

    /**
     * RC4 over a buffer, continuing a stream when the same cipher object is reused.
     *
     * @param key the RC4 key
     * @return an RC4 cipher ready to encrypt (RC4 encryption and decryption are the same)
     * @throws KerberosCryptoException when the JCE has no RC4
     */
    public static Cipher rc4(byte[] key) throws KerberosCryptoException {
        try {
            Cipher c = Cipher.getInstance("ARCFOUR");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "ARCFOUR"));
            return c;
        } catch (GeneralSecurityException e) {
            throw new KerberosCryptoException("RC4 is not available in this JVM", e);
        }
    }

    /**
     * @param v a 32-bit value
     * @return its little-endian bytes
     */
    static byte[] le32(int v) {
        return new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
    }

    @Override
    public byte[] encrypt(KerberosKey key, int usage, byte[] plaintext) throws KerberosCryptoException {
        checkKey(key);
        byte[] k1 = hmacMd5(key.raw(), le32(msUsage(usage)));
        byte[] input = new byte[CONFOUNDER_LENGTH + plaintext.length];
        byte[] conf = new byte[CONFOUNDER_LENGTH];
        RANDOM.nextBytes(conf);
        System.arraycopy(conf, 0, input, 0, CONFOUNDER_LENGTH);
        System.arraycopy(plaintext, 0, input, CONFOUNDER_LENGTH, plaintext.length);
        byte[] checksum = hmacMd5(k1, input);
        byte[] k3 = hmacMd5(k1, checksum);
        byte[] out = Arrays.copyOf(checksum, CHECKSUM_LENGTH + input.length);
        System.arraycopy(rc4(k3).update(input), 0, out, CHECKSUM_LENGTH, input.length);
        return out;
    }

    @Override
    public byte[] decrypt(KerberosKey key, int usage, byte[] ciphertext) throws KerberosCryptoException {
        checkKey(key);
        if (ciphertext.length < CHECKSUM_LENGTH + CONFOUNDER_LENGTH) {
            throw new KerberosCryptoException("RC4-HMAC ciphertext too short (" + ciphertext.length + " bytes)");
        }
        byte[] k1 = hmacMd5(key.raw(), le32(msUsage(usage)));
        byte[] checksum = Arrays.copyOf(ciphertext, CHECKSUM_LENGTH);
        byte[] k3 = hmacMd5(k1, checksum);
        byte[] plain = rc4(k3).update(ciphertext, CHECKSUM_LENGTH, ciphertext.length - CHECKSUM_LENGTH);
        if (!MessageDigest.isEqual(checksum, hmacMd5(k1, plain))) {
            throw new KerberosCryptoException("integrity check failed (wrong key or modified data)");
        }
        return Arrays.copyOfRange(plain, CONFOUNDER_LENGTH, plain.length);
    }

    @Override
    public byte[] checksum(KerberosKey key, int usage, byte[] data) throws KerberosCryptoException {
        checkKey(key);
        byte[] ksign = hmacMd5(key.raw(), "signaturekey\0".getBytes(StandardCharsets.US_ASCII));
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update(le32(msUsage(usage)));
            md5.update(data);
            return hmacMd5(ksign, md5.digest());
        } catch (GeneralSecurityException e) {
            throw new KerberosCryptoException("MD5 is not available", e);
        }
    }

    @Override
    public KerberosKey stringToKey(char[] password, String salt, byte[] s2kParams) {
        return ntHash(password);
    }

    /**
     * The NT hash, MD4(UTF-16LE(password)), which is the RC4-HMAC key (salt is ignored).
     *
     * @param password the password
     * @return the key
     */
    public static KerberosKey ntHash(char[] password) {
        byte[] utf16 = new byte[password.length * 2];
        for (int i = 0; i < password.length; i++) {
            utf16[2 * i] = (byte) password[i];
            utf16[2 * i + 1] = (byte) (password[i] >>> 8);
        }
        MessageDigest md4 = new Md4();
        byte[] key = md4.digest(utf16);
        Arrays.fill(utf16, (byte) 0);
        return new KerberosKey(EncryptionType.RC4_HMAC, key);
    }

    private static void checkKey(KerberosKey key) throws KerberosCryptoException {
        if (key.type() != EncryptionType.RC4_HMAC) {
            throw new KerberosCryptoException("key type " + key.type().mitName() + " used with arcfour-hmac");
        }
    }
}
