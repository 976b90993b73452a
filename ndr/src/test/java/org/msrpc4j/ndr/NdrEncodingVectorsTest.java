package org.msrpc4j.ndr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.msrpc4j.ndr.types.GetBlobOut;
import org.msrpc4j.ndr.types.Leaf;
import org.msrpc4j.ndr.types.LeafPair;
import org.msrpc4j.ndr.types.Matrix;
import org.msrpc4j.ndr.types.Node;
import org.msrpc4j.ndr.types.PaddedBlob;
import org.msrpc4j.ndr.types.Shape;
import org.msrpc4j.ndr.types.VaryingBuffer;

/**
 * Byte-exact encodings derived by hand from C706 chapter 14 and [MS-RPCE] 2.2.4 (alignment relative to the
 * start of the stream, conformance hoisting, deferral order, referent ids 0x00020000 + 4n), each decoded back.
 */
class NdrEncodingVectorsTest {

    interface Body {
        void run(NdrEncoder e) throws NdrException;
    }

    private static String encode(Body body) throws NdrException {
        NdrEncoder e = new NdrEncoder();
        body.run(e);
        return Hex.of(e.toByteArray());
    }

    private static String hex(String spaced) {
        return spaced.replace(" ", "");
    }

    @Test
    void lsaStringMatchesBytesCapturedFromSamba() throws Exception {
        // /usr/bin/python3: ndr_pack(lsa.String(string="abc")); kept here so it runs without the oracle
        String samba = "0600060000000200030000000000000003000000610062006300";
        assertThat(encode(e -> e.writeTopLevel(org.msrpc4j.ndr.types.LsaString.of("abc")))).isEqualTo(samba);
        assertThat(new NdrDecoder(Hex.bytes(samba)).readTopLevel(org.msrpc4j.ndr.types.LsaString::decode))
                .isEqualTo(org.msrpc4j.ndr.types.LsaString.of("abc"));
    }

    @Test
    void primitivesAlignToTheirNaturalBoundaryWithZeroPadding() throws Exception {
        String expected = hex("01 00 0302 04 000000 08070605 09 000000 1817161514131211 0000803f 00000000"
                + " 00000000000000c0 01 00 4100");
        assertThat(encode(e -> {
            e.writeInt8(1);
            e.writeInt16(0x0203);
            e.writeInt8(4);
            e.writeInt32(0x05060708);
            e.writeInt8(9);
            e.writeInt64(0x1112131415161718L);
            e.writeFloat(1.0f);
            e.writeDouble(-2.0);
            e.writeBoolean(true);
            e.writeWChar('A');
        })).isEqualTo(expected);

        NdrDecoder d = new NdrDecoder(Hex.bytes(expected));
        assertThat(d.readInt8()).isEqualTo((byte) 1);
        assertThat(d.readInt16()).isEqualTo((short) 0x0203);
        assertThat(d.readUInt8()).isEqualTo(4);
        assertThat(d.readInt32()).isEqualTo(0x05060708);
        assertThat(d.readInt8()).isEqualTo((byte) 9);
        assertThat(d.readInt64()).isEqualTo(0x1112131415161718L);
        assertThat(d.readFloat()).isEqualTo(1.0f);
        assertThat(d.readDouble()).isEqualTo(-2.0);
        assertThat(d.readBoolean()).isTrue();
        assertThat(d.readWChar()).isEqualTo('A');
        d.requireFullyConsumed();
    }

    @Test
    void enumsInt3264AndUuids() throws Exception {
        assertThat(encode(e -> {
            e.writeEnum16(5);
            e.writeEnum32(-1);
            e.writeInt3264(0xffffffffL);
            e.writeUuid(UUID.fromString("01234567-89ab-cdef-0123-456789abcdef"));
        })).isEqualTo(hex("0500 0000 ffffffff ffffffff 67452301 ab89 efcd 0123456789abcdef"));
        assertThatThrownBy(() -> encode(e -> e.writeInt3264(1L << 32))).isInstanceOf(NdrException.class);
        assertThatThrownBy(() -> encode(e -> e.writeEnum16(0x8000)))
                .isInstanceOfSatisfying(NdrException.class, x -> assertThat(x.status()).isEqualTo(1781));
        NdrDecoder d = new NdrDecoder(Hex.bytes("67452301ab89efcd0123456789abcdef"));
        assertThat(d.readUuid()).isEqualTo(UUID.fromString("01234567-89ab-cdef-0123-456789abcdef"));
    }

