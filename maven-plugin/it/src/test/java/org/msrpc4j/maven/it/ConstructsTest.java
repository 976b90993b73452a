package org.msrpc4j.maven.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.msrpc4j.maven.it.constructs.Aliased;
import org.msrpc4j.maven.it.constructs.Constructs;
import org.msrpc4j.maven.it.constructs.ConstructsClient;
import org.msrpc4j.maven.it.constructs.ConstructsConstants;
import org.msrpc4j.maven.it.constructs.ConstructsDispatcher;
import org.msrpc4j.maven.it.constructs.FixedAndVarying;
import org.msrpc4j.maven.it.constructs.RpcSid;
import org.msrpc4j.maven.it.constructs.RpcSidIdentifierAuthority;
import org.msrpc4j.maven.it.constructs.RpcUnicodeString;
import org.msrpc4j.maven.it.constructs.SidHolder;
import org.msrpc4j.maven.it.constructs.Tagged;
import org.msrpc4j.ndr.NdrDecoder;
import org.msrpc4j.ndr.NdrEncoder;
import org.msrpc4j.ndr.NdrException;
import org.msrpc4j.ndr.NdrWriter;

/** Generated code for constructs.idl against NDR bytes worked out by hand from C706 chapter 14. */
class ConstructsTest {
  private static <T> String encode(T value, NdrWriter<? super T> writer) throws NdrException {
    NdrEncoder e = new NdrEncoder();
    e.writeTopLevel(value, writer);
    return HexFormat.of().formatHex(e.toByteArray());
  }

  private static NdrDecoder decoder(String hex) throws NdrException {
    return new NdrDecoder(HexFormat.of().parseHex(hex));
  }

  @Test
  void aNestedConformantStructureHasItsConformanceHoistedBeforeTheOuterStructure() throws Exception {
    SidHolder holder = new SidHolder(0x0102, new RpcSid((byte) 1, (byte) 2,
        new RpcSidIdentifierAuthority(new byte[] {0, 0, 0, 0, 0, 5}), new int[] {21, 500}));
    String hex = "02000000" // max count of SubAuthority, before everything
        + "0201" + "0000" // Tag, then padding to the inner structure's alignment of 4
        + "0102" + "000000000005" // Revision, SubAuthorityCount, IdentifierAuthority
        + "15000000" + "f4010000"; // SubAuthority[2]
    assertThat(encode(holder, (enc, x) -> x.encode(enc))).isEqualTo(hex);
    assertThat(decoder(hex).readTopLevel(SidHolder::decode)).isEqualTo(holder);
  }

  @Test
  void anEncapsulatedUnionAlignsItsArmToTheLargestArm() throws Exception {
    Tagged large = new Tagged.LargeArm(0x1122334455667788L);
    Tagged small = new Tagged.SmallArm(7);
    Tagged other = new Tagged.Default(9);
    assertThat(encode(large, Tagged::encode)).isEqualTo("02000000" + "00000000" + "8877665544332211");
    assertThat(encode(small, Tagged::encode)).isEqualTo("01000000" + "00000000" + "07000000");
    assertThat(encode(other, Tagged::encode)).isEqualTo("09000000" + "00000000");
    assertThat(decoder("0200000000000000" + "8877665544332211").readTopLevel(Tagged::decode)).isEqualTo(large);
    assertThat(decoder("0900000000000000").readTopLevel(Tagged::decode)).isEqualTo(other);
  }

  @Test
  void fixedVaryingAndMultidimensionalArraysInAStructure() throws Exception {
    FixedAndVarying v = new FixedAndVarying("abc", 2, new int[] {10, 20},
        List.of(new byte[] {1, 2, 3}, new byte[] {4, 5, 6}));
    String hex = "00000000" + "04000000" + "6100620063000000" // [string] wchar_t Name[8]: offset, count, "abc\0"
        + "02000000" // Used
        + "00000000" + "02000000" + "0a000000" + "14000000" // [length_is(Used)] Values[4]
        + "010203040506"; // Grid[2][3], row by row
    assertThat(encode(v, (enc, x) -> x.encode(enc))).isEqualTo(hex);
    FixedAndVarying back = decoder(hex).readTopLevel(FixedAndVarying::decode);
    assertThat(back).isEqualTo(v);
    assertThat(ConstructsConstants.NAME_LENGTH).isEqualTo(8L);
  }

  @Test
  void fullPointersToOneObjectShareAReferentWrittenOnce() throws Exception {
    RpcUnicodeString s = new RpcUnicodeString(4, 4, "hi");
    Aliased a = new Aliased(s, s);
    String tail = "04000400" + "04000200" // the string structure, once
        + "02000000" + "00000000" + "02000000" + "68006900";
    String hex = encode(a, (enc, x) -> x.encode(enc));
    // Both full pointers carry the same non-zero referent id (its numbering is the engine's business).
    assertThat(hex.substring(0, 8)).isEqualTo(hex.substring(8, 16)).isNotEqualTo("00000000");
    assertThat(hex.substring(16)).isEqualTo(tail);
    Aliased back = decoder(hex).readTopLevel(Aliased::decode);
    assertThat(back.first).isEqualTo(s).isSameAs(back.second);
  }

  @Test
  void aPointerLevelSizeIsReturnedThroughTheStubs() throws Exception {
    ConstructsDispatcher dispatcher = new ConstructsDispatcher(
        (holder, tagged, fixed, aliased) -> new Constructs.ExchangeResult(3, new byte[] {7, 8, 9}, (int) tagged.discriminant()));
    LoopbackChannel channel = new LoopbackChannel(dispatcher);
    Constructs.ExchangeResult r = new ConstructsClient(channel).exchange(
        new SidHolder(1, new RpcSid((byte) 1, (byte) 0, new RpcSidIdentifierAuthority(new byte[6]), new int[0])),
        new Tagged.SmallArm(5),
        new FixedAndVarying("", 0, new int[0], List.of(new byte[3], new byte[3])),
        new Aliased(null, null));
    assertThat(r.count()).isEqualTo(3);
    assertThat(r.data()).containsExactly(7, 8, 9);
    assertThat(r.returnValue()).isEqualTo(1);
    // [out] Count, then the unique pointer's referent: conformance 3 and three octets, then the return value
    assertThat(HexFormat.of().formatHex(channel.lastResponse))
        .isEqualTo("03000000" + "00000200" + "03000000" + "070809" + "00" + "01000000");
  }
}
