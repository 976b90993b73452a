package org.msrpc4j.ndr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.msrpc4j.ndr.types.DomSid;
import org.msrpc4j.ndr.types.EchoInfo;
import org.msrpc4j.ndr.types.EchoSurrounding;
import org.msrpc4j.ndr.types.EchoTestCall2;
import org.msrpc4j.ndr.types.GetBlobOut;
import org.msrpc4j.ndr.types.Leaf;
import org.msrpc4j.ndr.types.LeafPair;
import org.msrpc4j.ndr.types.LsaDnsDomainInfo;
import org.msrpc4j.ndr.types.LsaOpenPolicy2In;
import org.msrpc4j.ndr.types.LsaSidArray;
import org.msrpc4j.ndr.types.LsaString;
import org.msrpc4j.ndr.types.LsaTranslatedNames;
import org.msrpc4j.ndr.types.Matrix;
import org.msrpc4j.ndr.types.Node;
import org.msrpc4j.ndr.types.PaddedBlob;
import org.msrpc4j.ndr.types.SamrLogonHours;
import org.msrpc4j.ndr.types.Shape;
import org.msrpc4j.ndr.types.VaryingBuffer;

/** decode(encode(x)) == x and encode(decode(bytes)) == bytes for every NDR construct. */
class NdrRoundTripTest {

    interface Body {
        void run(NdrEncoder e) throws NdrException;
    }

    private static byte[] encode(Body body) throws NdrException {
        NdrEncoder e = new NdrEncoder();
        body.run(e);
        return e.toByteArray();
    }

    private static <T extends NdrEncodable> void roundTrip(T value, NdrReader<T> reader) throws NdrException {
        byte[] bytes = encode(e -> e.writeTopLevel(value));
        NdrDecoder d = new NdrDecoder(bytes);
        T back = d.readTopLevel(reader);
        d.requireFullyConsumed();
        assertThat(back).isEqualTo(value);
        assertThat(encode(e -> e.writeTopLevel(back))).isEqualTo(bytes);
    }

    // ------------------------------------------------------------------ generators

