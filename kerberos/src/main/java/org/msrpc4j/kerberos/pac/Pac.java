package org.msrpc4j.kerberos.pac;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;
import org.msrpc4j.kerberos.crypto.EncryptionType;
import org.msrpc4j.kerberos.crypto.KerberosCipher;
import org.msrpc4j.kerberos.crypto.KerberosCryptoException;
import org.msrpc4j.kerberos.crypto.KerberosKey;

/**
 * A Privilege Attribute Certificate ([MS-PAC] 2.3–2.8): its LOGON_INFO and the server signature,
 * which is checked with the service's long-term key (the KDC signature needs the krbtgt key, which
 * a service does not have). Immutable.
 *
 * @param logonInfo the decoded KERB_VALIDATION_INFO
 */
public record Pac(ValidationInfo logonInfo) {
    private static final int LOGON_INFO = 1;
    private static final int SERVER_CHECKSUM = 6;
    private static final int KDC_CHECKSUM = 7;
    private static final int MAX_BUFFERS = 64;
    /** KERB_NON_KERB_CKSUM_SALT: the key usage of PAC signatures. */
    private static final int KU_PAC_SIGNATURE = 17;

    /**
     * Parses a PAC and checks its server signature.
     *
     * @param pac the AD-WIN2K-PAC bytes (untrusted)
     * @param serviceKey the key that decrypted the ticket
     * @return the PAC
     * @throws PacFormatException when malformed, when LOGON_INFO or the server signature is missing,
     *     or when the signature does not verify
     */
    public static Pac verifyAndParse(byte[] pac, KerberosKey serviceKey) throws PacFormatException {
        if (pac.length < 8) {
            throw new PacFormatException("PAC shorter than its header");
        }
        long count = le32(pac, 0);
        if (le32(pac, 4) != 0 || count == 0 || count > MAX_BUFFERS || 8 + count * 16 > pac.length) {
            throw new PacFormatException("malformed PAC header");
        }
        int logonOff = -1;
        int logonLen = 0;
        int serverOff = -1;
        int serverLen = 0;
        int kdcOff = -1;
        int kdcLen = 0;
        for (int i = 0; i < count; i++) {
            int h = 8 + i * 16;
            long type = le32(pac, h);
            long size = le32(pac, h + 4);
            long offset = le32(pac, h + 8) | (le32(pac, h + 12) << 32);
            if (offset < 0 || offset > pac.length || size > pac.length - offset) {
                throw new PacFormatException("PAC buffer " + type + " outside the PAC");
            }
            if (type == LOGON_INFO && logonOff < 0) {
                logonOff = (int) offset;
                logonLen = (int) size;
            } else if (type == SERVER_CHECKSUM && serverOff < 0) {
                serverOff = (int) offset;
                serverLen = (int) size;
            } else if (type == KDC_CHECKSUM && kdcOff < 0) {
                kdcOff = (int) offset;
                kdcLen = (int) size;
            }
        }
        if (logonOff < 0) {
            throw new PacFormatException("PAC without LOGON_INFO");
        }
        if (serverOff < 0 || serverLen < 4) {
            throw new PacFormatException("PAC without a server signature");
        }
        checkServerSignature(pac, serverOff, serverLen, kdcOff, kdcLen, serviceKey);
        return new Pac(ValidationInfo.decode(pac, logonOff, logonLen));
    }

    private static void checkServerSignature(byte[] pac, int off, int len, int kdcOff, int kdcLen, KerberosKey key)
            throws PacFormatException {
        int type = (int) le32(pac, off);
        int expectedType = key.type().checksumType();
        int sigLen = key.type() == EncryptionType.RC4_HMAC ? 16 : 12;
        if (type != expectedType || len < 4 + sigLen) {
            throw new PacFormatException("PAC server signature of type " + type + " does not match the service key");
        }
        byte[] sig = Arrays.copyOfRange(pac, off + 4, off + 4 + sigLen);
        byte[] zeroed = pac.clone();
        Arrays.fill(zeroed, off + 4, off + len, (byte) 0);
        if (kdcOff >= 0 && kdcLen > 4) {
            Arrays.fill(zeroed, kdcOff + 4, kdcOff + kdcLen, (byte) 0);
        }
        byte[] expected;
        try {
            expected = Arrays.copyOf(KerberosCipher.of(key).checksum(key, KU_PAC_SIGNATURE, zeroed), sigLen);
        } catch (KerberosCryptoException e) {
            throw new PacFormatException("cannot compute the PAC signature");
        }
        if (!MessageDigest.isEqual(sig, expected)) {
            throw new PacFormatException("the PAC server signature does not verify (forged or modified PAC)");
        }
    }

    /** @return the LOGON_INFO, for callers that prefer Optional */
    public Optional<ValidationInfo> logon() {
        return Optional.of(logonInfo);
    }

    private static long le32(byte[] b, int off) {
        return (b[off] & 0xffL) | ((b[off + 1] & 0xffL) << 8) | ((b[off + 2] & 0xffL) << 16) | ((b[off + 3] & 0xffL) << 24);
    }
}
