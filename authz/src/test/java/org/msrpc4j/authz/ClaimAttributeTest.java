package org.msrpc4j.authz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClaimAttributeTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "S:(RA;;;;;WD;(\"Secrecy\",TU,0x0,3))",
      "S:(RA;CIIO;;;;WD;(\"Project\",TS,0x10020,\"Alpha\",\"Beta, with comma\"))",
      "S:(RA;;;;;WD;(\"Level\",TI,0x0,-5,0,9223372036854775807))",
      "S:(RA;;;;;WD;(\"Owners\",TD,0x0,BA,S-1-5-21-1-2-3-1104))",
      "S:(RA;;;;;WD;(\"Blob\",TX,0x0,#00ff10))",
      "S:(RA;;;;;WD;(\"Flag\",TB,0x0,1,0))",
      "S:(RA;;;;;WD;(\"Big\",TU,0x0,18446744073709551615))",
  })
  void resourceAttributesRoundTripThroughSddlAndBinary(String sddl) throws Exception {
    SecurityDescriptor sd = Sddl.parse(sddl);
    assertThat(Sddl.format(sd)).isEqualTo(sddl);
    SecurityDescriptor back = SecurityDescriptor.fromBytes(sd.toBytes());
    assertThat(back).isEqualTo(sd);
    assertThat(Sddl.format(back)).isEqualTo(sddl);
  }

  @Test
  void binaryLayoutIsHeaderOffsetsNameValues() throws Exception {
    ClaimAttribute a = new ClaimAttribute("A", ClaimAttribute.TYPE_UINT64, 0, List.of(3L));
    assertThat(java.util.HexFormat.of().formatHex(a.toBytes()))
        .isEqualTo("14000000" + "02000000" + "00000000" + "01000000" + "18000000" + "41000000" + "0300000000000000");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "S:(RA;;;;;WD;(Secrecy,TU,0x0,3))|14|double quotes",
      "S:(RA;;;;;WD;(\"S\",TQ,0x0,3))|18|unknown attribute type",
      "S:(RA;;;;;WD;(\"S\",TU,zz,3))|21|not a number",
      "S:(RA;;;;;WD;(\"S\",TB,0x0,2))|25|0 or 1",
      "S:(RA;;;;;WD;(\"S\",TX,0x0,#abc))|25|hex",
      "S:(RA;;;;;WD;(\"S\",TD,0x0,QQ))|25|bad TD value",
      "S:(RA;;;;;WD)|12|needs its attribute data",
      "S:(RA;;;;;WD;(\"S\",TU))|14|needs",
  })
  void badAttributesNamePosition(String sddl, int position, String reason) {
    assertThatThrownBy(() -> Sddl.parse(sddl))
        .isInstanceOfSatisfying(SecurityFormatException.class, e -> assertThat(e.position()).isEqualTo(position))
        .hasMessageContaining(reason);
  }

  @Property(tries = 1000)
  void randomBytesFailOnlyWithPositionedErrors(@ForAll byte[] bytes) {
    try {
      ClaimAttribute a = ClaimAttribute.fromBytes(bytes);
      assertThat(ClaimAttribute.fromBytes(a.toBytes())).isEqualTo(a);
    } catch (SecurityFormatException e) {
      assertThat(e.position()).isBetween(0, bytes.length);
    }
  }
}
