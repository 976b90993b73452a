package org.msrpc4j.kerberos.gss;

import org.msrpc4j.security.SecurityContextException;
import org.msrpc4j.security.SecurityStatus;

/**
 * The receive-side sequence check: accepts strictly increasing sequence numbers starting at the
 * peer's initial number, so replays and reordering are refused while a message lost in between
 * (which RPC over TCP never does) is tolerated. Not thread-safe: the owner serialises access.
 */
final class SequenceState {
    private final long mask;
    private long expected;

    SequenceState(long initial, int bits) {
        this.mask = bits == 64 ? -1L : (1L << bits) - 1;
        this.expected = initial & mask;
    }

    void check(long seq) throws SecurityContextException {
        long s = seq & mask;
        // Distance from the expected number, modulo the sequence space, so wrap-around works.
        long distance = (s - expected) & mask;
        if (Long.compareUnsigned(distance, mask >>> 1) > 0) {
            throw new SecurityContextException(SecurityStatus.OUT_OF_SEQUENCE,
                    "a message arrived out of sequence (replayed or reordered)");
        }
        expected = (s + 1) & mask;
    }
}