    @Test
    void stringsCarryMaxOffsetActualAndTerminator() throws Exception {
        assertThat(encode(e -> e.writeConformantVaryingCString("ab")))
                .isEqualTo(hex("03000000 00000000 03000000 616200"));
        assertThat(encode(e -> e.writeConformantVaryingWString("ab")))
                .isEqualTo(hex("03000000 00000000 03000000 6100 6200 0000"));
        assertThat(encode(e -> e.writeVaryingWString("ab", 8)))
                .isEqualTo(hex("00000000 03000000 6100 6200 0000"));
        assertThat(encode(e -> e.writeChars("a\u00ff\0"))).isEqualTo("61ff00");
        assertThat(new NdrDecoder(Hex.bytes("61ff00")).readChars(3)).isEqualTo("a\u00ff\0");
        assertThatThrownBy(() -> encode(e -> e.writeChars("\u0100"))).isInstanceOf(NdrException.class);
        assertThat(encode(e -> e.writeConformantVaryingWString("")))
                .isEqualTo(hex("01000000 00000000 01000000 0000"));
        assertThat(new NdrDecoder(Hex.bytes("03000000 00000000 03000000 616200")).readConformantVaryingCString()).isEqualTo("ab");
        assertThat(new NdrDecoder(Hex.bytes("00000000 03000000 6100 6200 0000")).readVaryingWString(8)).isEqualTo("ab");
        assertThatThrownBy(() -> new NdrDecoder(Hex.bytes("00000000 03000000 6100 6200 0000")).readVaryingWString(2))
                .isInstanceOf(NdrException.class);
    }

    @Test
    void conformantVaryingStructHoistsMaxCountAndPutsVarianceBeforeElements() throws Exception {
        String expected = hex("05000000 05000000 03000000 00000000 03000000 0100 0200 0300");
        VaryingBuffer v = new VaryingBuffer(5, new short[] {1, 2, 3});
        assertThat(encode(e -> e.writeTopLevel(v))).isEqualTo(expected);
        assertThat(new NdrDecoder(Hex.bytes(expected)).readTopLevel(VaryingBuffer::decode)).isEqualTo(v);
    }

    @Test
    void multidimensionalConformantVaryingArrayPutsAllBoundsFirst() throws Exception {
        String expected = hex("03000000 04000000 00000000 02000000 00000000 02000000 0100 0200 0300 0400");
        Matrix m = new Matrix(3, 4, new short[][] {{1, 2}, {3, 4}});
        assertThat(encode(m::encode)).isEqualTo(expected);
        assertThat(Matrix.decode(new NdrDecoder(Hex.bytes(expected)))).isEqualTo(m);
    }

    @Test
    void sizeIsExpressionsAndPointerLevelSizes() throws Exception {
        byte[] eight = {1, 2, 3, 4, 5, 0, 0, 0};
        PaddedBlob p = new PaddedBlob(5, eight);
        String padded = hex("08000000 05000000 0102030405000000");
        assertThat(encode(e -> e.writeTopLevel(p))).isEqualTo(padded);
        assertThat(new NdrDecoder(Hex.bytes(padded)).readTopLevel(PaddedBlob::decode)).isEqualTo(p);
        assertThatThrownBy(() -> new NdrDecoder(Hex.bytes("07000000 05000000 01020304050000")).readTopLevel(PaddedBlob::decode))
                .isInstanceOf(NdrException.class).hasMessageContaining("(size+7)&~7");

        GetBlobOut out = new GetBlobOut(3, new byte[] {0x0a, 0x0b, 0x0c}, 0);
        String blob = hex("03000000 00000200 03000000 0a0b0c 00 00000000");
        assertThat(encode(out::encode)).isEqualTo(blob);
        assertThat(GetBlobOut.decode(new NdrDecoder(Hex.bytes(blob)))).isEqualTo(out);
        GetBlobOut none = new GetBlobOut(0, null, 5);
        assertThat(encode(none::encode)).isEqualTo(hex("00000000 00000000 05000000"));
        assertThat(GetBlobOut.decode(new NdrDecoder(Hex.bytes("00000000 00000000 05000000")))).isEqualTo(none);
    }

