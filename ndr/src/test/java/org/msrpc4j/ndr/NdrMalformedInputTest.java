package org.msrpc4j.ndr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Combinators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.msrpc4j.ndr.types.EchoSurrounding;
import org.msrpc4j.ndr.types.EchoTestCall2;
import org.msrpc4j.ndr.types.Leaf;
import org.msrpc4j.ndr.types.LeafPair;
import org.msrpc4j.ndr.types.LsaSidArray;
import org.msrpc4j.ndr.types.LsaString;
import org.msrpc4j.ndr.types.Matrix;
import org.msrpc4j.ndr.types.Node;
import org.msrpc4j.ndr.types.SamrRidWithAttributeArray;

/**
 * Malformed input: every truncation, huge counts, cycles, bad discriminants, invalid UTF-16 and every limit
 * end in {@link NdrException} (status 1783 unless stated), never in another exception. The module's tests
 * run with a 256 MiB heap (see ndr/pom.xml), so a decoder that allocated what a huge count announces would
 * fail with OutOfMemoryError instead of the expected NdrException.
 */
class NdrMalformedInputTest {

    static List<Samples.Sample> samples() {
        return Samples.all();
    }

    private static Throwable decode(byte[] bytes, Samples.Decode decode) {
        return catchThrowable(() -> decode.run(new NdrDecoder(bytes)));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everySampleDecodesCompletely(Samples.Sample s) {
        assertThat(decode(s.bytes(), s.decode())).isNull();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void truncationAtEveryOffsetIsBadStubData(Samples.Sample s) {
        for (int len = 0; len < s.bytes().length; len++) {
            Throwable t = decode(Arrays.copyOf(s.bytes(), len), s.decode());
            assertThat(t).as("%s truncated to %d of %d bytes", s.name(), len, s.bytes().length)
                    .isInstanceOf(NdrException.class);
            assertThat(((NdrException) t).status()).isEqualTo(NdrException.RPC_X_BAD_STUB_DATA);
        }
    }

    @Provide
    Arbitrary<Object[]> mutations() {
        List<Samples.Sample> all = Samples.all();
        return Arbitraries.of(all).flatMap(s -> Combinators.combine(
                Arbitraries.integers().between(0, s.bytes().length - 1),
                Arbitraries.integers().between(0, 255),
                Arbitraries.integers().between(1, 3)).as((at, value, count) -> new Object[] {s, at, value, count}));
    }

    /** Random corruption never produces anything but success or NdrException. */
    @Property(tries = 3000)
    void corruptedBytesFailOnlyWithNdrException(@ForAll("mutations") Object[] m) {
        Samples.Sample s = (Samples.Sample) m[0];
        int at = (Integer) m[1];
        byte[] bytes = s.bytes().clone();
        for (int i = 0; i < (Integer) m[3] && at + i < bytes.length; i++) {
            bytes[at + i] = (byte) ((Integer) m[2] + i * 77);
        }
        Throwable t = decode(bytes, s.decode());
        if (t != null) {
            assertThat(t).isInstanceOf(NdrException.class);
            assertThat(((NdrException) t).status()).isEqualTo(NdrException.RPC_X_BAD_STUB_DATA);
        }
    }

    @Test
    void hugeConformanceAllocatesNothing() {
        // lsa_String whose array claims 0x7fffffff elements
        byte[] lsa = Hex.bytes("feff feff 00000200 ffffff7f 00000000 ffffff7f 6100");
        assertThatThrownBy(() -> new NdrDecoder(lsa).readTopLevel(LsaString::decode)).isInstanceOf(NdrException.class);
        // samr_RidWithAttributeArray with count = conformance = 0x7fffffff
        byte[] rids = Hex.bytes("ffffff7f 00000200 ffffff7f 01000000 02000000");
        assertThatThrownBy(() -> new NdrDecoder(rids).readTopLevel(SamrRidWithAttributeArray::decode))
                .isInstanceOf(NdrException.class).hasMessageContaining("exceeds the limit");
        // conformance 0x00ffffff (within the element limit) but nowhere near enough bytes
        byte[] surr = Hex.bytes("ffffff00 ffffff00 0100");
        assertThatThrownBy(() -> new NdrDecoder(surr).readTopLevel(EchoSurrounding::decode))
                .isInstanceOf(NdrException.class).hasMessageContaining("remaining");
        // 0xffffffff rows x 0xffffffff columns
        byte[] matrix = Hex.bytes("ffffffff ffffffff 00000000 ffffffff 00000000 ffffffff 0100");
        assertThatThrownBy(() -> Matrix.decode(new NdrDecoder(matrix))).isInstanceOf(NdrException.class);
        // a string whose actual count exceeds its maximum count
        byte[] str = Hex.bytes("02000000 00000000 03000000 610062000000");
        assertThatThrownBy(() -> new NdrDecoder(str).readConformantVaryingWString())
                .isInstanceOf(NdrException.class).hasMessageContaining("exceeds the maximum count");
        // offset + actual overflowing 32 bits
        byte[] offset = Hex.bytes("ffffffff ffffffff 02000000 6100 0000");
        assertThatThrownBy(() -> {
            NdrDecoder d = new NdrDecoder(offset);
            long max = d.readConformance();
            d.readVarianceCount(max, d.readVarianceOffset(), 2);
        }).isInstanceOf(NdrException.class);
    }

    @Test
    void fullPointerCyclesAreRejected() throws Exception {
        // pair.a -> leaf(7) whose next is the same referent id again
        byte[] selfCycle = Hex.bytes("00000200 00000000 07000000 00000200");
        assertThatThrownBy(() -> new NdrDecoder(selfCycle).readTopLevel(LeafPair::decode))
                .isInstanceOf(NdrException.class).hasMessageContaining("cycle");
        // a -> x(1) -> y(2) -> x
        byte[] longCycle = Hex.bytes("00000200 00000000 01000000 04000200 02000000 00000200");
        assertThatThrownBy(() -> new NdrDecoder(longCycle).readTopLevel(LeafPair::decode))
                .isInstanceOf(NdrException.class).hasMessageContaining("cycle");
        // and the encoder refuses to write a cyclic graph
        Leaf x = new Leaf(1, null);
        x.next = new Leaf(2, x);
        assertThatThrownBy(() -> new NdrEncoder().writeTopLevel(new LeafPair(x, null)))
                .isInstanceOf(NdrException.class).hasMessageContaining("cycle");
        // a cycle through unique pointers is infinite on the encoder side and stops at the depth limit
        Node loop = new Node(1, null);
        loop.next = loop;
        assertThatThrownBy(() -> new NdrEncoder().writeTopLevel(loop))
                .isInstanceOf(NdrException.class).hasMessageContaining("nesting");
    }

    @Test
    void fullPointerIdReusedForAnotherTypeIsRejected() {
        byte[] bytes = Hex.bytes("00000200 00000200 05000000");
        assertThatThrownBy(() -> new NdrDecoder(bytes).readTopLevel(d -> {
            d.readFullPointer(Integer.class, NdrDecoder::readInt32, v -> { });
            d.readFullPointer(String.class, NdrDecoder::readConformantVaryingWString, v -> { });
            return null;
        })).isInstanceOf(NdrException.class).hasMessageContaining("two different types");
    }

    @Test
    void badUnionDiscriminantsAreRejected() {
        byte[] unknownArm = Hex.bytes("0900 0000 00000000 00000000");
        assertThatThrownBy(() -> EchoTestCall2.decodeOut(new NdrDecoder(unknownArm), 9))
                .isInstanceOf(NdrException.class).hasMessageContaining("bad union discriminant 9");
        byte[] mismatch = Hex.bytes("0300 0000 07000000 00000000");
        assertThatThrownBy(() -> EchoTestCall2.decodeOut(new NdrDecoder(mismatch), 2))
                .isInstanceOf(NdrException.class).hasMessageContaining("switch_is");
    }

    @Test
    void invalidUtf16IsRejectedBothWays() {
        String[] bad = {
            "0400 0400 00000200 02000000 00000000 02000000 00d8 6100", // high surrogate then 'a'
            "0200 0200 00000200 01000000 00000000 01000000 00dc",      // lone low surrogate
            "0200 0200 00000200 01000000 00000000 01000000 3dd8",      // trailing high surrogate
        };
        for (String hex : bad) {
            assertThatThrownBy(() -> new NdrDecoder(Hex.bytes(hex)).readTopLevel(LsaString::decode))
                    .isInstanceOf(NdrException.class).hasMessageContaining("UTF-16");
        }
        assertThatThrownBy(() -> new NdrDecoder(Hex.bytes("02000000 00000000 02000000 00d8 0000")).readConformantVaryingWString())
                .isInstanceOf(NdrException.class).hasMessageContaining("UTF-16");
        assertThatThrownBy(() -> new NdrEncoder().writeTopLevel(LsaString.of("x\uD800")))
                .isInstanceOf(NdrException.class).hasMessageContaining("UTF-16");
        assertThatThrownBy(() -> new NdrEncoder().writeConformantVaryingWString("\uDC00"))
                .isInstanceOf(NdrException.class).hasMessageContaining("UTF-16");
    }

    @Test
    void malformedStringsAreRejected() {
        String[] bad = {
            "02000000 00000000 02000000 6100 6200",            // no terminator
            "03000000 00000000 03000000 6100 0000 0000",       // embedded terminator
            "03000000 01000000 02000000 6100 0000",            // offset must be 0
            "03000000 00000000 00000000",                      // actual count 0
        };
        for (String hex : bad) {
            assertThatThrownBy(() -> new NdrDecoder(Hex.bytes(hex)).readConformantVaryingWString())
                    .as(hex).isInstanceOf(NdrException.class);
        }
        assertThatThrownBy(() -> new NdrEncoder().writeConformantVaryingWString("a\0b")).isInstanceOf(NdrException.class);
        assertThatThrownBy(() -> new NdrEncoder().writeConformantVaryingCString("\u0100")).isInstanceOf(NdrException.class);
    }

    @Test
    void deepPointerChainsStopAtTheDepthLimitWithoutStackOverflow() throws Exception {
        NdrEncoder e = new NdrEncoder(NdrTransferSyntax.NDR20, NdrLimits.DEFAULT.withMaxNestingDepth(200_000));
        e.writeTopLevel(Node.chain(100_000));
        byte[] bytes = e.toByteArray();
        Node back = new NdrDecoder(bytes, 0, bytes.length, NdrTransferSyntax.NDR20,
                NdrLimits.DEFAULT.withMaxNestingDepth(200_000)).readTopLevel(Node::decode);
        assertThat(back.length()).isEqualTo(100_000);
        assertThatThrownBy(() -> new NdrDecoder(bytes).readTopLevel(Node::decode))
                .isInstanceOf(NdrException.class).hasMessageContaining("nesting deeper than the limit of 1000");
        assertThatThrownBy(() -> new NdrEncoder().writeTopLevel(Node.chain(5000)))
                .isInstanceOf(NdrException.class).hasMessageContaining("nesting");
    }

    @Test
    void pointerElementAndByteLimitsAreEnforced() throws Exception {
        NdrEncoder e = new NdrEncoder();
        e.writeTopLevel(Node.chain(50));
        byte[] chain = e.toByteArray();
        NdrLimits fewPointers = NdrLimits.DEFAULT.withMaxPointers(10);
        assertThatThrownBy(() -> new NdrDecoder(chain, 0, chain.length, NdrTransferSyntax.NDR20, fewPointers)
                .readTopLevel(Node::decode)).isInstanceOf(NdrException.class).hasMessageContaining("pointers");
        assertThatThrownBy(() -> new NdrEncoder(NdrTransferSyntax.NDR20, fewPointers).writeTopLevel(Node.chain(50)))
                .isInstanceOf(NdrException.class).hasMessageContaining("pointers");

        // aliases of one full pointer count too: each holds a sink until the referent is decoded
        byte[] aliases = Hex.bytes("01000000".repeat(20) + "05000000");
        assertThatThrownBy(() -> new NdrDecoder(aliases, 0, aliases.length, NdrTransferSyntax.NDR20, fewPointers)
                .readTopLevel(d -> {
                    for (int i = 0; i < 20; i++) {
                        d.readFullPointer(Integer.class, NdrDecoder::readInt32, v -> { });
                    }
                    return null;
                })).isInstanceOf(NdrException.class).hasMessageContaining("pointers");

        NdrLimits small = NdrLimits.DEFAULT.withMaxTotalBytes(64);
        assertThatThrownBy(() -> new NdrDecoder(new byte[65], 0, 65, NdrTransferSyntax.NDR20, small))
                .isInstanceOf(NdrException.class).hasMessageContaining("exceeds the limit");
        assertThatThrownBy(() -> new NdrEncoder(NdrTransferSyntax.NDR20, small).writeBytes(new byte[65]))
                .isInstanceOf(NdrException.class).hasMessageContaining("exceed the limit");

        NdrLimits fewElements = NdrLimits.DEFAULT.withMaxElementCount(3);
        byte[] four = Hex.bytes("04000000 00000000 04000000 61626300");
        assertThatThrownBy(() -> new NdrDecoder(four, 0, four.length, NdrTransferSyntax.NDR20, fewElements)
                .readConformantVaryingCString()).isInstanceOf(NdrException.class).hasMessageContaining("limit of 3");
    }

    @Test
    void typeSerializationHeadersAreChecked() throws Exception {
        byte[] good = NdrTypeSerialization1.encode(LsaString.of("pac"));
        assertThat(Hex.of(good)).startsWith("01100800cccccccc");
        assertThat(good.length % 8).isZero();
        assertThat(NdrTypeSerialization1.decode(good, LsaString::decode)).isEqualTo(LsaString.of("pac"));
        String body = Hex.of(good).substring(32);
        String[] bad = {
            "02100800cccccccc" + Hex.of(good).substring(16),          // version 2
            "01000800cccccccc" + Hex.of(good).substring(16),          // big-endian
            "01100c00cccccccc" + Hex.of(good).substring(16),          // common header length 12
            "01100800cccccccc" + "ffffff7f00000000" + body,             // object length beyond the data
            "01100800cccccccc" + "0800000000000000" + body,             // object buffer cut inside the type
        };
        for (String hex : bad) {
            assertThatThrownBy(() -> NdrTypeSerialization1.decode(Hex.bytes(hex), LsaString::decode))
                    .as(hex).isInstanceOf(NdrException.class);
        }
        byte[] trailing = Hex.bytes("01100800cccccccc" + String.format("%02x", good.length - 16 + 8) + "000000"
                + "00000000" + body + "0000000000000000");
        assertThatThrownBy(() -> NdrTypeSerialization1.decode(trailing, LsaString::decode))
                .isInstanceOf(NdrException.class).hasMessageContaining("unexpected bytes");
    }

    @Test
    void otherChecks() {
        // 16-bit enum above 32767
        assertThatThrownBy(() -> new NdrDecoder(Hex.bytes("0080")).readEnum16())
                .isInstanceOfSatisfying(NdrException.class, x -> assertThat(x.status()).isEqualTo(1783));
        // embedded [ref] pointer with referent id 0
        assertThatThrownBy(() -> new NdrDecoder(Hex.bytes("00000000")).readTopLevel(d -> {
            d.readRefPointer(NdrDecoder::readInt32, v -> { });
            return 0;
        })).isInstanceOf(NdrException.class).hasMessageContaining("[ref]");
        // [range] on lsa_SidArray.num_sids
        assertThatThrownBy(() -> new NdrDecoder(Hex.bytes("e9030000 00000000")).readTopLevel(LsaSidArray::decode))
                .isInstanceOf(NdrException.class).hasMessageContaining("range");
        // an unexpected runtime exception in generated code becomes bad stub data
        assertThatThrownBy(() -> new NdrDecoder(new byte[4]).readTopLevel(d -> {
            throw new IllegalStateException("generated code bug");
        })).isInstanceOfSatisfying(NdrException.class, x -> assertThat(x.status()).isEqualTo(1783));
        // trailing garbage when the caller requires the stream to end
        assertThatThrownBy(() -> {
            NdrDecoder d = new NdrDecoder(Hex.bytes("0100000000"));
            d.readInt32();
            d.requireFullyConsumed();
        }).isInstanceOf(NdrException.class).hasMessageContaining("unexpected bytes");
    }
}
