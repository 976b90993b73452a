package org.msrpc4j.ndr.types;

import java.util.Arrays;
import org.msrpc4j.ndr.NdrDecoder;
import org.msrpc4j.ndr.NdrEncodable;
import org.msrpc4j.ndr.NdrEncoder;
import org.msrpc4j.ndr.NdrException;

/**
 * samr_LogonHours: {@code struct { uint16 units_per_week; [size_is(1260), length_is(units_per_week/8)] uint8 *bits; }}
 * — a constant size_is and a length_is expression.
 */
public final class SamrLogonHours implements NdrEncodable {
    public int unitsPerWeek;
    public byte[] bits;

    @Override
    public void encode(NdrEncoder e) throws NdrException {
        e.align(4);
        e.writeInt16(unitsPerWeek);
        e.writeUniquePointer(bits, (enc, b) -> {
            enc.writeConformance(1260);
            enc.writeVariance(0, unitsPerWeek / 8);
            enc.writeBytes(b, 0, unitsPerWeek / 8);
        });
    }

    public static SamrLogonHours decode(NdrDecoder d) throws NdrException {
        SamrLogonHours v = new SamrLogonHours();
        d.align(4);
        v.unitsPerWeek = d.readUInt16();
        d.readUniquePointer(dd -> {
            long max = dd.readConformance();
            NdrDecoder.checkCorrelation(max, 1260, "samr_LogonHours size_is(1260)");
            long offset = dd.readVarianceOffset();
            int n = dd.readVarianceCount(max, offset, 1);
            NdrDecoder.checkCorrelation(n, v.unitsPerWeek / 8, "samr_LogonHours length_is(units_per_week/8)");
            return dd.readBytes(n);
        }, b -> v.bits = b);
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SamrLogonHours x && x.unitsPerWeek == unitsPerWeek && Arrays.equals(x.bits, bits);
    }

    @Override
    public int hashCode() {
        return unitsPerWeek * 31 + Arrays.hashCode(bits);
    }
}
