package org.msrpc4j.ndr;

/**
 * Reads one value of type {@code T}. Generated code passes method references such as
 * {@code Foo::decode} or {@code NdrDecoder::readConformantVaryingWString} to the pointer methods of
 * {@link NdrDecoder}, which call the reader when the referent's turn comes.
 *
 * @param <T> the value type
 */
@FunctionalInterface
public interface NdrReader<T> {
    /** Reads a value at the decoder's current position. */
    T read(NdrDecoder decoder) throws NdrException;
}
