package org.msrpc4j.kerberos.client;

import java.util.Optional;

/**
 * A Kerberos exchange failed. The message says in plain words what went wrong and what to do
 * (wrong password, unknown principal, clock skew, KDC unreachable …) and never contains a secret.
 * {@link #kdcErrorCode()} carries the RFC 4120 error code when the KDC answered with KRB-ERROR.
 * Immutable once thrown; thread-safe.
 */
public class KerberosException extends Exception {
    private static final long serialVersionUID = 1L;
    private final Integer kdcErrorCode;

    /** @param message what failed */
    public KerberosException(String message) {
        super(message);
        this.kdcErrorCode = null;
    }

    /**
     * @param message what failed
     * @param cause the underlying failure
     */
    public KerberosException(String message, Throwable cause) {
        super(message, cause);
        this.kdcErrorCode = null;
    }

    /**
     * @param message what failed
     * @param kdcErrorCode the KRB-ERROR code
     */
    public KerberosException(String message, int kdcErrorCode) {
        super(message);
        this.kdcErrorCode = kdcErrorCode;
    }

    /** @return the KRB-ERROR code when the KDC (or the peer) answered with one */
    public Optional<Integer> kdcErrorCode() {
        return Optional.ofNullable(kdcErrorCode);
    }
}
