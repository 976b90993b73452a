package org.msrpc4j.kerberos.asn1;

/**
 * Untrusted ASN.1 input was malformed. The message describes the structure, never secret content.
 * Immutable once thrown; thread-safe.
 */
public class Asn1Exception extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message what was wrong */
    public Asn1Exception(String message) {
        super(message);
    }
}
