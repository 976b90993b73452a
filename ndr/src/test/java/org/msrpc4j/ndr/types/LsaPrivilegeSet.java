package org.msrpc4j.ndr.types;

import java.util.Arrays;
import org.msrpc4j.ndr.NdrDecoder;
import org.msrpc4j.ndr.NdrEncodable;
import org.msrpc4j.ndr.NdrEncoder;
import org.msrpc4j.ndr.NdrException;

/**
 * lsa_PrivilegeSet / LSAPR_PRIVILEGE_SET: {@code struct { [range(0,1000)] uint32 count; uint32 unknown;
 * [size_is(count)] lsa_LUIDAttribute set[]; }} with {@code lsa_LUIDAttribute { lsa_LUID luid {uint32 low; uint32 high;};
 * uint32 attribute; }} — a conformant struct whose array holds structs; kept as (low, high, attribute) triples.
 */
public record LsaPrivilegeSet(int unknown, int[] triples) implements NdrEncodable {

    @Override
    public void encode(NdrEncoder e) throws NdrException {
        int count = triples.length / 3;
        e.writeConformance(count);
        e.align(4);
        e.writeInt32(count);
        e.writeInt32(unknown);
        e.writeInt32s(triples, 0, triples.length);
    }

    public static LsaPrivilegeSet decode(NdrDecoder d) throws NdrException {
        long max = d.readConformance();
        d.align(4);
        long count = d.readUInt32();
        NdrDecoder.checkRange(count, 0, 1000, "lsa_PrivilegeSet.count");
        NdrDecoder.checkCorrelation(max, count, "size_is(count)");
        int unknown = d.readInt32();
        return new LsaPrivilegeSet(unknown, d.readInt32s(3 * max));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LsaPrivilegeSet x && x.unknown == unknown && Arrays.equals(x.triples, triples);
    }

    @Override
    public int hashCode() {
        return unknown * 31 + Arrays.hashCode(triples);
    }
}