    /** Valid UTF-16 text from any code point except surrogates (and NUL when {@code noNul}). */
    static Arbitrary<String> text(boolean noNul) {
        Arbitrary<Integer> cp = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, Arbitraries.integers().between(noNul ? 1 : 0, 0x7f)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0x80, 0xd7ff)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0xe000, 0xffff)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0x10000, 0x10ffff)));
        return cp.list().ofMaxSize(40).map(list -> {
            StringBuilder sb = new StringBuilder();
            list.forEach(sb::appendCodePoint);
            return sb.toString();
        });
    }

    @Provide
    Arbitrary<String> strings() {
        return text(true);
    }

    @Provide
    Arbitrary<LsaString> lsaStrings() {
        Arbitrary<String> s = Arbitraries.oneOf(text(false), Arbitraries.just(null));
        return Combinators.combine(s, Arbitraries.integers().between(0, 8)).as((str, slack) -> {
            if (str == null) {
                return new LsaString(0, 0, null);
            }
            int len = 2 * str.length();
            return new LsaString(len, len + 2 * slack, str);
        });
    }

    @Provide
    Arbitrary<DomSid> sids() {
        return Combinators.combine(Arbitraries.integers().between(0, 255), Arbitraries.bytes().array(byte[].class).ofSize(6),
                Arbitraries.integers().array(int[].class).ofMaxSize(15)).as(DomSid::new);
    }

    @Provide
    Arbitrary<List<DomSid>> sidLists() {
        return sids().list().ofMaxSize(12);
    }

    @Provide
    Arbitrary<List<LsaString>> lsaStringLists() {
        return lsaStrings().list().ofMaxSize(10);
    }

    // ------------------------------------------------------------------ primitives

    /** A random sequence of mixed primitives reads back in order despite the alignment padding. */
    @Property
    void primitiveSequences(@ForAll @Size(max = 30) List<@IntRange(min = 0, max = 11) Integer> kinds, @ForAll long seed)
            throws NdrException {
        java.util.Random r = new java.util.Random(seed);
        long[] values = new long[kinds.size()];
        NdrEncoder e = new NdrEncoder();
        for (int i = 0; i < kinds.size(); i++) {
            long v = r.nextLong();
            switch (kinds.get(i)) {
                case 0 -> { v = (byte) v; e.writeInt8((int) v); }
                case 1 -> { v = (short) v; e.writeInt16((int) v); }
                case 2 -> { v = (int) v; e.writeInt32((int) v); }
                case 3 -> e.writeInt64(v);
                case 4 -> { v = Float.floatToRawIntBits(Float.intBitsToFloat((int) v)); e.writeFloat(Float.intBitsToFloat((int) v)); }
                case 5 -> e.writeDouble(Double.longBitsToDouble(v));
                case 6 -> { v = v & 1; e.writeBoolean(v == 1); }
                case 7 -> { v = (char) v; e.writeWChar((char) v); }
                case 8 -> { v = v & 0x7fff; e.writeEnum16((int) v); }
                case 9 -> { v = (int) v; e.writeEnum32((int) v); }
                case 10 -> { v = (int) v; e.writeInt3264(v); }
                default -> { v = v & 0xffffffffL; e.writeConformance(v); }
            }
            values[i] = v;
        }
        NdrDecoder d = new NdrDecoder(e.toByteArray());
        for (int i = 0; i < kinds.size(); i++) {
            long v = switch (kinds.get(i)) {
                case 0 -> d.readInt8();
                case 1 -> d.readInt16();
                case 2 -> d.readInt32();
                case 3 -> d.readInt64();
                case 4 -> Float.floatToRawIntBits(d.readFloat());
                case 5 -> Double.doubleToRawLongBits(d.readDouble());
                case 6 -> d.readBoolean() ? 1 : 0;
                case 7 -> d.readWChar();
                case 8 -> d.readEnum16();
                case 9 -> d.readEnum32();
                case 10 -> d.readInt3264();
                default -> d.readConformance();
            };
            assertThat(v).as("element %d kind %d", i, kinds.get(i)).isEqualTo(values[i]);
        }
        d.requireFullyConsumed();
    }

    @Property
    void uuidsAndContextHandles(@ForAll long msb, @ForAll long lsb, @ForAll int attributes) throws NdrException {
        NdrContextHandle h = new NdrContextHandle(attributes, new UUID(msb, lsb));
        byte[] bytes = encode(e -> e.writeContextHandle(h));
        assertThat(new NdrDecoder(bytes).readContextHandle()).isEqualTo(h);
    }

    // ------------------------------------------------------------------ strings

    @Property
    void conformantVaryingWideStrings(@ForAll("strings") String s) throws NdrException {
        byte[] bytes = encode(e -> e.writeTopLevelUniquePointer(s, NdrEncoder::writeConformantVaryingWString));
        assertThat(new NdrDecoder(bytes).readTopLevelUniquePointer(NdrDecoder::readConformantVaryingWString)).isEqualTo(s);
        byte[] fixed = encode(e -> e.writeVaryingWString(s, s.length() + 1));
        assertThat(new NdrDecoder(fixed).readVaryingWString(s.length() + 1)).isEqualTo(s);
    }

    @Property
    void conformantVaryingNarrowStrings(@ForAll @Size(max = 50) List<@IntRange(min = 1, max = 255) Integer> chars) throws NdrException {
        StringBuilder sb = new StringBuilder();
        chars.forEach(c -> sb.append((char) (int) c));
        String s = sb.toString();
        byte[] bytes = encode(e -> e.writeConformantVaryingCString(s));
        assertThat(new NdrDecoder(bytes).readConformantVaryingCString()).isEqualTo(s);
    }

    @Property
    void countedStrings(@ForAll("lsaStrings") LsaString s) throws NdrException {
        roundTrip(s, LsaString::decode);
    }

    @Property
    void typeSerializedStreams(@ForAll("lsaStringLists") List<LsaString> services, @ForAll("lsaStrings") LsaString target)
            throws NdrException {
        org.msrpc4j.ndr.types.PacConstrainedDelegation info = new org.msrpc4j.ndr.types.PacConstrainedDelegation();
        info.proxyTarget = target;
        info.numTransitedServices = services.size();
        info.transitedServices = services;
        org.msrpc4j.ndr.types.PacConstrainedDelegation.Ctr ctr = new org.msrpc4j.ndr.types.PacConstrainedDelegation.Ctr();
        ctr.info = info;
        byte[] stream = NdrTypeSerialization1.encode(ctr);
        assertThat(stream.length % 8).isZero();
        assertThat(NdrTypeSerialization1.decode(stream, org.msrpc4j.ndr.types.PacConstrainedDelegation.Ctr::decode)).isEqualTo(ctr);
    }

    // ------------------------------------------------------------------ structs and arrays

    @Property
    void conformantStructs(@ForAll("sids") DomSid sid) throws NdrException {
        roundTrip(sid, DomSid::decode);
    }

    @Property
    void conformantStructWithPrimitiveArray(@ForAll short[] values) throws NdrException {
        roundTrip(new EchoSurrounding(values.length, values), EchoSurrounding::decode);
    }

    @Property
    void conformantVaryingStructs(@ForAll short[] values, @ForAll @IntRange(max = 10) int slack) throws NdrException {
        roundTrip(new VaryingBuffer(values.length + slack, values), VaryingBuffer::decode);
    }

    @Property
    void multidimensionalArrays(@ForAll @IntRange(max = 6) int usedRows, @ForAll @IntRange(max = 6) int usedCols,
            @ForAll @IntRange(max = 3) int extra, @ForAll long seed) throws NdrException {
        java.util.Random r = new java.util.Random(seed);
        short[][] m = new short[usedRows][usedCols];
        for (short[] row : m) {
            for (int c = 0; c < usedCols; c++) {
                row[c] = (short) r.nextInt();
            }
        }
        Matrix matrix = new Matrix(usedRows + extra, usedCols + extra, m);
        byte[] bytes = encode(matrix::encode);
        assertThat(Matrix.decode(new NdrDecoder(bytes))).isEqualTo(matrix);
    }

    @Property
    void sizeIsExpressions(@ForAll @IntRange(max = 100) int size, @ForAll long seed) throws NdrException {
        byte[] data = new byte[PaddedBlob.padded(size)];
        new java.util.Random(seed).nextBytes(data);
        roundTrip(new PaddedBlob(size, data), PaddedBlob::decode);
    }

    @Property
    void pointerLevelSizes(@ForAll byte[] blob, @ForAll boolean present, @ForAll int result) throws NdrException {
        GetBlobOut out = new GetBlobOut(present ? blob.length : 0, present ? blob : null, result);
        byte[] bytes = encode(out::encode);
        assertThat(GetBlobOut.decode(new NdrDecoder(bytes))).isEqualTo(out);
    }

    @Property
    void logonHours(@ForAll @IntRange(max = 1260 * 8) int unitsPerWeek, @ForAll long seed, @ForAll boolean present) throws NdrException {
        SamrLogonHours h = new SamrLogonHours();
        h.unitsPerWeek = unitsPerWeek;
        if (present) {
            h.bits = new byte[unitsPerWeek / 8];
            new java.util.Random(seed).nextBytes(h.bits);
        }
        roundTrip(h, SamrLogonHours::decode);
    }

    // ------------------------------------------------------------------ embedded pointers

    @Property
    void arraysOfStructsWithPointersToConformantStructs(@ForAll("sidLists") List<DomSid> sids,
            @ForAll long nullMask, @ForAll boolean nullArray) throws NdrException {
        LsaSidArray a = new LsaSidArray();
        a.numSids = sids.size();
        if (!nullArray) {
            a.sids = new ArrayList<>();
            for (int i = 0; i < sids.size(); i++) {
                a.sids.add((nullMask >>> i & 1) == 1 ? null : sids.get(i));
            }
        }
        roundTrip(a, LsaSidArray::decode);
    }

    @Property
    void arraysOfStructsWithEmbeddedStructsWithPointers(@ForAll("lsaStringLists") List<LsaString> names,
            @ForAll @IntRange(max = 10) int kind) throws NdrException {
        LsaTranslatedNames t = new LsaTranslatedNames();
        t.count = names.size();
        t.names = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            t.names.add(new LsaTranslatedNames.Name(kind, names.get(i), i));
        }
        roundTrip(t, LsaTranslatedNames::decode);
    }

    @Property
    void structsMixingEmbeddedStructsGuidsAndPointers(@ForAll("lsaStrings") LsaString a, @ForAll("lsaStrings") LsaString b,
            @ForAll("lsaStrings") LsaString c, @ForAll long msb, @ForAll long lsb, @ForAll("sids") DomSid sid,
            @ForAll boolean withSid) throws NdrException {
        LsaDnsDomainInfo v = new LsaDnsDomainInfo();
        v.name = a;
        v.dnsDomain = b;
        v.dnsForest = c;
        v.domainGuid = new UUID(msb, lsb);
        v.sid = withSid ? sid : null;
        roundTrip(v, LsaDnsDomainInfo::decode);
    }

    @Property
    void topLevelParametersWithUniqueAndRefPointers(@ForAll("strings") String server, @ForAll boolean withServer,
            @ForAll("strings") String object, @ForAll boolean withObject, @ForAll boolean withRoot, @ForAll byte root,
            @ForAll boolean withQos, @ForAll int mask) throws NdrException {
        LsaOpenPolicy2In.ObjectAttribute attr = new LsaOpenPolicy2In.ObjectAttribute();
        attr.len = 24;
        attr.rootDir = withRoot ? root & 0xff : null;
        attr.objectName = withObject ? object : null;
        attr.secQos = withQos ? new LsaOpenPolicy2In.QosInfo(12, 2, 1, 0) : null;
        LsaOpenPolicy2In in = new LsaOpenPolicy2In(withServer ? server : null, attr, mask);
        byte[] bytes = encode(in::encodeIn);
        assertThat(LsaOpenPolicy2In.decodeIn(new NdrDecoder(bytes))).isEqualTo(in);
    }

    @Property
    void linkedLists(@ForAll @IntRange(min = 1, max = 300) int length) throws NdrException {
        byte[] bytes = encode(e -> e.writeTopLevel(Node.chain(length)));
        Node back = new NdrDecoder(bytes).readTopLevel(Node::decode);
        assertThat(back.length()).isEqualTo(length);
        int i = 0;
        for (Node n = back; n != null; n = n.next) {
            assertThat(n.value).isEqualTo(i++);
        }
        assertThat(encode(e -> e.writeTopLevel(back))).isEqualTo(bytes);
    }

    /** Random acyclic graphs of full pointers keep their sharing (which pointers reach the same object). */
    @Property
    void fullPointerAliasingIsPreserved(@ForAll @Size(min = 1, max = 8) List<@IntRange(min = -1, max = 7) Integer> nextOf,
            @ForAll @IntRange(min = -1, max = 7) int a, @ForAll @IntRange(min = -1, max = 7) int b) throws NdrException {
        int n = nextOf.size();
        Leaf[] leaves = new Leaf[n];
        for (int i = 0; i < n; i++) {
            leaves[i] = new Leaf(i, null);
        }
        for (int i = 0; i < n; i++) {
            int target = nextOf.get(i);
            if (target >= 0 && target < i) { // only point backwards: acyclic
                leaves[i].next = leaves[target];
            }
        }
        LeafPair pair = new LeafPair(a >= 0 && a < n ? leaves[a] : null, b >= 0 && b < n ? leaves[b] : null);
        byte[] bytes = encode(e -> e.writeTopLevel(pair));
        LeafPair back = new NdrDecoder(bytes).readTopLevel(LeafPair::decode);
        assertThat(shape(back)).isEqualTo(shape(pair));
        assertThat(encode(e -> e.writeTopLevel(back))).isEqualTo(bytes);
    }

    /** Canonical description of the graph: values plus which nodes are the same object. */
    private static String shape(LeafPair p) {
        Map<Leaf, Integer> ids = new IdentityHashMap<>();
        StringBuilder sb = new StringBuilder();
        for (Leaf start : new Leaf[] {p.a, p.b}) {
            sb.append('|');
            for (Leaf l = start; l != null; l = l.next) {
                Integer id = ids.get(l);
                if (id != null) {
                    sb.append("#").append(id);
                    break;
                }
                ids.put(l, ids.size());
                sb.append(l.value).append(',');
            }
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ unions

    @Provide
    Arbitrary<EchoInfo> echoInfos() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(0, 255).map(EchoInfo.Info1::new),
                Arbitraries.integers().between(0, 0xffff).map(EchoInfo.Info2::new),
                Arbitraries.integers().map(EchoInfo.Info3::new),
                Arbitraries.longs().map(EchoInfo.Info4::new),
                Combinators.combine(Arbitraries.integers().between(0, 255), Arbitraries.longs()).as(EchoInfo.Info5::new),
                Combinators.combine(Arbitraries.integers().between(0, 255), Arbitraries.integers().between(0, 255)).as(EchoInfo.Info6::new),
                Combinators.combine(Arbitraries.integers().between(0, 255), Arbitraries.longs()).as(EchoInfo.Info7::new));
    }

    @Property
    void nonEncapsulatedUnions(@ForAll("echoInfos") EchoInfo info, @ForAll int result) throws NdrException {
        EchoTestCall2 out = new EchoTestCall2(info, result);
        byte[] bytes = encode(out::encodeOut);
        assertThat(EchoTestCall2.decodeOut(new NdrDecoder(bytes), info.level())).isEqualTo(out);
    }

    @Provide
    Arbitrary<Shape> shapes() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(0, 0xffff).map(Shape.Small::new),
                Arbitraries.longs().map(Shape.Big::new),
                Arbitraries.oneOf(text(true), Arbitraries.just(null)).map(Shape.Named::new),
                Arbitraries.integers().between(4, 0xffff).map(Shape.Empty::new));
    }

    @Property
    void encapsulatedUnionsWithDefaultArm(@ForAll("shapes") Shape shape) throws NdrException {
        roundTrip(shape, Shape::decode);
    }
}
