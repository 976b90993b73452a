package org.msrpc4j.ndr.types;

import java.util.Arrays;
import org.msrpc4j.ndr.NdrDecoder;
import org.msrpc4j.ndr.NdrEncodable;
import org.msrpc4j.ndr.NdrEncoder;
import org.msrpc4j.ndr.NdrException;

/**
 * twr_t (C706 appendix L): {@code struct { uint32 tower_length; [size_is(tower_length)] byte tower_octet_string[]; }}.
 * The floors inside the octet string are not NDR; the runtime parses them.
 */
public record EpmTower(byte[] octets) implements NdrEncodable {

    @Override
    public void encode(NdrEncoder e) throws NdrException {
        e.writeConformance(octets.length);
        e.align(4);
        e.writeInt32(octets.length);
        e.writeBytes(octets);
    }

    public static EpmTower decode(NdrDecoder d) throws NdrException {
        long max = d.readConformance();
        d.align(4);
        long length = d.readUInt32();
        NdrDecoder.checkCorrelation(max, length, "twr_t size_is(tower_length)");
        return new EpmTower(d.readBytes(max));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EpmTower t && Arrays.equals(t.octets, octets);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(octets);
    }
}
