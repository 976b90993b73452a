package org.msrpc4j.kerberos.client;

import java.time.Instant;
import org.apache.kerby.asn1.type.Asn1Type;
import org.apache.kerby.kerberos.kerb.KrbCodec;
import org.apache.kerby.kerberos.kerb.type.KerberosTime;
import org.apache.kerby.kerberos.kerb.type.base.EncryptedData;
import org.msrpc4j.kerberos.crypto.EncryptionType;
import org.msrpc4j.kerberos.crypto.KerberosCipher;
import org.msrpc4j.kerberos.crypto.KerberosCryptoException;
import org.msrpc4j.kerberos.crypto.KerberosKey;

/**
 * Encoding, decoding and encrypted-part handling on top of Kerby's ASN.1 types, turning every
 * failure (including unchecked ones from malformed input) into {@link KerberosException}.
 * Stateless; thread-safe.
 */
public final class KerbyCodec {
    private KerbyCodec() {
    }

    /**
     * @param value a Kerby ASN.1 value
     * @return its DER encoding
     * @throws KerberosException when Kerby cannot encode it
     */
    public static byte[] encode(Asn1Type value) throws KerberosException {
        try {
            return KrbCodec.encode(value);
        } catch (Exception e) {
            throw new KerberosException("cannot encode a Kerberos message: " + e.getMessage(), e);
        }
    }

    /**
     * @param der untrusted DER bytes
     * @param type the expected type
     * @param <T> the type
     * @return the decoded value
     * @throws KerberosException when the bytes are not a valid encoding of {@code type}
     */
    public static <T extends Asn1Type> T decode(byte[] der, Class<T> type) throws KerberosException {
        try {
            return KrbCodec.decode(der, type);
        } catch (Exception | StackOverflowError e) {
            throw new KerberosException("malformed Kerberos " + type.getSimpleName(), e instanceof Exception ex ? ex : null);
        }
    }

    /**
     * Encrypts and wraps into EncryptedData.
     *
     * @param key the key
     * @param usage the key usage
     * @param plain the plaintext
     * @param kvno the key version to record, or -1 for none
     * @return the EncryptedData
     * @throws KerberosException when encryption fails
     */
    public static EncryptedData seal(KerberosKey key, int usage, byte[] plain, int kvno) throws KerberosException {
        try {
            EncryptedData ed = new EncryptedData();
            ed.setEType(org.apache.kerby.kerberos.kerb.type.base.EncryptionType.fromValue(key.type().id()));
            ed.setCipher(KerberosCipher.of(key).encrypt(key, usage, plain));
            if (kvno >= 0) {
                ed.setKvno(kvno);
            }
            return ed;
        } catch (KerberosCryptoException e) {
            throw new KerberosException("encryption failed: " + e.getMessage(), e);
        }
    }

    /**
     * Decrypts an EncryptedData.
     *
     * @param key the key
     * @param usage the key usage
     * @param ed the EncryptedData (untrusted)
     * @param what a description for the error message ("the KDC reply")
     * @return the plaintext
     * @throws KerberosException when the etype does not match the key or the integrity check fails
     */
    public static byte[] open(KerberosKey key, int usage, EncryptedData ed, String what) throws KerberosException {
        if (ed == null || ed.getEType() == null || ed.getCipher() == null) {
            throw new KerberosException(what + " has no encrypted part");
        }
        if (ed.getEType().getValue() != key.type().id()) {
            throw new KerberosException(what + " is encrypted with etype " + ed.getEType().getValue() + ", the key is "
                    + key.type().mitName());
        }
        try {
            return KerberosCipher.of(key).decrypt(key, usage, ed.getCipher());
        } catch (KerberosCryptoException e) {
            throw new KerberosException(what + " does not decrypt: " + e.getMessage(), e);
        }
    }

    /**
     * @param ed an EncryptedData
     * @return its etype if msrpc4j supports it
     * @throws KerberosException when the etype is unsupported
     */
    public static EncryptionType etype(EncryptedData ed) throws KerberosException {
        if (ed == null || ed.getEType() == null) {
            throw new KerberosException("missing encrypted part");
        }
        int id = ed.getEType().getValue();
        return EncryptionType.byId(id).orElseThrow(() -> new KerberosException("unsupported encryption type " + id));
    }

    /** @return a KerberosTime for an instant, truncated to seconds as Kerberos wants */
    public static KerberosTime time(Instant t) {
        return new KerberosTime(t.getEpochSecond() * 1000L);
    }

    /** @return the instant of a KerberosTime, or null */
    public static Instant instant(KerberosTime t) {
        return t == null ? null : Instant.ofEpochMilli(t.getTime());
    }
}
