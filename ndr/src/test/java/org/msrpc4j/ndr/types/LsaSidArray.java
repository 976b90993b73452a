package org.msrpc4j.ndr.types;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.msrpc4j.ndr.NdrDecoder;
import org.msrpc4j.ndr.NdrEncodable;
import org.msrpc4j.ndr.NdrEncoder;
import org.msrpc4j.ndr.NdrException;

/**
 * lsa_SidArray: {@code struct { [range(0,1000)] uint32 num_sids; [size_is(num_sids)] lsa_SidPtr *sids; }}
 * with {@code lsa_SidPtr { dom_sid2 *sid; }} — an array of structs whose embedded pointers point to
 * conformant structs. Null entries in {@link #sids} are lsa_SidPtr elements whose sid pointer is null.
 */
public final class LsaSidArray implements NdrEncodable {
    public int numSids;
    public List<DomSid> sids; // null: the sids pointer itself is null

    @Override
    public void encode(NdrEncoder e) throws NdrException {
        e.align(4);
        e.writeInt32(numSids);
        e.writeUniquePointer(sids, (enc, list) -> {
            enc.writeConformance(list.size());
            for (DomSid sid : list) {
                enc.align(4);                             // lsa_SidPtr scalars
                enc.writeUniquePointer(sid);
            }
        });
    }

    public static LsaSidArray decode(NdrDecoder d) throws NdrException {
        LsaSidArray v = new LsaSidArray();
        d.align(4);
        v.numSids = d.readInt32();
        NdrDecoder.checkRange(v.numSids & 0xffffffffL, 0, 1000, "lsa_SidArray.num_sids");
        d.readUniquePointer(dd -> {
            long max = dd.readConformance();
            NdrDecoder.checkCorrelation(max, v.numSids, "lsa_SidArray size_is(num_sids)");
            int n = dd.checkCount(max, 4);
            List<DomSid> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int index = i;
                list.add(null);
                dd.align(4);
                dd.readUniquePointer(DomSid::decode, sid -> list.set(index, sid));
            }
            return list;
        }, list -> v.sids = list);
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LsaSidArray x && x.numSids == numSids && Objects.equals(x.sids, sids);
    }

    @Override
    public int hashCode() {
        return Objects.hash(numSids, sids);
    }

    @Override
    public String toString() {
        return "LsaSidArray" + sids;
    }
}
