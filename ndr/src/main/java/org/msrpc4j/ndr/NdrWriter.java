package org.msrpc4j.ndr;

/**
 * Writes one value of type {@code T}. Generated code passes method references such as
 * {@code Foo::encode} or {@code NdrEncoder::writeConformantVaryingWString} to the pointer methods of
 * {@link NdrEncoder}, which call the writer when the referent's turn comes.
 *
 * @param <T> the value type
 */
@FunctionalInterface
public interface NdrWriter<T> {
    /** Writes {@code value} at the encoder's current position. */
    void write(NdrEncoder encoder, T value) throws NdrException;
}
