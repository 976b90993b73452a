package org.msrpc4j.ndr.types;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.msrpc4j.ndr.NdrDecoder;
import org.msrpc4j.ndr.NdrEncodable;
import org.msrpc4j.ndr.NdrEncoder;
import org.msrpc4j.ndr.NdrException;

/**
 * lsa_TransNameArray: {@code struct { [range(0,1000)] uint32 count; [size_is(count)] lsa_TranslatedName *names; }}
 * with {@code lsa_TranslatedName { lsa_SidType sid_type (enum16); lsa_String name; uint32 sid_index; }}
 * — 16-bit enums and embedded structs with pointers inside array elements.
 */
public final class LsaTranslatedNames implements NdrEncodable {
    /** One lsa_TranslatedName. */
    public record Name(int sidType, LsaString name, int sidIndex) {
        void encode(NdrEncoder e) throws NdrException {
            e.align(4);
            e.writeEnum16(sidType);
            name.encode(e);
            e.writeInt32(sidIndex);
        }
    }

    public int count;
    public List<Name> names;

    @Override
    public void encode(NdrEncoder e) throws NdrException {
        e.align(4);
        e.writeInt32(count);
        e.writeUniquePointer(names, (enc, list) -> {
            enc.writeConformance(list.size());
            for (Name n : list) {
                n.encode(enc);
            }
        });
    }

    public static LsaTranslatedNames decode(NdrDecoder d) throws NdrException {
        LsaTranslatedNames v = new LsaTranslatedNames();
        d.align(4);
        v.count = d.readInt32();
        NdrDecoder.checkRange(v.count & 0xffffffffL, 0, 1000, "lsa_TransNameArray.count");
        d.readUniquePointer(dd -> {
            long max = dd.readConformance();
            NdrDecoder.checkCorrelation(max, v.count, "lsa_TransNameArray size_is(count)");
            int n = dd.checkCount(max, 16);
            List<Name> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                dd.align(4);
                int type = dd.readEnum16();
                // the name's pointer fills the LsaString object later; the record keeps the same object
                LsaString name = LsaString.decode(dd);
                list.add(new Name(type, name, dd.readInt32()));
            }
            return list;
        }, list -> v.names = list);
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LsaTranslatedNames x && x.count == count && Objects.equals(x.names, names);
    }

    @Override
    public int hashCode() {
        return Objects.hash(count, names);
    }

    @Override
    public String toString() {
        return "LsaTranslatedNames" + names;
    }
}
