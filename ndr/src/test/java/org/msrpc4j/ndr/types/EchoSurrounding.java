package org.msrpc4j.ndr.types;

import java.util.Arrays;
import org.msrpc4j.ndr.NdrDecoder;
import org.msrpc4j.ndr.NdrEncodable;
import org.msrpc4j.ndr.NdrEncoder;
import org.msrpc4j.ndr.NdrException;

/** echo_Surrounding: {@code struct { uint32 x; [size_is(x)] uint16 surrounding[*]; }} — a conformant struct. */
public record EchoSurrounding(int x, short[] surrounding) implements NdrEncodable {

    @Override
    public void encode(NdrEncoder e) throws NdrException {
        e.writeConformance(surrounding.length); // hoisted before the struct
        e.align(4);
        e.writeInt32(x);
        e.writeInt16s(surrounding, 0, surrounding.length);
    }

    public static EchoSurrounding decode(NdrDecoder d) throws NdrException {
        long max = d.readConformance();
        d.align(4);
        int x = d.readInt32();
        NdrDecoder.checkCorrelation(max, x & 0xffffffffL, "echo_Surrounding size_is(x)");
        return new EchoSurrounding(x, d.readInt16s(max));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EchoSurrounding s && s.x == x && Arrays.equals(s.surrounding, surrounding);
    }

    @Override
    public int hashCode() {
        return x * 31 + Arrays.hashCode(surrounding);
    }
}
