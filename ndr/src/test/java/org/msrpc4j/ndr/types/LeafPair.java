package org.msrpc4j.ndr.types;

import org.msrpc4j.ndr.NdrDecoder;
import org.msrpc4j.ndr.NdrEncodable;
import org.msrpc4j.ndr.NdrEncoder;
import org.msrpc4j.ndr.NdrException;

/** {@code struct pair { [ptr] leaf *a; [ptr] leaf *b; }} — two full pointers that may alias. */
public final class LeafPair implements NdrEncodable {
    public Leaf a;
    public Leaf b;

    public LeafPair(Leaf a, Leaf b) {
        this.a = a;
        this.b = b;
    }

    @Override
    public void encode(NdrEncoder e) throws NdrException {
        e.align(4);
        e.writeFullPointer(a, Leaf::encodeLeaf);
        e.writeFullPointer(b, Leaf::encodeLeaf);
    }

    public static LeafPair decode(NdrDecoder d) throws NdrException {
        LeafPair p = new LeafPair(null, null);
        d.align(4);
        d.readFullPointer(Leaf.class, Leaf::decode, x -> p.a = x);
        d.readFullPointer(Leaf.class, Leaf::decode, x -> p.b = x);
        return p;
    }
}
