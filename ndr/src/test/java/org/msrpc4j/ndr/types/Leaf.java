package org.msrpc4j.ndr.types;

import org.msrpc4j.ndr.NdrDecoder;
import org.msrpc4j.ndr.NdrEncodable;
import org.msrpc4j.ndr.NdrEncoder;
import org.msrpc4j.ndr.NdrException;

/** {@code struct leaf { uint32 value; [ptr] struct leaf *next; }} — full pointers (aliasing, cycles). */
public final class Leaf implements NdrEncodable {
    public int value;
    public Leaf next;

    public Leaf(int value, Leaf next) {
        this.value = value;
        this.next = next;
    }

    @Override
    public void encode(NdrEncoder e) throws NdrException {
        e.align(4);
        e.writeInt32(value);
        e.writeFullPointer(next, Leaf::encodeLeaf);
    }

    static void encodeLeaf(NdrEncoder e, Leaf l) throws NdrException {
        l.encode(e);
    }

    public static Leaf decode(NdrDecoder d) throws NdrException {
        Leaf l = new Leaf(0, null);
        d.align(4);
        l.value = d.readInt32();
        d.readFullPointer(Leaf.class, Leaf::decode, x -> l.next = x);
        return l;
    }
}
