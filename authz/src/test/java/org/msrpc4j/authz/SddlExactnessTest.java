package org.msrpc4j.authz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sddl.format writes text that parses back to the same descriptor, or refuses with
 * NotExpressibleInSddlException: the fuzz findings of the second campaign (strings with control
 * characters, quotes and NUL, escaped names, deep conditions) and the shapes binary can hold.
 */
class SddlExactnessTest {
  private static final Sid DOMAIN = Sid.parse("S-1-5-21-1-2-3");

  private static SecurityDescriptor roundTrip(String sddl) throws SecurityFormatException {
    SecurityDescriptor sd = Sddl.parse(sddl, DOMAIN);
    SecurityDescriptor back = Sddl.parse(Sddl.format(sd, DOMAIN), DOMAIN);
    assertThat(back).isEqualTo(sd);
    return sd;
  }

  private static ClaimAttribute claimOf(SecurityDescriptor sd) throws SecurityFormatException {
    return ClaimAttribute.fromBytes(sd.sacl().aces().get(0).applicationData());
  }

  @Test
  void resourceAttributeNamesUsePercentEscapes() throws Exception {
    SecurityDescriptor sd = roundTrip("S:(RA;;;;;WD;(\"a%0028b%0022c%0001\u00e9\",TU,0x0,1))");
    assertThat(claimOf(sd).name()).isEqualTo("a(b\"c\u0001\u00e9");
    assertThat(Sddl.format(sd, DOMAIN)).isEqualTo("S:(RA;;;;;WD;(\"a%0028b%0022c%0001\u00e9\",TU,0x0,1))");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "S:(RA;;;;;WD;(\"a%0000\",TU,0x0,1))",
      "S:(RA;;;;;WD;(\"a%00g1\",TU,0x0,1))",
      "S:(RA;;;;;WD;(\"a%12\",TU,0x0,1))",
      "S:(RA;;;;;WD;(\"P\",TS,0x0,\"a\u0000b\"))",
      "S:(RA;;;;;WD;(\"P\",TS,0x0,\"a\"\"b\"))",
      "S:(RA;;;;;WD;(\"P\",TS,0x0,\"a\"x\"b\"))",
      "S:(RA;;;;;WD;(\"P\",TI,0x0,9223372036854775808))",
  })
  void parserRefusesWhatTheBinaryFormOrTheGrammarCannotHold(String sddl) {
    assertThatThrownBy(() -> Sddl.parse(sddl, DOMAIN)).isInstanceOf(SecurityFormatException.class);
  }

  @Test
  void stringsKeepControlAndNonAsciiCharacters() throws Exception {
    SecurityDescriptor sd = roundTrip("S:(RA;;;;;WD;(\"P\",TS,0x0,\"\u0001\u00ff) (\u001f\"))");
    assertThat(claimOf(sd).values()).containsExactly("\u0001\u00ff) (\u001f");
  }

  @Test
  void aHexIdentifierAuthorityEndsAfterTwelveDigits() throws Exception {
    // Fuzz finding: the 'D' of "D:" is a hex digit, and the owner SID swallowed it.
    SecurityDescriptor sd = SecurityDescriptor.of(SecurityDescriptor.DACL_PRESENT, Sid.parse("S-1-0x100001000000-7"),
        Sid.parse("S-1-0x000515000000"), null, null);
    String text = Sddl.format(sd, DOMAIN);
    assertThat(text).isEqualTo("O:S-1-0x100001000000-7G:S-1-0x000515000000D:NO_ACCESS_CONTROL");
    assertThat(Sddl.parse(text, DOMAIN)).isEqualTo(sd);
  }

  @Test
  void smallestSignedIntegerRoundTrips() throws Exception {
    SecurityDescriptor sd = roundTrip("S:(RA;;;;;WD;(\"P\",TI,0x0,-9223372036854775808))");
    assertThat(claimOf(sd).values()).containsExactly(Long.MIN_VALUE);
  }

  @Test
  void claimValuesSddlCannotWriteAreRefused() {
    for (ClaimAttribute a : List.of(
        new ClaimAttribute("P", ClaimAttribute.TYPE_STRING, 0, List.of("say \"hi\"")),
        new ClaimAttribute("", ClaimAttribute.TYPE_UINT64, 0, List.of(1L)),
        new ClaimAttribute("B", ClaimAttribute.TYPE_BOOLEAN, 0, List.of(2L)))) {
      SecurityDescriptor sd = sacl(Ace.of(AceType.SYSTEM_RESOURCE_ATTRIBUTE, 0, 0, Sid.EVERYONE, null, null,
          a.toBytes()));
      assertThatThrownBy(() -> Sddl.format(sd)).isInstanceOf(NotExpressibleInSddlException.class);
    }
  }

  @Test
  void bytesAfterTheSidOfAPlainAceAreRefusedNotDropped() {
    SecurityDescriptor sd = sacl(Ace.of(AceType.SYSTEM_AUDIT, AceFlags.SUCCESSFUL_ACCESS, 1, Sid.EVERYONE, null,
        null, new byte[] {1, 2, 3, 4}));
    assertThatThrownBy(() -> Sddl.format(sd)).isInstanceOf(NotExpressibleInSddlException.class)
        .hasMessageContaining("4 bytes after its SID");
  }

  @Test
  void longConditionChainsFormatWithoutRedundantParentheses() throws Exception {
    StringBuilder chain = new StringBuilder("A == 0");
    for (int i = 1; i < 200; i++) {
      chain.append(i % 2 == 0 ? " && " : " || ").append("A == ").append(i);
    }
    SecurityDescriptor sd = roundTrip("D:(XA;;FA;;;WD;(" + chain + "))");
    // The canonical form would nest ~200 levels, more than the parser accepts.
    assertThat(Sddl.format(sd, DOMAIN)).doesNotContain("((");
    // Short expressions keep Windows' fully parenthesised form.
    assertThat(Sddl.format(Sddl.parse("D:(XA;;FA;;;WD;(A==1 || B==2 && !C))")))
        .isEqualTo("D:(XA;;FA;;;WD;((A == 1) || ((B == 2) && (!C))))");
  }

  @Test
  void rightNestedChainsKeepTheirShape() throws Exception {
    String deep = "A == 0" + " || (A == 1".repeat(60) + ")".repeat(60);
    roundTrip("D:(XA;;FA;;;WD;(" + deep + "))");
  }

  @Test
  void integersKeepSignAndBase() throws Exception {
    for (String v : new String[] {"00", "017", "+0", "-0x10", "0x8000000000000000", "18446744073709551615", "-5"}) {
      roundTrip("D:(XA;;FA;;;WD;(A == " + v + "))");
    }
  }

  @Test
  void prefixedAttributeNamesEscapeWhatTheParserDoesNotTakeLiterally() throws Exception {
    SecurityDescriptor sd = roundTrip("D:(XA;;FA;;;WD;(@User.a%0020b%0025%007b == @Device.x%0029))");
    assertThat(Sddl.format(sd, DOMAIN)).contains("@User.a%0020b%0025%007b").contains("@Device.x%0029");
  }

  @Test
  void conditionShapesWithoutSddlTextAreRefused() {
    // A string literal standing where a condition belongs: "artx", STRING "x", nothing else.
    byte[] literalAsCondition = conditional(new byte[] {0x10, 2, 0, 0, 0, 'x', 0});
    // A local attribute on the right of ==: LOCAL "a", LOCAL "b", EQ.
    byte[] localOnTheRight = conditional(new byte[] {(byte) 0xf8, 2, 0, 0, 0, 'a', 0, (byte) 0xf8, 2, 0, 0, 0, 'b',
        0, (byte) 0x80});
    // A simple-form attribute name that reads as a keyword: LOCAL "Exists".
    byte[] keywordName = conditional(concat(new byte[] {(byte) 0xf8, 12, 0, 0, 0},
        "Exists".getBytes(StandardCharsets.UTF_16LE)));
    for (byte[] data : List.of(literalAsCondition, localOnTheRight, keywordName)) {
      SecurityDescriptor sd = SecurityDescriptor.of(SecurityDescriptor.DACL_PRESENT, null, null, null,
          Acl.of(Ace.of(AceType.ACCESS_ALLOWED_CALLBACK, 0, 1, Sid.EVERYONE, null, null, data)));
      assertThatThrownBy(() -> Sddl.format(sd)).isInstanceOf(NotExpressibleInSddlException.class);
    }
  }

  private static SecurityDescriptor sacl(Ace ace) {
    return SecurityDescriptor.of(SecurityDescriptor.SACL_PRESENT, null, null, Acl.of(ace), null);
  }

  private static byte[] conditional(byte[] tokens) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {'a', 'r', 't', 'x'});
    out.writeBytes(tokens);
    while (out.size() % 4 != 0) {
      out.write(0);
    }
    return out.toByteArray();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] o = new byte[a.length + b.length];
    System.arraycopy(a, 0, o, 0, a.length);
    System.arraycopy(b, 0, o, a.length, b.length);
    return o;
  }
}
