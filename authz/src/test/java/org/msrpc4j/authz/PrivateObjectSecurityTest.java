package org.msrpc4j.authz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PrivateObjectSecurityTest {
  private static final Sid DOMAIN = Sid.parse("S-1-5-21-1-2-3");
  private static final Sid ALICE = DOMAIN.withRid(1104);
  private static final Sid BOB = DOMAIN.withRid(1105);
  private static final Sid USERS = DOMAIN.withRid(513);

  private static Token alice() {
    return Token.builder(ALICE).group(Sid.EVERYONE).group(USERS).primaryGroup(USERS)
        .defaultDacl(Acl.of(Ace.allow(0, AccessMasks.GENERIC_ALL, ALICE), Ace.allow(0, AccessMasks.GENERIC_ALL,
            Sid.LOCAL_SYSTEM)))
        .build();
  }

  private static String inherit(String parentSddl, String creatorSddl, boolean container, int flags)
      throws Exception {
    SecurityDescriptor parent = parentSddl == null ? null : Sddl.parse(parentSddl, DOMAIN);
    SecurityDescriptor creator = creatorSddl == null ? null : Sddl.parse(creatorSddl, DOMAIN);
    SecurityDescriptor sd = PrivateObjectSecurity.createEx(parent, creator, null, container, flags, alice(),
        GenericMapping.FILE);
    return Sddl.format(sd, DOMAIN);
  }

  /** The flag table of [MS-DTYP] 2.5.3.4.4 with a mask that needs no mapping (one ACE per child). */
  @ParameterizedTest
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      // parent flags | container child | leaf child
      "   |  - | -",
      "IO |  - | -",
      "OI | OIIOID | ID",
      "OIIO | OIIOID | ID",
      "OINP | - | ID",
      "CI | CIID | -",
      "CIIO | CIID | -",
      "CINP | ID | -",
      "OICI | OICIID | ID",
      "OICIIO | OICIID | ID",
      "OICINP | ID | ID",
      "OICINPIO | ID | ID",
      "OINPIO | - | ID",
      "CINPIO | ID | -",
      "NP | - | -",
      "NPIO | - | -",
  })
  void inheritanceFlagsFollowTheSpecTable(String parentFlags, String containerFlags, String leafFlags)
      throws Exception {
    String flags = parentFlags == null ? "" : parentFlags.trim();
    String parent = "O:BAG:BAD:(A;" + flags + ";FA;;;BU)";
    String container = inherit(parent, null, true, 0);
    String leaf = inherit(parent, null, false, 0);
    assertThat(container).isEqualTo("O:" + ALICE + "G:DU" + (containerFlags == null
        ? "D:(A;;FA;;;" + ALICE + ")(A;;FA;;;SY)"   // nothing inherited: the token's default DACL
        : "D:(A;" + containerFlags.trim() + ";FA;;;BU)"));
    assertThat(leaf).isEqualTo("O:" + ALICE + "G:DU" + (leafFlags == null
        ? "D:(A;;FA;;;" + ALICE + ")(A;;FA;;;SY)"
        : "D:(A;" + leafFlags.trim() + ";FA;;;BU)"));
  }

  /**
   * Every OI/CI/NP/IO combination on an ACE that needs resolving (CREATOR OWNER with a generic right,
   * or CREATOR GROUP): the effective copy is mapped and substituted, the copy that keeps propagating
   * stays generic and marked IO ([MS-DTYP] 2.5.3.4.4, last paragraph).
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      // parent flags | container child | leaf child   (O = owner's effective ACE, C = creator ACE kept)
      "      | -                     | -",
      "IO    | -                     | -",
      "OI    | C:OIIOID              | O",
      "OIIO  | C:OIIOID              | O",
      "OINP  | -                     | O",
      "OINPIO| -                     | O",
      "CI    | O,C:CIIOID            | -",
      "CIIO  | O,C:CIIOID            | -",
      "CINP  | O                     | -",
      "CINPIO| O                     | -",
      "OICI  | O,C:OICIIOID          | O",
      "OICIIO| O,C:OICIIOID          | O",
      "OICINP| O                     | O",
      "OICINPIO| O                   | O",
      "NP    | -                     | -",
      "NPIO  | -                     | -",
  })
  void creatorSidsInheritForEveryFlagCombination(String flags, String container, String leaf) throws Exception {
    String f = flags == null ? "" : flags.trim();
    for (String[] sidAndResolved : new String[][] {{"CO", ALICE.toString()}, {"CG", "DU"}}) {
      String parent = "O:BAG:BAD:(A;" + f + ";GA;;;" + sidAndResolved[0] + ")";
      assertThat(inherit(parent, null, true, 0)).as("container, %s %s", f, sidAndResolved[0])
          .isEqualTo(expected(container, sidAndResolved));
      assertThat(inherit(parent, null, false, 0)).as("leaf, %s %s", f, sidAndResolved[0])
          .isEqualTo(expected(leaf, sidAndResolved));
    }
  }

  private static String expected(String spec, String[] sidAndResolved) {
    String prefix = "O:" + ALICE + "G:DUD:";
    if (spec == null) {
      return prefix + "(A;;FA;;;" + ALICE + ")(A;;FA;;;SY)"; // nothing inherited: the default DACL
    }
    StringBuilder sb = new StringBuilder(prefix);
    for (String part : spec.trim().split(",")) {
      if (part.equals("O")) {
        sb.append("(A;ID;FA;;;").append(sidAndResolved[1]).append(')');
      } else {
        sb.append("(A;").append(part.substring(2)).append(";GA;;;").append(sidAndResolved[0]).append(')');
      }
    }
    return sb.toString();
  }

  @Test
  void creatorOwnerAndGenericRightsSplitOnContainersOnly() throws Exception {
    String parent = "O:BAG:BAD:(A;OICIIO;GA;;;CO)(A;OICI;GR;;;CG)";
    assertThat(inherit(parent, null, true, 0)).isEqualTo("O:" + ALICE + "G:DU"
        + "D:(A;ID;FA;;;" + ALICE + ")(A;OICIIOID;GA;;;CO)(A;ID;FR;;;DU)(A;OICIIOID;GR;;;CG)");
    assertThat(inherit(parent, null, false, 0)).isEqualTo("O:" + ALICE + "G:DU"
        + "D:(A;ID;FA;;;" + ALICE + ")(A;ID;FR;;;DU)");
    // NP: effective copy only, nothing left to propagate.
    assertThat(inherit("O:BAG:BAD:(A;OICINP;GA;;;CO)", null, true, 0))
        .isEqualTo("O:" + ALICE + "G:DUD:(A;ID;FA;;;" + ALICE + ")");
  }

  @Test
  void defaultDaclWhenNothingIsInheritedOrGiven() throws Exception {
    assertThat(inherit(null, null, false, 0)).isEqualTo("O:" + ALICE + "G:DUD:(A;;FA;;;" + ALICE + ")(A;;FA;;;SY)");
    assertThat(inherit("O:BAG:BAD:(A;;FA;;;BU)", null, true, 0)).contains("(A;;FA;;;SY)");
    Token noDefault = Token.builder(BOB).build();
    SecurityDescriptor sd = PrivateObjectSecurity.create(null, null, false, noDefault, GenericMapping.FILE);
    assertThat(sd.isDaclPresent()).isFalse();
    assertThat(sd.owner()).isEqualTo(BOB);
    assertThat(sd.group()).isEqualTo(BOB);
  }

  @Test
  void creatorDaclReplacesInheritanceWithoutAutoInheritAndMergesWithIt() throws Exception {
    String parent = "O:BAG:BAD:(A;OICI;FA;;;BU)";
    String creator = "D:(A;;FR;;;WD)(A;ID;FA;;;AU)";
    assertThat(inherit(parent, creator, false, 0)).isEqualTo("O:" + ALICE + "G:DUD:(A;;FR;;;WD)");
    assertThat(inherit(parent, creator, false, AutoInheritFlags.SEF_DACL_AUTO_INHERIT))
        .isEqualTo("O:" + ALICE + "G:DUD:AI(A;;FR;;;WD)(A;ID;FA;;;BU)");
    // A protected creator DACL blocks inheritance and keeps its ACEs as explicit ones.
    assertThat(inherit(parent, "D:P(A;;FR;;;WD)(A;ID;FA;;;AU)", false, AutoInheritFlags.SEF_DACL_AUTO_INHERIT))
        .isEqualTo("O:" + ALICE + "G:DUD:P(A;;FR;;;WD)(A;;FA;;;AU)");
    // DEFAULT_DESCRIPTOR_FOR_OBJECT: the creator's DACL only counts when nothing is inherited.
    assertThat(inherit(parent, creator, false, AutoInheritFlags.SEF_DEFAULT_DESCRIPTOR_FOR_OBJECT))
        .isEqualTo("O:" + ALICE + "G:DUD:(A;ID;FA;;;BU)");
    assertThat(inherit(null, creator, false, AutoInheritFlags.SEF_DEFAULT_DESCRIPTOR_FOR_OBJECT))
        .isEqualTo("O:" + ALICE + "G:DUD:(A;;FR;;;WD)");
  }

  @Test
  void creatorGenericAndCreatorSidsAreResolved() throws Exception {
    assertThat(inherit(null, "D:(A;;GA;;;CO)", false, 0)).isEqualTo("O:" + ALICE + "G:DUD:(A;;FA;;;" + ALICE + ")");
    assertThat(inherit(null, "D:(A;OICI;GR;;;CO)", true, 0))
        .isEqualTo("O:" + ALICE + "G:DUD:(A;;FR;;;" + ALICE + ")(A;OICIIO;GR;;;CO)");
  }

  @Test
  void ownerAndGroupFromCreatorParentOrToken() throws Exception {
    String parent = "O:BAG:BUD:(A;OICI;FA;;;BU)";
    assertThat(inherit(parent, null, false, AutoInheritFlags.SEF_DEFAULT_OWNER_FROM_PARENT
        | AutoInheritFlags.SEF_DEFAULT_GROUP_FROM_PARENT)).startsWith("O:BAG:BUD:");
    assertThatThrownBy(() -> inherit(parent, "O:" + BOB, false, 0))
        .isInstanceOfSatisfying(SecurityOperationException.class,
            e -> assertThat(e.status()).isEqualTo(SecurityOperationException.INVALID_OWNER));
    assertThat(inherit(parent, "O:" + BOB, false, AutoInheritFlags.SEF_AVOID_OWNER_CHECK)).startsWith("O:" + BOB);
  }

  @Test
  void saclNeedsSecurityPrivilegeAndInheritsWithAuditFlags() throws Exception {
    assertThatThrownBy(() -> inherit(null, "S:(AU;SA;FA;;;WD)", false, 0))
        .isInstanceOfSatisfying(SecurityOperationException.class,
            e -> assertThat(e.status()).isEqualTo(SecurityOperationException.PRIVILEGE_NOT_HELD));
    assertThat(inherit(null, "S:(AU;SA;FA;;;WD)", false, AutoInheritFlags.SEF_AVOID_PRIVILEGE_CHECK))
        .endsWith("S:(AU;SA;FA;;;WD)");
    assertThat(inherit("O:BAG:BAS:(AU;OICISA;GA;;;WD)", null, false, AutoInheritFlags.SEF_SACL_AUTO_INHERIT))
        .endsWith("S:AI(AU;IDSA;FA;;;WD)");
  }

  @Test
  void objectAcesInheritOnlyIntoMatchingClasses() throws Exception {
    UUID user = UUID.fromString("bf967aba-0de6-11d0-a285-00aa003049e2");
    SecurityDescriptor parent = Sddl.parse("O:BAG:BAD:(OA;CI;RP;;" + user + ";AU)");
    SecurityDescriptor child = PrivateObjectSecurity.createEx(parent, null, List.of(user), true, 0, alice(),
        GenericMapping.DIRECTORY);
    assertThat(Sddl.format(child)).endsWith("D:(OA;CIID;RP;;" + user + ";AU)");
    SecurityDescriptor other = PrivateObjectSecurity.createEx(parent, null, List.of(UUID.randomUUID()), true, 0,
        alice(), GenericMapping.DIRECTORY);
    assertThat(Sddl.format(other)).endsWith("D:(OA;CIIOID;RP;;" + user + ";AU)");
  }

  @Test
  void setChecksRightsAndKeepsInheritedAcesWithAutoInherit() throws Exception {
    SecurityDescriptor current = Sddl.parse("O:" + ALICE + "G:DUD:AI(A;;FA;;;" + ALICE + ")(A;ID;FR;;;BU)", DOMAIN);
    SecurityDescriptor mod = Sddl.parse("D:(A;;GA;;;WD)", DOMAIN);
    SecurityDescriptor out = PrivateObjectSecurity.setEx(SecurityInformation.DACL, mod, current,
        AutoInheritFlags.SEF_DACL_AUTO_INHERIT, alice(), GenericMapping.FILE);
    assertThat(Sddl.format(out, DOMAIN)).isEqualTo("O:" + ALICE + "G:DUD:(A;;FA;;;WD)(A;ID;FR;;;BU)");
    SecurityDescriptor replaced = PrivateObjectSecurity.set(SecurityInformation.DACL
        | SecurityInformation.PROTECTED_DACL, mod, current, alice(), GenericMapping.FILE);
    assertThat(Sddl.format(replaced, DOMAIN)).isEqualTo("O:" + ALICE + "G:DUD:P(A;;FA;;;WD)");
    Token bob = Token.builder(BOB).group(Sid.EVERYONE).build();
    assertThatThrownBy(() -> PrivateObjectSecurity.set(SecurityInformation.DACL, mod, current, bob,
        GenericMapping.FILE)).isInstanceOfSatisfying(SecurityOperationException.class,
            e -> assertThat(e.status()).isEqualTo(SecurityOperationException.ACCESS_DENIED));
    assertThatThrownBy(() -> PrivateObjectSecurity.set(SecurityInformation.OWNER, Sddl.parse("O:" + BOB), current,
        alice(), GenericMapping.FILE)).isInstanceOf(SecurityOperationException.class);
  }

  @Test
  void setLabelReplacesOnlyTheMandatoryLabel() throws Exception {
    SecurityDescriptor current = Sddl.parse("O:" + ALICE + "G:DUD:(A;;FA;;;WD)S:(AU;SA;FA;;;WD)(ML;;NW;;;LW)", DOMAIN);
    SecurityDescriptor out = PrivateObjectSecurity.set(SecurityInformation.LABEL, Sddl.parse("S:(ML;;NWNR;;;HI)"),
        current, alice(), GenericMapping.FILE);
    assertThat(Sddl.format(out, DOMAIN)).endsWith("S:(ML;;NWNR;;;HI)(AU;SA;FA;;;WD)");
    Token reader = Token.builder(BOB).group(Sid.EVERYONE).build();
    SecurityDescriptor readOnly = Sddl.parse("O:" + ALICE + "G:DUD:(A;;FR;;;WD)", DOMAIN);
    assertThatThrownBy(() -> PrivateObjectSecurity.set(SecurityInformation.LABEL, Sddl.parse("S:(ML;;NW;;;HI)"),
        readOnly, reader, GenericMapping.FILE)).isInstanceOf(SecurityOperationException.class);
  }

  @Test
  void getFiltersBySecurityInformation() throws Exception {
    SecurityDescriptor sd = Sddl.parse("O:BAG:DUD:PAI(A;;FA;;;WD)S:(AU;SA;FA;;;WD)(ML;;NW;;;LW)", DOMAIN);
    assertThat(Sddl.format(PrivateObjectSecurity.get(sd, SecurityInformation.OWNER), DOMAIN)).isEqualTo("O:BA");
    assertThat(Sddl.format(PrivateObjectSecurity.get(sd, SecurityInformation.DACL), DOMAIN))
        .isEqualTo("D:PAI(A;;FA;;;WD)");
    assertThat(Sddl.format(PrivateObjectSecurity.get(sd, SecurityInformation.LABEL), DOMAIN))
        .isEqualTo("S:(ML;;NW;;;LW)");
    assertThatThrownBy(() -> PrivateObjectSecurity.get(sd, SecurityInformation.SACL, alice(), GenericMapping.FILE))
        .isInstanceOf(SecurityOperationException.class);
  }
}
