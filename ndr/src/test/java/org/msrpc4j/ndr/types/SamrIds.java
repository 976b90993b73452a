package org.msrpc4j.ndr.types;

import java.util.Arrays;
import org.msrpc4j.ndr.NdrDecoder;
import org.msrpc4j.ndr.NdrEncodable;
import org.msrpc4j.ndr.NdrEncoder;
import org.msrpc4j.ndr.NdrException;

/** samr_Ids / SAMPR_ULONG_ARRAY: {@code struct { [range(0,1024)] uint32 count; [size_is(count)] uint32 *ids; }}. */
public final class SamrIds implements NdrEncodable {
    public int count;
    public int[] ids;

    public SamrIds(int... ids) {
        this.count = ids.length;
        this.ids = ids;
    }

    @Override
    public void encode(NdrEncoder e) throws NdrException {
        e.align(4);
        e.writeInt32(count);
        e.writeUniquePointer(ids, (enc, a) -> {
            enc.writeConformance(a.length);
            enc.writeInt32s(a, 0, a.length);
        });
    }

    public static SamrIds decode(NdrDecoder d) throws NdrException {
        SamrIds v = new SamrIds();
        d.align(4);
        v.count = d.readInt32();
        NdrDecoder.checkRange(v.count & 0xffffffffL, 0, 1024, "samr_Ids.count");
        v.ids = null;
        d.readUniquePointer(dd -> {
            long max = dd.readConformance();
            NdrDecoder.checkCorrelation(max, v.count, "size_is(count)");
            return dd.readInt32s(max);
        }, a -> v.ids = a);
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SamrIds x && x.count == count && Arrays.equals(x.ids, ids);
    }

    @Override
    public int hashCode() {
        return count * 31 + Arrays.hashCode(ids);
    }
}
