package org.msrpc4j.ndr.types;

import java.util.Arrays;
import org.msrpc4j.ndr.NdrDecoder;
import org.msrpc4j.ndr.NdrEncodable;
import org.msrpc4j.ndr.NdrEncoder;
import org.msrpc4j.ndr.NdrException;

/**
 * samr_RidWithAttributeArray: {@code struct { uint32 count; [size_is(count)] samr_RidWithAttribute *rids; }}
 * with {@code samr_RidWithAttribute { uint32 rid; uint32 attributes; }} — flattened to an int array of
 * pairs to show allocation-free bulk decoding of a pointer-free element type.
 */
public final class SamrRidWithAttributeArray implements NdrEncodable {
    public int count;
    public int[] ridAttributePairs; // rid0, attr0, rid1, attr1, ...

    @Override
    public void encode(NdrEncoder e) throws NdrException {
        e.align(4);
        e.writeInt32(count);
        e.writeUniquePointer(ridAttributePairs, (enc, pairs) -> {
            enc.writeConformance(pairs.length / 2);
            enc.writeInt32s(pairs, 0, pairs.length);
        });
    }

    public static SamrRidWithAttributeArray decode(NdrDecoder d) throws NdrException {
        SamrRidWithAttributeArray v = new SamrRidWithAttributeArray();
        d.align(4);
        v.count = d.readInt32();
        d.readUniquePointer(dd -> {
            long max = dd.readConformance();
            NdrDecoder.checkCorrelation(max, v.count & 0xffffffffL, "samr_RidWithAttributeArray size_is(count)");
            int n = dd.checkCount(max, 8);
            return dd.readInt32s(2L * n);
        }, p -> v.ridAttributePairs = p);
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SamrRidWithAttributeArray x && x.count == count && Arrays.equals(x.ridAttributePairs, ridAttributePairs);
    }

    @Override
    public int hashCode() {
        return count * 31 + Arrays.hashCode(ridAttributePairs);
    }
}
