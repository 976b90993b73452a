package org.msrpc4j.ndr.types;

import org.msrpc4j.ndr.NdrDecoder;
import org.msrpc4j.ndr.NdrEncodable;
import org.msrpc4j.ndr.NdrEncoder;
import org.msrpc4j.ndr.NdrException;

/**
 * An encapsulated union:
 * {@code union switch (uint16 kind) { case 1: uint16 small; case 2: hyper big; case 3: [string, unique] wchar_t *name; default: ; }}.
 * The struct is aligned to 8 (largest member), the discriminant comes first, the union part is aligned to
 * its largest arm (8). Kind values other than 1..3 carry no arm ({@link Empty}).
 */
public sealed interface Shape extends NdrEncodable {
    int kind();

    record Small(int v) implements Shape { public int kind() { return 1; } }
    record Big(long v) implements Shape { public int kind() { return 2; } }
    /** The arm with a pointer is a mutable class: its referent arrives after the union's scalars. */
    final class Named implements Shape {
        public String name;

        public Named(String name) {
            this.name = name;
        }

        public int kind() {
            return 3;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Named n && java.util.Objects.equals(n.name, name);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hashCode(name);
        }

        @Override
        public String toString() {
            return "Named[" + name + "]";
        }
    }
    record Empty(int kind) implements Shape { }

    @Override
    default void encode(NdrEncoder e) throws NdrException {
        e.align(8);
        e.writeInt16(kind());
        e.align(8);
        if (this instanceof Small s) {
            e.writeInt16(s.v());
        } else if (this instanceof Big b) {
            e.writeInt64(b.v());
        } else if (this instanceof Named n) {
            e.writeUniquePointer(n.name, NdrEncoder::writeConformantVaryingWString);
        }
    }

    static Shape decode(NdrDecoder d) throws NdrException {
        d.align(8);
        int kind = d.readUInt16();
        d.align(8);
        switch (kind) {
            case 1: return new Small(d.readUInt16());
            case 2: return new Big(d.readInt64());
            case 3: {
                Named n = new Named(null);
                d.readUniquePointer(NdrDecoder::readConformantVaryingWString, x -> n.name = x);
                return n;
            }
            default: return new Empty(kind);
        }
    }
}
