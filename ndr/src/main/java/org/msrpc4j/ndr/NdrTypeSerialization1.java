package org.msrpc4j.ndr;

import java.util.Objects;

/**
 * [MS-RPCE] 2.2.6 type serialization version 1 ("pickling") of one top-level constructed type, as used
 * by the PAC buffers of [MS-PAC] (KERB_VALIDATION_INFO and friends): an 8-byte common header
 * ({@code 01 10 08 00 cc cc cc cc}), an 8-byte private header (object buffer length, filler 0), then the
 * type's NDR representation padded to a multiple of 8.
 *
 * <p>Only little-endian streams with a single top-level constructed type are supported; anything else is
 * rejected with {@link NdrException}. Stateless; thread-safe.
 */
public final class NdrTypeSerialization1 {
    private static final int HEADER_LENGTH = 16;

    private NdrTypeSerialization1() {
    }

    /** Serializes {@code value} with its writer (as a top-level parameter: deferred referents included). */
    public static <T> byte[] encode(T value, NdrWriter<? super T> writer) throws NdrException {
        Objects.requireNonNull(value, "value");
        NdrEncoder e = new NdrEncoder();
        e.writeInt8(1);          // version
        e.writeInt8(0x10);       // little-endian
        e.writeInt16(8);         // common header length
        e.writeInt32(0xcccccccc); // filler
        e.writeInt32(0);         // object buffer length, patched below
        e.writeInt32(0);         // filler
        e.writeTopLevel(value, writer);
        e.align(8);
        e.patchInt32(8, e.size() - HEADER_LENGTH);
        return e.toByteArray();
    }

    /** Serializes a type that writes itself. */
    public static byte[] encode(NdrEncodable value) throws NdrException {
        return encode(value, (enc, v) -> v.encode(enc));
    }

    /** Deserializes one top-level constructed type from a whole stream with {@link NdrLimits#DEFAULT}. */
    public static <T> T decode(byte[] stream, NdrReader<? extends T> reader) throws NdrException {
        return decode(stream, 0, stream.length, NdrLimits.DEFAULT, reader);
    }

    /**
     * Deserializes one top-level constructed type from {@code stream[offset, offset+length)}. Bytes after
     * the object buffer are ignored; padding inside it is not checked.
     */
    public static <T> T decode(byte[] stream, int offset, int length, NdrLimits limits, NdrReader<? extends T> reader)
            throws NdrException {
        NdrDecoder header = new NdrDecoder(stream, offset, Math.min(length, HEADER_LENGTH), NdrTransferSyntax.NDR20, limits);
        if (length < HEADER_LENGTH) {
            throw new NdrException("type serialization stream of " + length + " bytes is shorter than its headers");
        }
        int version = header.readUInt8();
        int endianness = header.readUInt8();
        int commonLength = header.readUInt16();
        header.readInt32(); // filler, ignored
        long objectLength = header.readUInt32();
        header.readInt32(); // filler, ignored
        if (version != 1) {
            throw new NdrException("type serialization version " + version + " is not 1");
        }
        if (endianness != 0x10) {
            throw new NdrException("big-endian type serialization is not implemented (endianness 0x"
                    + Integer.toHexString(endianness) + ")");
        }
        if (commonLength != 8) {
            throw new NdrException("type serialization common header length " + commonLength + " is not 8");
        }
        if (objectLength > length - HEADER_LENGTH) {
            throw new NdrException("type serialization object buffer of " + objectLength + " bytes exceeds the "
                    + (length - HEADER_LENGTH) + " bytes present");
        }
        NdrDecoder body = new NdrDecoder(stream, offset + HEADER_LENGTH, (int) objectLength, NdrTransferSyntax.NDR20, limits);
        T value = body.readTopLevel(reader);
        if (body.remaining() >= 8) {
            throw new NdrException(body.remaining() + " unexpected bytes after the serialized type");
        }
        return value;
    }
}