    @Test
    void fullPointersToOneObjectShareTheReferentIdAndItsRepresentation() throws Exception {
        Leaf x = new Leaf(7, null);
        String expected = hex("01000000 01000000 07000000 00000000");
        assertThat(encode(e -> e.writeTopLevel(new LeafPair(x, x)))).isEqualTo(expected);
        LeafPair back = new NdrDecoder(Hex.bytes(expected)).readTopLevel(LeafPair::decode);
        assertThat(back.a).isSameAs(back.b);
        assertThat(back.a.value).isEqualTo(7);
    }

    @Test
    void fullAndUniquePointersShareOneCounterLikeSamba() throws Exception {
        // unique id 0x00020000 (n=0), then full pointer id n+1 = 2, then unique 0x00020008 (n=2)
        assertThat(encode(e -> {
            e.writeUniquePointer(1, NdrEncoder::writeInt8);
            e.writeFullPointer(2, NdrEncoder::writeInt8);
            e.writeUniquePointer(3, NdrEncoder::writeInt8);
            e.flushDeferred();
        })).isEqualTo(hex("00000200 02000000 08000200 01 02 03"));
    }

    @Test
    void laterFullPointerToAnEarlierReferentWritesOnlyTheId() throws Exception {
        Leaf x = new Leaf(7, null);
        Leaf y = new Leaf(8, x);
        String expected = hex("01000000 02000000 07000000 00000000 08000000 01000000");
        assertThat(encode(e -> e.writeTopLevel(new LeafPair(x, y)))).isEqualTo(expected);
        LeafPair back = new NdrDecoder(Hex.bytes(expected)).readTopLevel(LeafPair::decode);
        assertThat(back.b.next).isSameAs(back.a);
        assertThat(back.b.value).isEqualTo(8);
    }

    @Test
    void embeddedReferentsFollowDepthFirst() throws Exception {
        String expected = hex("00000000 00000200 01000000 04000200 02000000 00000000");
        assertThat(encode(e -> e.writeTopLevel(Node.chain(3)))).isEqualTo(expected);
        Node back = new NdrDecoder(Hex.bytes(expected)).readTopLevel(Node::decode);
        assertThat(back.length()).isEqualTo(3);
        assertThat(back.next.next.value).isEqualTo(2);
    }

    @Test
    void encapsulatedUnionAlignsTheArmToTheLargestArm() throws Exception {
        assertThat(encode(e -> e.writeTopLevel(new Shape.Small(0x1234)))).isEqualTo(hex("0100 000000000000 3412"));
        assertThat(encode(e -> e.writeTopLevel(new Shape.Big(0x0102030405060708L))))
                .isEqualTo(hex("0200 000000000000 0807060504030201"));
        String named = hex("0300 000000000000 00000200 03000000 00000000 03000000 6800 6900 0000");
        assertThat(encode(e -> e.writeTopLevel(new Shape.Named("hi")))).isEqualTo(named);
        assertThat(new NdrDecoder(Hex.bytes(named)).readTopLevel(Shape::decode)).isEqualTo(new Shape.Named("hi"));
    }

    @Test
    void embeddedRefPointerHasSambasConstantIdAndNullIsRefused() throws Exception {
        // Samba: ndr_push_ref_ptr writes 0xAEF1AEF1 and does not advance the unique/full id counter
        assertThat(encode(e -> {
            e.writeRefPointer(5, NdrEncoder::writeInt32);
            e.writeUniquePointer(6, NdrEncoder::writeInt32);
            e.flushDeferred();
        })).isEqualTo(hex("f1aef1ae 00000200 05000000 06000000"));
        assertThatThrownBy(() -> encode(e -> e.writeRefPointer(null, NdrEncoder::writeInt32)))
                .isInstanceOfSatisfying(NdrException.class, x -> assertThat(x.status()).isEqualTo(1780));
    }

