package org.msrpc4j.ndr;

/**
 * Hard limits that bound the work and memory an encoder or decoder spends on one stream of stub data.
 * Every count, length and offset read from the network is checked against these limits and against the
 * bytes actually remaining before anything is allocated.
 *
 * <p>Immutable; thread-safe.
 *
 * @param maxTotalBytes   largest stub data accepted by a decoder or produced by an encoder
 * @param maxElementCount largest element count of one array or string
 * @param maxNestingDepth deepest chain of pointer referents (each deferred referent is one level)
 * @param maxPointers     most non-null pointers in one stream (aliases of full pointers included)
 */
public record NdrLimits(int maxTotalBytes, int maxElementCount, int maxNestingDepth, int maxPointers) {

    /** Upper bound for {@link #maxPointers()}. */
    public static final int MAX_POINTERS = 1 << 28;

    /** Generous defaults for RPC calls: 64 MiB, 16 Mi elements, depth 1000, 4 Mi pointers. */
    public static final NdrLimits DEFAULT = new NdrLimits(64 << 20, 16 << 20, 1000, 4 << 20);

    /** Validates that every limit is positive. */
    public NdrLimits {
        if (maxTotalBytes <= 0 || maxElementCount <= 0 || maxNestingDepth <= 0 || maxPointers <= 0) {
            throw new IllegalArgumentException("NDR limits must be positive");
        }
        if (maxPointers > MAX_POINTERS) {
            // referent ids 0x00020000 + 4n must stay distinct and non-zero in 32 bits
            throw new IllegalArgumentException("maxPointers must be at most " + MAX_POINTERS);
        }
    }

    /** A copy with another total byte limit. */
    public NdrLimits withMaxTotalBytes(int value) {
        return new NdrLimits(value, maxElementCount, maxNestingDepth, maxPointers);
    }

    /** A copy with another element count limit. */
    public NdrLimits withMaxElementCount(int value) {
        return new NdrLimits(maxTotalBytes, value, maxNestingDepth, maxPointers);
    }

    /** A copy with another nesting depth limit. */
    public NdrLimits withMaxNestingDepth(int value) {
        return new NdrLimits(maxTotalBytes, maxElementCount, value, maxPointers);
    }

    /** A copy with another pointer count limit. */
    public NdrLimits withMaxPointers(int value) {
        return new NdrLimits(maxTotalBytes, maxElementCount, maxNestingDepth, value);
    }
}
