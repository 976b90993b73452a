package org.msrpc4j.ndr.types;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.msrpc4j.ndr.NdrDecoder;
import org.msrpc4j.ndr.NdrEncodable;
import org.msrpc4j.ndr.NdrEncoder;
import org.msrpc4j.ndr.NdrException;

/**
 * samr_SamArray / SAMPR_ENUMERATION_BUFFER: {@code struct { uint32 count; [size_is(count)] samr_SamEntry *entries; }}
 * with {@code samr_SamEntry { uint32 idx; lsa_String name; }}.
 */
public final class SamrSamArray implements NdrEncodable {
    /** One samr_SamEntry. */
    public record Entry(int idx, LsaString name) {
    }

    public int count;
    public List<Entry> entries;

    @Override
    public void encode(NdrEncoder e) throws NdrException {
        e.align(4);
        e.writeInt32(count);
        e.writeUniquePointer(entries, (enc, list) -> {
            enc.writeConformance(list.size());
            for (Entry x : list) {
                enc.align(4);
                enc.writeInt32(x.idx());
                x.name().encode(enc);
            }
        });
    }

    public static SamrSamArray decode(NdrDecoder d) throws NdrException {
        SamrSamArray v = new SamrSamArray();
        d.align(4);
        v.count = d.readInt32();
        d.readUniquePointer(dd -> {
            long max = dd.readConformance();
            NdrDecoder.checkCorrelation(max, v.count & 0xffffffffL, "size_is(count)");
            int n = dd.checkCount(max, 12);
            List<Entry> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                dd.align(4);
                int idx = dd.readInt32();
                list.add(new Entry(idx, LsaString.decode(dd)));
            }
            return list;
        }, list -> v.entries = list);
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SamrSamArray x && x.count == count && Objects.equals(x.entries, entries);
    }

    @Override
    public int hashCode() {
        return Objects.hash(count, entries);
    }
}
