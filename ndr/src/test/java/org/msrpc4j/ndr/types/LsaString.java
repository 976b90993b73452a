package org.msrpc4j.ndr.types;

import org.msrpc4j.ndr.NdrDecoder;
import org.msrpc4j.ndr.NdrEncodable;
import org.msrpc4j.ndr.NdrEncoder;
import org.msrpc4j.ndr.NdrException;

/**
 * What a generator emits for lsa_String / RPC_UNICODE_STRING (also lsa_StringLarge):
 * {@code struct { uint16 length; uint16 size; [size_is(size/2), length_is(length/2)] uint16 *string; }}.
 */
public final class LsaString implements NdrEncodable {
    public int length;
    public int size;
    public String string;

    public LsaString() {
    }

    public LsaString(int length, int size, String string) {
        this.length = length;
        this.size = size;
        this.string = string;
    }

    /** lsa.String as Samba fills it: length = size = 2 * chars. */
    public static LsaString of(String s) {
        return s == null ? new LsaString(0, 0, null) : new LsaString(2 * s.length(), 2 * s.length(), s);
    }

    /** lsa.StringLarge as Samba fills it: size = length + 2. */
    public static LsaString large(String s) {
        return s == null ? new LsaString(0, 0, null) : new LsaString(2 * s.length(), 2 * s.length() + 2, s);
    }

    @Override
    public void encode(NdrEncoder e) throws NdrException {
        e.align(4);
        e.writeInt16(length);
        e.writeInt16(size);
        e.writeUniquePointer(string, (enc, s) -> {
            enc.writeConformance(size / 2);
            enc.writeVariance(0, length / 2);
            enc.writeWChars(s);
        });
    }

    public static LsaString decode(NdrDecoder d) throws NdrException {
        LsaString v = new LsaString();
        d.align(4);
        v.length = d.readUInt16();
        v.size = d.readUInt16();
        d.readUniquePointer(dd -> {
            long max = dd.readConformance();
            NdrDecoder.checkCorrelation(max, v.size / 2, "lsa_String size_is(size/2)");
            long offset = dd.readVarianceOffset();
            int n = dd.readVarianceCount(max, offset, 2);
            NdrDecoder.checkCorrelation(n, v.length / 2, "lsa_String length_is(length/2)");
            return dd.readWChars(n);
        }, s -> v.string = s);
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LsaString x && x.length == length && x.size == size && java.util.Objects.equals(x.string, string);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(length, size, string);
    }

    @Override
    public String toString() {
        return "LsaString[" + length + "," + size + "," + string + "]";
    }
}
