package org.msrpc4j.ndr.types;

import java.util.Arrays;
import org.msrpc4j.ndr.NdrDecoder;
import org.msrpc4j.ndr.NdrEncodable;
import org.msrpc4j.ndr.NdrEncoder;
import org.msrpc4j.ndr.NdrException;

/** {@code struct { uint32 size; [size_is((size+7)&~7)] byte data[]; }} — a size_is expression. */
public record PaddedBlob(int size, byte[] data) implements NdrEncodable {

    public static int padded(long size) {
        return (int) ((size + 7) & ~7L);
    }

    @Override
    public void encode(NdrEncoder e) throws NdrException {
        if (data.length != padded(size & 0xffffffffL)) {
            throw new NdrException("data length must be (size+7)&~7");
        }
        e.writeConformance(data.length);
        e.align(4);
        e.writeInt32(size);
        e.writeBytes(data);
    }

    public static PaddedBlob decode(NdrDecoder d) throws NdrException {
        long max = d.readConformance();
        d.align(4);
        long size = d.readUInt32();
        NdrDecoder.checkCorrelation(max, (size + 7) & ~7L, "size_is((size+7)&~7)");
        return new PaddedBlob((int) size, d.readBytes(max));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PaddedBlob p && p.size == size && Arrays.equals(p.data, data);
    }

    @Override
    public int hashCode() {
        return size * 31 + Arrays.hashCode(data);
    }
}
