package org.msrpc4j.kerberos.crypto;

import java.util.Arrays;
import java.util.Objects;

/**
 * A Kerberos key: its encryption type and key bytes. Immutable (the bytes are copied in and out);
 * {@link #toString()} never shows the key material.
 */
public final class KerberosKey {
    private final EncryptionType type;
    private final byte[] bytes;

    /**
     * @param type the encryption type
     * @param bytes the key bytes; must have the type's key length
     */
    public KerberosKey(EncryptionType type, byte[] bytes) {
        this.type = Objects.requireNonNull(type, "type");
        if (bytes.length != type.keyLength()) {
            throw new IllegalArgumentException("a " + type.mitName() + " key has " + type.keyLength()
                    + " bytes, not " + bytes.length);
        }
        this.bytes = bytes.clone();
    }

    /** @return the encryption type */
    public EncryptionType type() {
        return type;
    }

    /** @return a copy of the key bytes */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Package-private access without a copy, for the ciphers in this package. */
    byte[] raw() {
        return bytes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KerberosKey k && k.type == type && java.security.MessageDigest.isEqual(k.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "KerberosKey[" + type.mitName() + "]";
    }
}
