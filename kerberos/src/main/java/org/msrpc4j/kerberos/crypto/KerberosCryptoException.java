package org.msrpc4j.kerberos.crypto;

import java.security.GeneralSecurityException;

/**
 * A Kerberos cryptographic operation failed: an integrity check did not match, a ciphertext was
 * malformed, or the JCE refused an algorithm. The message never contains key material.
 * Immutable once thrown; thread-safe.
 */
public class KerberosCryptoException extends GeneralSecurityException {
    private static final long serialVersionUID = 1L;

    /** @param message what failed, in plain words */
    public KerberosCryptoException(String message) {
        super(message);
    }

    /**
     * @param message what failed, in plain words
     * @param cause the underlying JCE failure
     */
    public KerberosCryptoException(String message, Throwable cause) {
        super(message, cause);
    }
}
