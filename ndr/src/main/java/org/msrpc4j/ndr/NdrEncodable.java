package org.msrpc4j.ndr;

/**
 * A constructed type (struct or union) that can write itself. Generated types implement it so that
 * {@link NdrEncoder#writeUniquePointer(NdrEncodable)} and friends need no explicit writer. The matching
 * decoder is, by convention, a static {@code decode(NdrDecoder)} factory on the same type.
 */
public interface NdrEncodable {
    /**
     * Writes this value's scalars at the current position (aligning first) and hands embedded pointer
     * referents to the encoder's pointer methods, which defer them.
     */
    void encode(NdrEncoder encoder) throws NdrException;
}
