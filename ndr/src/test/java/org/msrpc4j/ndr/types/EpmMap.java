package org.msrpc4j.ndr.types;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.msrpc4j.ndr.NdrContextHandle;
import org.msrpc4j.ndr.NdrDecoder;
import org.msrpc4j.ndr.NdrEncoder;
import org.msrpc4j.ndr.NdrException;

/**
 * epm_Map (C706 appendix O / [MS-RPCE] 2.2.1.2.5): {@code [in,ptr] GUID *object, [in,ptr] twr_t *map_tower,
 * [in,out] policy_handle *entry_handle, [in] uint32 max_towers, [out] uint32 *num_towers,
 * [out, length_is(*num_towers), size_is(max_towers)] twr_p_t towers[]} with {@code twr_p_t { [ptr] twr_t *twr; }}:
 * top-level full pointers, a context handle and a conformant-varying array of structs holding full pointers.
 */
public final class EpmMap {
    private EpmMap() {
    }

    public record In(UUID object, EpmTower mapTower, NdrContextHandle entryHandle, int maxTowers) {
        public void encode(NdrEncoder e) throws NdrException {
            e.writeTopLevelFullPointer(object, NdrEncoder::writeUuid);
            e.writeTopLevelFullPointer(mapTower, (enc, t) -> t.encode(enc));
            e.writeTopLevel(entryHandle, NdrEncoder::writeContextHandle);
            e.writeTopLevel(maxTowers, NdrEncoder::writeInt32);
        }

        public static In decode(NdrDecoder d) throws NdrException {
            UUID object = d.readTopLevelFullPointer(UUID.class, NdrDecoder::readUuid);
            EpmTower tower = d.readTopLevelFullPointer(EpmTower.class, EpmTower::decode);
            NdrContextHandle handle = d.readTopLevel(NdrDecoder::readContextHandle);
            int max = d.readTopLevel(NdrDecoder::readInt32);
            d.requireFullyConsumed();
            return new In(object, tower, handle, max);
        }
    }

    /** {@code towers} holds the transmitted elements (length_is); entries may be null. */
    public record Out(NdrContextHandle entryHandle, int maxTowers, List<EpmTower> towers, int result) {
        public void encode(NdrEncoder e) throws NdrException {
            e.writeTopLevel(entryHandle, NdrEncoder::writeContextHandle);
            e.writeTopLevel(towers.size(), NdrEncoder::writeInt32);
            e.writeTopLevel(towers, (enc, list) -> {
                enc.writeConformance(maxTowers);
                enc.writeVariance(0, list.size());
                for (EpmTower t : list) {
                    enc.align(4);
                    enc.writeFullPointer(t, (x, tower) -> tower.encode(x));
                }
            });
            e.writeTopLevel(result, NdrEncoder::writeInt32);
        }

        /** The client passes its own [in] max_towers for the size_is check. */
        public static Out decode(NdrDecoder d, int maxTowers) throws NdrException {
            NdrContextHandle handle = d.readTopLevel(NdrDecoder::readContextHandle);
            long numTowers = d.readTopLevel(NdrDecoder::readUInt32);
            List<EpmTower> towers = d.readTopLevel(dd -> {
                long max = dd.readConformance();
                NdrDecoder.checkCorrelation(max, maxTowers, "size_is(max_towers)");
                long offset = dd.readVarianceOffset();
                NdrDecoder.checkCorrelation(offset, 0, "first_is");
                int n = dd.readVarianceCount(max, offset, 4);
                NdrDecoder.checkCorrelation(n, numTowers, "length_is(*num_towers)");
                EpmTower[] slots = new EpmTower[n];
                for (int i = 0; i < n; i++) {
                    int index = i;
                    dd.align(4);
                    dd.readFullPointer(EpmTower.class, EpmTower::decode, t -> slots[index] = t);
                }
                // the referents arrive after this reader returns; the list view sees them
                return Arrays.asList(slots);
            });
            int result = d.readTopLevel(NdrDecoder::readInt32);
            d.requireFullyConsumed();
            return new Out(handle, maxTowers, new ArrayList<>(towers), result);
        }
    }
}
