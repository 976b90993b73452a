package org.msrpc4j.authz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SddlTest {
  private static final Sid DOMAIN = Sid.parse("S-1-5-21-1-2-3");

  // [MS-DTYP] 2.5.1.4, the 176 bytes of the worked example.
  static final String SPEC_SDDL =
      "O:BAG:BAD:P(A;CIOI;GRGX;;;BU)(A;CIOI;GA;;;BA)(A;CIOI;GA;;;SY)(A;CIOI;GA;;;CO)S:P(AU;FA;GR;;;WD)";
  static final String SPEC_HEX = "01 00 14 b0 90 00 00 00 a0 00 00 00 14 00 00 00"
      + "30 00 00 00 02 00 1c 00 01 00 00 00 02 80 14 00"
      + "00 00 00 80 01 01 00 00 00 00 00 01 00 00 00 00"
      + "02 00 60 00 04 00 00 00 00 03 18 00 00 00 00 a0"
      + "01 02 00 00 00 00 00 05 20 00 00 00 21 02 00 00"
      + "00 03 18 00 00 00 00 10 01 02 00 00 00 00 00 05"
      + "20 00 00 00 20 02 00 00 00 03 14 00 00 00 00 10"
      + "01 01 00 00 00 00 00 05 12 00 00 00 00 03 14 00"
      + "00 00 00 10 01 01 00 00 00 00 00 03 00 00 00 00"
      + "01 02 00 00 00 00 00 05 20 00 00 00 20 02 00 00"
      + "01 02 00 00 00 00 00 05 20 00 00 00 20 02 00 00";

  static byte[] specBytes() {
    return HexFormat.of().parseHex(SPEC_HEX.replace(" ", ""));
  }

  @Test
  void specExampleEncodesByteExact() throws Exception {
    SecurityDescriptor sd = Sddl.parse(SPEC_SDDL);
    assertThat(specBytes()).hasSize(176);
    assertThat(HexFormat.of().formatHex(sd.toBytes())).isEqualTo(HexFormat.of().formatHex(specBytes()));
  }

  @Test
  void specExampleDecodesAndPrintsCanonically() throws Exception {
    SecurityDescriptor sd = SecurityDescriptor.fromBytes(specBytes());
    assertThat(sd.control()).isEqualTo(0xB014);
    assertThat(sd.owner()).isEqualTo(Sid.BUILTIN_ADMINISTRATORS);
    assertThat(sd.dacl().aces()).hasSize(4);
    // Windows prints OI before CI and GX before GR.
    assertThat(Sddl.format(sd)).isEqualTo(
        "O:BAG:BAD:P(A;OICI;GXGR;;;BU)(A;OICI;GA;;;BA)(A;OICI;GA;;;SY)(A;OICI;GA;;;CO)S:P(AU;FA;GR;;;WD)");
  }

  @Test
  void ownerFirstLayoutAsSambaWritesItDecodesToTheSameDescriptor() throws Exception {
    // Samba's ndr_push puts owner, group, SACL, DACL; build that layout by hand from the spec bytes.
    byte[] spec = specBytes();
    byte[] owner = java.util.Arrays.copyOfRange(spec, 0x90, 0xA0);
    byte[] group = java.util.Arrays.copyOfRange(spec, 0xA0, 0xB0);
    byte[] sacl = java.util.Arrays.copyOfRange(spec, 0x14, 0x30);
    byte[] dacl = java.util.Arrays.copyOfRange(spec, 0x30, 0x90);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    out.write(spec, 0, 4);
    int o = 20;
    int g = o + owner.length;
    int s = g + group.length;
    int d = s + sacl.length;
    for (int v : new int[] {o, g, s, d}) {
      out.write(v);
      out.write(v >> 8);
      out.write(0);
      out.write(0);
    }
    out.writeBytes(owner);
    out.writeBytes(group);
    out.writeBytes(sacl);
    out.writeBytes(dacl);
    SecurityDescriptor fromSamba = SecurityDescriptor.fromBytes(out.toByteArray());
    assertThat(fromSamba).isEqualTo(SecurityDescriptor.fromBytes(spec));
    assertThat(fromSamba.toBytes()).isEqualTo(spec);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "D:(A;;0x1f01ff;;;WD)|D:(A;;FA;;;WD)",
      "D:(A;;0x120089;;;WD)|D:(A;;FR;;;WD)",
      "D:(A;;0xF003F;;;WD)|D:(A;;KA;;;WD)",
      "D:(A;;KX;;;WD)|D:(A;;KR;;;WD)",
      "D:(A;;0x1200A9;;;BU)|D:(A;;0x1200a9;;;BU)",
      "D:(A;;RPWPCRCCDCLCLORCWOWDSDDTSW;;;DA)|D:(A;;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;DA)",
      "D:(A;;GRGWGXGA;;;WD)|D:(A;;GAGXGWGR;;;WD)",
      "D:(A;;0;;;WD)|D:(A;;;;;WD)",
      "D:(A;;0x1000000;;;WD)|D:(A;;0x1000000;;;WD)",
      "D:(A;;16;;;WD)|D:(A;;RP;;;WD)",
      "D:(A;;020;;;WD)|D:(A;;RP;;;WD)",
      "D:(A;CIOIIONPIDSAFA;GA;;;WD)|D:(A;OICINPIOIDSAFA;GA;;;WD)",
      "O:S-1-5-21-1-2-3-512G:S-1-5-21-1-2-3-513|O:DAG:DU",
      "O:LAG:LG|O:LAG:LG",
      "D:AIARP|D:PARAI",
      "D:NO_ACCESS_CONTROL|D:NO_ACCESS_CONTROL",
      "D:PNO_ACCESS_CONTROL|D:PNO_ACCESS_CONTROL",
      "D:|D:",
      "S:(ML;;NW;;;LW)|S:(ML;;NW;;;LW)",
      "S:(ML;;0x3;;;HI)|S:(ML;;NWNR;;;HI)",
      "S:(SP;;;;;S-1-17-1)|S:(SP;;;;;S-1-17-1)",
      "D:(OA;CIIOID;RP;4C164200-20C0-11D0-A768-00AA006E0529;bf967aba-0de6-11d0-a285-00aa003049e2;RU)"
          + "|D:(OA;CIIOID;RP;4c164200-20c0-11d0-a768-00aa006e0529;bf967aba-0de6-11d0-a285-00aa003049e2;RU)",
      "D:(XA;;FA;;;WD)|D:(XA;;FA;;;WD)",
      "O:S-1-0x123456789ABC-1|O:S-1-0x123456789ABC-1",
      "S:(AU;SAFA;GA;;;S-1-5-21-9-9-9-1000)|S:(AU;SAFA;GA;;;S-1-5-21-9-9-9-1000)",
  })
  void canonicalFormMatchesWindows(String in, String expected) throws Exception {
    SecurityDescriptor sd = Sddl.parse(in, DOMAIN);
    assertThat(Sddl.format(sd, DOMAIN)).isEqualTo(expected);
    assertThat(Sddl.parse(expected, DOMAIN)).isEqualTo(sd);
    assertThat(SecurityDescriptor.fromBytes(sd.toBytes())).isEqualTo(sd);
  }

  @Test
  void nullEmptyAndAbsentDaclsAreDistinct() throws Exception {
    SecurityDescriptor nul = Sddl.parse("D:NO_ACCESS_CONTROL");
    SecurityDescriptor empty = Sddl.parse("D:");
    SecurityDescriptor absent = Sddl.parse("O:BA");
    assertThat(nul.isDaclPresent()).isTrue();
    assertThat(nul.dacl()).isNull();
    assertThat(empty.dacl()).isNotNull();
    assertThat(empty.dacl().isEmpty()).isTrue();
    assertThat(absent.isDaclPresent()).isFalse();
    for (SecurityDescriptor sd : new SecurityDescriptor[] {nul, empty, absent}) {
      assertThat(SecurityDescriptor.fromBytes(sd.toBytes())).isEqualTo(sd);
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "D:(A;;GA;;;XX)|11|unknown SID alias",
      "D:(A;;GA;;;DA)|11|domain",
      "D:(Q;;GA;;;WD)|3|unknown ACE type",
      "D:(A;ZZ;GA;;;WD)|5|unknown ACE flag",
      "D:(A;;QQ;;;WD)|6|unknown access right",
      "D:(A;;GA;;WD)|12|6 separated",
      "D:(A;;GA;;;WD|2|not closed",
      "D:(A;;GA;abc;;WD)|9|GUID",
      "D:(OA;;GA;zzzzzzzz-0000-0000-0000-000000000000;;WD)|10|bad character",
      "X:BA|0|unknown section",
      "O:BAO:BA|4|twice",
      "D:(A;;0x100000000;;;WD)|6|32 bits",
      "D:(A;;GA;;;S-1-5-x)|17|bad digit",
      "O|0|expected a section",
      "D:NO_ACCESS_CONTROL(A;;GA;;;WD)|19|null ACL",
      "D:(A;;GA;;;WD;(x))|14|7th field",
  })
  void errorsNamePositionAndReason(String in, int position, String reason) {
    assertThatThrownBy(() -> Sddl.parse(in))
        .isInstanceOfSatisfying(SecurityFormatException.class, e -> assertThat(e.position()).isEqualTo(position))
        .hasMessageContaining(reason);
  }

  @Test
  void acesBeyondTheBinaryLimitAreRejected() {
    String many = "D:" + "(A;;GA;;;S-1-5-21-1-2-3-4-5-6-7-8-9-10-11-12)".repeat(1200);
    assertThatThrownBy(() -> Sddl.parse(many)).isInstanceOf(SecurityFormatException.class)
        .hasMessageContaining("65535");
  }
}
