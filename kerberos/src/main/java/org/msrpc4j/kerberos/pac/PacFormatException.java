package org.msrpc4j.kerberos.pac;

/**
 * A PAC was malformed or its signature did not verify. The message never contains key material.
 * Immutable once thrown; thread-safe.
 */
public class PacFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message what was wrong */
    public PacFormatException(String message) {
        super(message);
    }
}
