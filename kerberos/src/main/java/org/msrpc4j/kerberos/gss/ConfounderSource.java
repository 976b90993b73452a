package org.msrpc4j.kerberos.gss;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * The random confounders of one direction of a security context (RFC 3961 section 5.3: "a random
 * string of length c"), from a NIST SP 800-90A DRBG of its own, seeded from the system's entropy
 * source on first use.
 *
 * <p>Why not the shared default {@code SecureRandom}: on Linux that is NativePRNG, which serialises
 * every caller of the JVM on one lock, mixes in a SHA1PRNG and refills a 32-byte buffer from
 * /dev/urandom with a system call every second 16-byte confounder; a JFR profile of a sealed
 * small-call loop showed it as a sixth of the Kerberos wrap. A per-direction DRBG is a
 * cryptographically strong generator that needs no system call and no shared lock per message.
 *
 * <p>Not thread-safe on its own: used under its direction's lock.
 */
final class ConfounderSource {
    private SecureRandom random;

    /** Fills {@code out} with fresh random bytes. */
    void next(byte[] out) {
        if (random == null) {
            random = newGenerator();
        }
        random.nextBytes(out);
    }

    private static SecureRandom newGenerator() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            // A JDK without DRBG (none since 9 ships without it) still gets a strong generator.
            return new SecureRandom();
        }
    }
}
