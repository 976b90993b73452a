package org.msrpc4j.kerberos.crypto;

/**
 * The RFC 3961 operations of one encryption type: encrypt and decrypt with a key usage, keyed
 * checksums, and string-to-key.
 *
 * <p>Implementations are stateless and thread-safe.
 */
public interface KerberosCipher {

    /** @return the encryption type this cipher implements */
    EncryptionType type();

    /**
     * Encrypts with a fresh random confounder.
     *
     * @param key the key (of this type)
     * @param usage the RFC 4120 key usage number
     * @param plaintext the plaintext
     * @return the ciphertext including confounder and integrity checksum
     * @throws KerberosCryptoException when the JCE fails
     */
    byte[] encrypt(KerberosKey key, int usage, byte[] plaintext) throws KerberosCryptoException;

    /**
     * Decrypts and verifies.
     *
     * @param key the key (of this type)
     * @param usage the key usage the sender used
     * @param ciphertext the ciphertext (untrusted)
     * @return the plaintext without confounder
     * @throws KerberosCryptoException when the ciphertext is malformed or its integrity check fails
     */
    byte[] decrypt(KerberosKey key, int usage, byte[] ciphertext) throws KerberosCryptoException;

    /**
     * Computes the keyed checksum that goes with this enctype ({@link EncryptionType#checksumType()}).
     *
     * @param key the key
     * @param usage the key usage
     * @param data the data to protect
     * @return the checksum (12 bytes for AES, 16 for RC4-HMAC)
     * @throws KerberosCryptoException when the JCE fails
     */
    byte[] checksum(KerberosKey key, int usage, byte[] data) throws KerberosCryptoException;

    /**
     * Derives a long-term key from a password.
     *
     * @param password the password
     * @param salt the salt (realm followed by the principal's components, unless the KDC said otherwise)
     * @param s2kParams the string-to-key parameters from the KDC, or null for the default
     * @return the key
     * @throws KerberosCryptoException when the JCE fails or the parameters are invalid
     */
    KerberosKey stringToKey(char[] password, String salt, byte[] s2kParams) throws KerberosCryptoException;

    /**
     * @param type an encryption type
     * @return its cipher
     */
    static KerberosCipher of(EncryptionType type) {
        return switch (type) {
            case AES128_CTS_HMAC_SHA1_96, AES256_CTS_HMAC_SHA1_96 -> new AesCtsHmacSha1Cipher(type);
            case RC4_HMAC -> new Rc4HmacCipher();
        };
    }

    /**
     * @param key a key
     * @return the cipher for its type
     */
    static KerberosCipher of(KerberosKey key) {
        return of(key.type());
    }
}
