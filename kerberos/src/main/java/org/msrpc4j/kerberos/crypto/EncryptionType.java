package org.msrpc4j.kerberos.crypto;

import java.util.Optional;

/**
 * The Kerberos encryption types msrpc4j speaks, with their IANA numbers, key sizes and the
 * checksum type each uses for keyed checksums. Immutable; thread-safe.
 */
public enum EncryptionType {
    /** aes256-cts-hmac-sha1-96 (RFC 3962), the Active Directory default. */
    AES256_CTS_HMAC_SHA1_96(18, "aes256-cts-hmac-sha1-96", 32, 16),
    /** aes128-cts-hmac-sha1-96 (RFC 3962). */
    AES128_CTS_HMAC_SHA1_96(17, "aes128-cts-hmac-sha1-96", 16, 15),
    /** rc4-hmac / arcfour-hmac (RFC 4757), still common with older Windows. */
    RC4_HMAC(23, "arcfour-hmac", 16, -138);

    private final int id;
    private final String mitName;
    private final int keyLength;
    private final int checksumType;

    EncryptionType(int id, String mitName, int keyLength, int checksumType) {
        this.id = id;
        this.mitName = mitName;
        this.keyLength = keyLength;
        this.checksumType = checksumType;
    }

    /** @return the IANA etype number carried on the wire */
    public int id() {
        return id;
    }

    /** @return the name MIT krb5.conf and klist use */
    public String mitName() {
        return mitName;
    }

    /** @return the key length in bytes */
    public int keyLength() {
        return keyLength;
    }

    /** @return the keyed checksum type (RFC 3961 / RFC 4757) that goes with this enctype */
    public int checksumType() {
        return checksumType;
    }

    /** @return true for the AES (RFC 3962 / RFC 4121 CFX) types */
    public boolean isAes() {
        return this != RC4_HMAC;
    }

    /**
     * @param id an etype number from the wire
     * @return the type, or empty when msrpc4j does not support it
     */
    public static Optional<EncryptionType> byId(int id) {
        for (EncryptionType t : values()) {
            if (t.id == id) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /**
     * Parses a krb5.conf enctype name ("aes256-cts", "aes256-cts-hmac-sha1-96", "rc4-hmac",
     * "arcfour-hmac", "arcfour-hmac-md5", "aes128-cts"…).
     *
     * @param name the name, case-insensitive
     * @return the type, or empty when unknown or unsupported
     */
    public static Optional<EncryptionType> byName(String name) {
        String n = name.trim().toLowerCase(java.util.Locale.ROOT);
        switch (n) {
            case "aes256-cts":
            case "aes256-cts-hmac-sha1-96":
            case "aes256-sha1":
                return Optional.of(AES256_CTS_HMAC_SHA1_96);
            case "aes128-cts":
            case "aes128-cts-hmac-sha1-96":
            case "aes128-sha1":
                return Optional.of(AES128_CTS_HMAC_SHA1_96);
            case "rc4-hmac":
            case "arcfour-hmac":
            case "arcfour-hmac-md5":
            case "rc4":
                return Optional.of(RC4_HMAC);
            default:
                return Optional.empty();
        }
    }
}