    @Test
    void pipesAreCountedChunksEndedByAnEmptyOne() throws Exception {
        String expected = hex("02000000 01000000 02000000 01000000 03000000 00000000");
        assertThat(encode(e -> {
            e.writePipeChunkCount(2);
            e.writeInt32s(new int[] {1, 2}, 0, 2);
            e.writePipeChunkCount(1);
            e.writeInt32(3);
            e.writePipeChunkCount(0);
        })).isEqualTo(expected);
        NdrDecoder d = new NdrDecoder(Hex.bytes(expected));
        java.util.List<Integer> all = new java.util.ArrayList<>();
        for (int n; (n = d.readPipeChunkCount(4)) != 0; ) {
            for (int v : d.readInt32s(n)) {
                all.add(v);
            }
        }
        assertThat(all).containsExactly(1, 2, 3);
        d.requireFullyConsumed();
        assertThatThrownBy(() -> new NdrDecoder(Hex.bytes("ffffff7f 01000000")).readPipeChunkCount(4))
                .isInstanceOf(NdrException.class);
    }

    @Test
    void varyingArrayWithFirstIsCarriesTheOffset() throws Exception {
        // [first_is(2), length_is(3)] long a[10]: offset 2, actual 3, then only elements 2..4
        String expected = hex("02000000 03000000 0c000000 0d000000 0e000000");
        assertThat(encode(e -> {
            e.writeVariance(2, 3);
            e.writeInt32s(new int[] {10, 11, 12, 13, 14, 15}, 2, 3);
        })).isEqualTo(expected);
        NdrDecoder d = new NdrDecoder(Hex.bytes(expected));
        long offset = d.readVarianceOffset();
        int n = d.readVarianceCount(10, offset, 4);
        assertThat(offset).isEqualTo(2);
        assertThat(d.readInt32s(n)).containsExactly(12, 13, 14);
        assertThatThrownBy(() -> {
            NdrDecoder bad = new NdrDecoder(Hex.bytes("08000000 03000000 0c000000 0d000000 0e000000"));
            bad.readVarianceCount(10, bad.readVarianceOffset(), 4);
        }).isInstanceOf(NdrException.class).hasMessageContaining("exceeds the maximum count 10");
    }

    @Test
    void contextHandleIsTwentyBytesAndNullEncodesAsZeros() throws Exception {
        assertThat(encode(e -> e.writeContextHandle(null))).isEqualTo("00".repeat(20));
        NdrContextHandle h = NdrContextHandle.random();
        NdrEncoder e = new NdrEncoder();
        e.writeContextHandle(h);
        assertThat(e.size()).isEqualTo(NdrContextHandle.WIRE_SIZE);
        assertThat(new NdrDecoder(e.toByteArray()).readContextHandle()).isEqualTo(h);
        assertThat(NdrContextHandle.NULL.isNull()).isTrue();
        assertThat(h.isNull()).isFalse();
    }

    @Test
    void onlyLittleEndianAsciiIeeeIsAccepted() throws Exception {
        NdrDataRepresentation.requireLittleEndian(0x10, 0x00);
        assertThatThrownBy(() -> NdrDataRepresentation.requireLittleEndian(0x00, 0x00))
                .isInstanceOf(NdrException.class).hasMessageContaining("big-endian");
        assertThatThrownBy(() -> NdrDataRepresentation.requireLittleEndian(0x11, 0x00))
                .isInstanceOf(NdrException.class).hasMessageContaining("EBCDIC");
        assertThatThrownBy(() -> NdrDataRepresentation.requireLittleEndian(0x10, 0x01))
                .isInstanceOf(NdrException.class).hasMessageContaining("floating-point");
    }

    @Test
    void ndr64IsReservedNotSilentlyWrong() {
        assertThatThrownBy(() -> new NdrEncoder(NdrTransferSyntax.NDR64, NdrLimits.DEFAULT))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(NdrTransferSyntax.NDR20.uuid()).isEqualTo(UUID.fromString("8a885d04-1ceb-11c9-9fe8-08002b104860"));
    }
}
