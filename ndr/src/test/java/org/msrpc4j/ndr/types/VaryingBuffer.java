package org.msrpc4j.ndr.types;

import java.util.Arrays;
import org.msrpc4j.ndr.NdrDecoder;
import org.msrpc4j.ndr.NdrEncodable;
import org.msrpc4j.ndr.NdrEncoder;
import org.msrpc4j.ndr.NdrException;

/**
 * A conformant-varying struct:
 * {@code struct { uint32 size; uint32 length; [size_is(size), length_is(length)] uint16 data[]; }}.
 * Max count hoisted before the struct; offset and actual count right before the elements.
 * Only the first {@code length} elements are transmitted.
 */
public record VaryingBuffer(int size, short[] data) implements NdrEncodable {

    public VaryingBuffer {
        if (data.length > size) {
            throw new IllegalArgumentException("length_is exceeds size_is");
        }
    }

    @Override
    public void encode(NdrEncoder e) throws NdrException {
        e.writeConformance(size & 0xffffffffL);
        e.align(4);
        e.writeInt32(size);
        e.writeInt32(data.length);
        e.writeVariance(0, data.length);
        e.writeInt16s(data, 0, data.length);
    }

    public static VaryingBuffer decode(NdrDecoder d) throws NdrException {
        long max = d.readConformance();
        d.align(4);
        long size = d.readUInt32();
        long length = d.readUInt32();
        NdrDecoder.checkCorrelation(max, size, "size_is(size)");
        long offset = d.readVarianceOffset();
        NdrDecoder.checkCorrelation(offset, 0, "first_is");
        int n = d.readVarianceCount(max, offset, 2);
        NdrDecoder.checkCorrelation(n, length, "length_is(length)");
        return new VaryingBuffer((int) size, d.readInt16s(n));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VaryingBuffer v && v.size == size && Arrays.equals(v.data, data);
    }

    @Override
    public int hashCode() {
        return size * 31 + Arrays.hashCode(data);
    }
}
