package org.msrpc4j.authz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConditionalAceTest {
  private static final Sid ALICE = Sid.parse("S-1-5-21-1-2-3-1104");

  @Test
  void specExampleOneIsByteExact() throws Exception {
    // [MS-DTYP] 2.4.4.17.9 example 1: (Title=="VP"), with three bytes of padding.
    SecurityDescriptor sd = Sddl.parse("D:(XA;;FA;;;WD;(Title==\"VP\"))");
    byte[] data = sd.dacl().aces().get(0).applicationData();
    assertThat(HexFormat.of().formatHex(data)).isEqualTo(
        "61727478" + "f80a000000540069007400" + "6c006500" + "1004000000560050008000" + "0000");
    assertThat(Sddl.format(sd)).isEqualTo("D:(XA;;FA;;;WD;(Title == \"VP\"))");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "D:(XA;;FA;;;WD;(Member_of {SID(BA)}))",
      "D:(XA;;FA;;;WD;(Member_of_Any {SID(BA), SID(S-1-5-21-1-2-3-1104)}))",
      "D:(XD;OICI;FW;;;AU;(Not_Member_of {SID(SY)}))",
      "D:(XA;;FR;;;WD;((@User.clearanceLevel >= @Resource.requiredClearance) || (Member_of {SID(BA)})))",
      "D:(XA;;FR;;;WD;(((@User.smartcard == 1) || (@Device.managed == 1)) && (@Resource.dept Any_of {\"Sales\", \"HR\"})))",
      "D:(XA;;FR;;;WD;(!(Exists @Resource.secret)))",
      "D:(XA;;FR;;;WD;(@User.level < -0x10))",
      "D:(XA;;FR;;;WD;(@User.level > +017))",
      "D:(XA;;FR;;;WD;(@User.blob == #00ff))",
      "D:(XA;;FR;;;WD;(@User.name%0020with%0020space Contains {\"a\"}))",
      "D:(XA;;FR;;;WD;(Title))",
      "D:(ZA;;RP;bf967aba-0de6-11d0-a285-00aa003049e2;;WD;(Device_Member_of_Any {SID(DD)}))",
      "S:(XU;SA;FR;;;WD;(Not_Exists Confidential))",
  })
  void conditionsRoundTripThroughSddlAndBinary(String sddl) throws Exception {
    Sid domain = Sid.parse("S-1-5-21-9-9-9");
    SecurityDescriptor sd = Sddl.parse(sddl, domain);
    assertThat(Sddl.format(sd, domain)).isEqualTo(sddl);
    assertThat(SecurityDescriptor.fromBytes(sd.toBytes())).isEqualTo(sd);
    for (Ace a : (sd.dacl() != null ? sd.dacl() : sd.sacl()).aces()) {
      assertThat(a.applicationData().length % 4).isZero();
    }
  }

  @Test
  void sddlPrecedenceIsAndBeforeOr() throws Exception {
    String in = "D:(XA;;FA;;;WD;(A==1 || B==2 && C==3))";
    assertThat(Sddl.format(Sddl.parse(in))).isEqualTo("D:(XA;;FA;;;WD;((A == 1) || ((B == 2) && (C == 3))))");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "D:(XA;;FA;;;WD;(Member_of {SID(XX)}))|31|bad SID literal",
      "D:(XA;;FA;;;WD;(Title==))|23|expected a value",
      "D:(XA;;FA;;;WD;(Title==\"VP))|15|unbalanced",
      "D:(XA;;FA;;;WD;((Title==1))|27|expected ')'",
      "D:(XA;;FA;;;WD;(@Foo.x==1))|16|@User.",
      "D:(XA;;FA;;;WD;(Title==1 junk))|25|after the expression",
  })
  void badConditionsNamePosition(String sddl, int position, String reason) {
    assertThatThrownBy(() -> Sddl.parse(sddl))
        .isInstanceOfSatisfying(SecurityFormatException.class, e -> assertThat(e.position()).isEqualTo(position))
        .hasMessageContaining(reason);
  }

  @Test
  void deepNestingIsAnErrorNotAStackOverflow() {
    for (String deep : new String[] {"!".repeat(100_000) + "A", "(".repeat(100_000) + "A" + ")".repeat(100_000)}) {
      assertThatThrownBy(() -> Sddl.parse("D:(XA;;FA;;;WD;(" + deep + "))"))
          .isInstanceOf(SecurityFormatException.class).hasMessageContaining("nested too deeply");
    }
  }

  @Test
  void accessCheckEvaluatesMembershipConditions() throws Exception {
    Token admin = Token.builder(ALICE).group(Sid.EVERYONE).group(Sid.BUILTIN_ADMINISTRATORS).build();
    Token user = Token.builder(ALICE).group(Sid.EVERYONE).build();
    SecurityDescriptor sd = Sddl.parse("O:SYD:(XA;;FA;;;WD;(Member_of {SID(BA)}))");
    assertThat(AccessCheck.check(sd, admin, 1, GenericMapping.FILE).isGranted()).isTrue();
    assertThat(AccessCheck.check(sd, user, 1, GenericMapping.FILE).isGranted()).isFalse();
    // Unknown (claims are not in the token): allow does not grant, deny denies.
    SecurityDescriptor unknownAllow = Sddl.parse("O:SYD:(XA;;FA;;;WD;(@User.dept == \"x\"))");
    assertThat(AccessCheck.check(unknownAllow, admin, 1, GenericMapping.FILE).isGranted()).isFalse();
    SecurityDescriptor unknownDeny = Sddl.parse("O:SYD:(XD;;FA;;;WD;(@User.dept == \"x\"))(A;;FA;;;WD)");
    assertThat(AccessCheck.check(unknownDeny, admin, 1, GenericMapping.FILE).isGranted()).isFalse();
    SecurityDescriptor falseDeny = Sddl.parse("O:SYD:(XD;;FA;;;WD;(Member_of {SID(BA)}))(A;;FA;;;WD)");
    assertThat(AccessCheck.check(falseDeny, user, 1, GenericMapping.FILE).isGranted()).isTrue();
    assertThat(AccessCheck.check(falseDeny, admin, 1, GenericMapping.FILE).isGranted()).isFalse();
    // Resource attributes come from the SACL.
    SecurityDescriptor exists = Sddl.parse(
        "O:SYD:(XA;;FA;;;WD;(Exists @Resource.Secrecy))S:(RA;;;;;WD;(\"Secrecy\",TU,0x0,3))");
    assertThat(AccessCheck.check(exists, user, 1, GenericMapping.FILE).isGranted()).isTrue();
    assertThat(AccessCheck.check(exists.withSacl(null, false), user, 1, GenericMapping.FILE).isGranted()).isFalse();
    SecurityDescriptor logic = Sddl.parse("O:SYD:(XA;;FA;;;WD;(!(Member_of {SID(BA)}) || (Member_of {SID(SY)})))");
    assertThat(AccessCheck.check(logic, user, 1, GenericMapping.FILE).isGranted()).isTrue();
    assertThat(AccessCheck.check(logic, admin, 1, GenericMapping.FILE).isGranted()).isFalse();
  }

  @Property(tries = 1500)
  void randomConditionBytesNeverThrowUnchecked(@ForAll byte[] tail) {
    byte[] data = new byte[4 + tail.length];
    System.arraycopy(ConditionToken.SIGNATURE, 0, data, 0, 4);
    System.arraycopy(tail, 0, data, 4, tail.length);
    Token t = Token.builder(ALICE).group(Sid.EVERYONE).build();
    assertThat(ConditionEvaluator.evaluate(data, t, false, null)).isNotNull();
    try {
      String text = ConditionalExpressionSddl.format(ConditionToken.decode(data), null);
      assertThat(text).isNotNull();
    } catch (SecurityFormatException e) {
      assertThat(e.position()).isBetween(0, data.length);
    } catch (NotExpressibleInSddlException documented) {
      // A token tree the SDDL grammar has no text for (e.g. a literal where a condition belongs).
    }
  }
}
