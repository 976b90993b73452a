package org.msrpc4j.authz;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccessCheckTest {
  private static final Sid DOMAIN = Sid.parse("S-1-5-21-1-2-3");
  private static final Sid ALICE = DOMAIN.withRid(1104);
  private static final Sid BOB = DOMAIN.withRid(1105);
  private static final Sid STAFF = DOMAIN.withRid(2000);

  private static Token alice() {
    return Token.builder(ALICE).group(Sid.EVERYONE).group(DOMAIN.withRid(513)).group(STAFF).build();
  }

  private static AccessCheckResult check(String sddl, Token t, int desired) throws Exception {
    return AccessCheck.check(Sddl.parse(sddl, DOMAIN), t, desired, GenericMapping.FILE);
  }

  @Test
  void allowAcesSatisfyBitsInOrder() throws Exception {
    AccessCheckResult r = check("O:BAD:(A;;0x1;;;WD)(A;;0x2;;;" + STAFF + ")", alice(), 0x3);
    assertThat(r.isGranted()).isTrue();
    assertThat(r.grantedAccess()).isEqualTo(0x3);
    assertThat(check("O:BAD:(A;;0x1;;;WD)", alice(), 0x3).isGranted()).isFalse();
  }

  @Test
  void denyBeforeAllowDeniesButAllowBeforeDenyGrants() throws Exception {
    String denyFirst = "O:BAD:(D;;0x1;;;" + STAFF + ")(A;;0x3;;;WD)";
    String allowFirst = "O:BAD:(A;;0x3;;;WD)(D;;0x1;;;" + STAFF + ")";
    assertThat(check(denyFirst, alice(), 0x1).status()).isEqualTo(AccessCheckResult.ACCESS_DENIED);
    assertThat(check(denyFirst, alice(), 0x2).isGranted()).isTrue();
    assertThat(check(allowFirst, alice(), 0x1).isGranted()).isTrue();
  }

  @Test
  void inheritOnlyAcesAreSkipped() throws Exception {
    assertThat(check("O:BAD:(A;OIIO;0x1;;;WD)", alice(), 0x1).isGranted()).isFalse();
    assertThat(check("O:BAD:(D;IO;0x1;;;WD)(A;;0x1;;;WD)", alice(), 0x1).isGranted()).isTrue();
  }

  @Test
  void ownerGetsReadControlAndWriteDacUnlessOwnerRightsAcePresent() throws Exception {
    String sd = "O:" + ALICE + "D:";
    assertThat(check(sd, alice(), AccessMasks.READ_CONTROL | AccessMasks.WRITE_DAC).isGranted()).isTrue();
    assertThat(check(sd, alice(), AccessMasks.DELETE).isGranted()).isFalse();
    String ownerRights = "O:" + ALICE + "D:(A;;RC;;;OW)";
    assertThat(check(ownerRights, alice(), AccessMasks.READ_CONTROL).isGranted()).isTrue();
    assertThat(check(ownerRights, alice(), AccessMasks.WRITE_DAC).isGranted()).isFalse();
    // OWNER RIGHTS applies only to the owner.
    Token bob = Token.builder(BOB).group(Sid.EVERYONE).build();
    assertThat(check(ownerRights, bob, AccessMasks.READ_CONTROL).isGranted()).isFalse();
  }

  @Test
  void nullDaclGrantsAllAndEmptyDaclNothing() throws Exception {
    assertThat(check("O:BAD:NO_ACCESS_CONTROL", alice(), 0x1F01FF).grantedAccess()).isEqualTo(0x1F01FF);
    assertThat(check("O:BA", alice(), 0x1).isGranted()).isTrue();
    assertThat(check("O:BAD:", alice(), 0x1).isGranted()).isFalse();
  }

  @Test
  void genericRequestIsMappedBeforeTheWalk() throws Exception {
    AccessCheckResult r = check("O:BAD:(A;;FR;;;WD)", alice(), AccessMasks.GENERIC_READ);
    assertThat(r.isGranted()).isTrue();
    assertThat(r.grantedAccess()).isEqualTo(AccessMasks.FILE_GENERIC_READ);
  }

  @Test
  void maximumAllowedRespectsAceOrder() throws Exception {
    String sd = "O:BAD:(A;;0x3;;;WD)(D;;0x6;;;" + STAFF + ")(A;;0x8;;;WD)";
    AccessCheckResult r = check(sd, alice(), AccessMasks.MAXIMUM_ALLOWED);
    assertThat(r.grantedAccess()).isEqualTo(0x3 | 0x8);
    assertThat(check(sd, alice(), AccessMasks.MAXIMUM_ALLOWED | 0x4).isGranted()).isFalse();
    assertThat(check("O:BAD:", alice(), AccessMasks.MAXIMUM_ALLOWED).isGranted()).isFalse();
  }

  @Test
  void systemSecurityNeedsPrivilegeAndTakeOwnershipGrantsWriteOwner() throws Exception {
    String sd = "O:BAD:(A;;0x1;;;WD)";
    assertThat(check(sd, alice(), AccessMasks.ACCESS_SYSTEM_SECURITY).status())
        .isEqualTo(AccessCheckResult.PRIVILEGE_NOT_HELD);
    Token priv = Token.builder(ALICE).group(Sid.EVERYONE).privilege(Privileges.SECURITY)
        .privilege(Privileges.TAKE_OWNERSHIP).build();
    assertThat(check(sd, priv, AccessMasks.ACCESS_SYSTEM_SECURITY | 0x1).isGranted()).isTrue();
    assertThat(check("O:BAD:(D;;WO;;;WD)", priv, AccessMasks.WRITE_OWNER).isGranted()).isTrue();
    assertThat(check("O:BAD:(D;;WO;;;WD)", alice(), AccessMasks.WRITE_OWNER).isGranted()).isFalse();
  }

  @Test
  void denyOnlyGroupsMatchDenyAcesOnly() throws Exception {
    Token t = Token.builder(ALICE).group(Sid.EVERYONE).denyOnlyGroup(Sid.BUILTIN_ADMINISTRATORS).build();
    assertThat(check("O:SYD:(A;;0x1;;;BA)", t, 0x1).isGranted()).isFalse();
    assertThat(check("O:SYD:(D;;0x1;;;BA)(A;;0x1;;;WD)", t, 0x1).isGranted()).isFalse();
    assertThat(check("O:SYD:(A;;0x1;;;WD)", t, 0x1).isGranted()).isTrue();
    // A deny-only owner gets no implicit rights.
    assertThat(check("O:BAD:", t, AccessMasks.READ_CONTROL).isGranted()).isFalse();
  }

  @Test
  void disabledGroupsMatchNothing() throws Exception {
    Token t = Token.builder(ALICE).group(STAFF, TokenGroup.MANDATORY).build();
    assertThat(check("O:SYD:(A;;0x1;;;" + STAFF + ")", t, 0x1).isGranted()).isFalse();
    assertThat(check("O:SYD:(D;;0x1;;;" + STAFF + ")(A;;0x1;;;" + ALICE + ")", t, 0x1).isGranted()).isTrue();
  }

  @Test
  void principalSelfIsSubstituted() throws Exception {
    SecurityDescriptor sd = Sddl.parse("O:SYD:(A;;0x1;;;PS)");
    assertThat(AccessCheck.check(sd, alice(), 0x1, GenericMapping.FILE, ALICE).isGranted()).isTrue();
    assertThat(AccessCheck.check(sd, alice(), 0x1, GenericMapping.FILE, BOB).isGranted()).isFalse();
  }

  private static final java.util.UUID CLASS = java.util.UUID.fromString("bf967aba-0de6-11d0-a285-00aa003049e2");
  private static final java.util.UUID SET1 = java.util.UUID.fromString("4c164200-20c0-11d0-a768-00aa006e0529");
  private static final java.util.UUID P1 = java.util.UUID.fromString("bf967a68-0de6-11d0-a285-00aa003049e2");
  private static final java.util.UUID P2 = java.util.UUID.fromString("bf967a69-0de6-11d0-a285-00aa003049e2");
  private static final java.util.UUID SET2 = java.util.UUID.fromString("5f202010-79a5-11d0-9020-00c04fc2d4cf");
  private static final java.util.List<ObjectType> TREE = java.util.List.of(new ObjectType(0, CLASS),
      new ObjectType(1, SET1), new ObjectType(2, P1), new ObjectType(2, P2), new ObjectType(1, SET2));

  private static boolean byType(String dacl) throws Exception {
    return AccessCheck.check(Sddl.parse("O:SY" + dacl), alice(), AccessMasks.ADS_READ_PROP, GenericMapping.DIRECTORY,
        null, TREE).isGranted();
  }

  @Test
  void objectTypeListGrantsTheObjectWhenEveryChildIsGranted() throws Exception {
    assertThat(byType("D:(OA;;RP;" + SET1 + ";;WD)")).isFalse();
    assertThat(byType("D:(OA;;RP;" + SET1 + ";;WD)(OA;;RP;" + SET2 + ";;WD)")).isTrue();
    assertThat(byType("D:(OA;;RP;" + P1 + ";;WD)(OA;;RP;" + P2 + ";;WD)")).isFalse();
    assertThat(byType("D:(OA;;RP;" + P1 + ";;WD)(OA;;RP;" + P2 + ";;WD)(OA;;RP;" + SET2 + ";;WD)")).isTrue();
    assertThat(byType("D:(OA;;RP;" + CLASS + ";;WD)")).isTrue();
    assertThat(byType("D:(OA;;RP;" + UUID_OTHER + ";;WD)")).isFalse();
    assertThat(byType("D:(A;;RP;;;WD)")).isTrue();
  }

  private static final java.util.UUID UUID_OTHER = java.util.UUID.fromString("00000000-0000-0000-0000-000000000001");

  @Test
  void objectTypeListDenyAppliesToItsNodeInOrder() throws Exception {
    assertThat(byType("D:(OD;;RP;" + P1 + ";;WD)(A;;RP;;;WD)")).isFalse();
    assertThat(byType("D:(A;;RP;;;WD)(OD;;RP;" + P1 + ";;WD)")).isTrue();
    assertThat(byType("D:(OD;;RP;" + UUID_OTHER + ";;WD)(A;;RP;;;WD)")).isTrue();
    assertThat(byType("D:(OA;;RP;" + P1 + ";;WD)(OD;;RP;" + P1 + ";;WD)(A;;RP;;;WD)")).isTrue();
  }

  @Test
  void malformedObjectTypeListsAreRejected() {
    SecurityDescriptor sd = SecurityDescriptor.of(0, Sid.LOCAL_SYSTEM, null, null, Acl.empty());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> AccessCheck.check(sd, alice(), 1,
        GenericMapping.DIRECTORY, null, java.util.List.of(new ObjectType(1, P1))))
        .isInstanceOf(IllegalArgumentException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> AccessCheck.check(sd, alice(), 1,
        GenericMapping.DIRECTORY, null, java.util.List.of(new ObjectType(0, CLASS), new ObjectType(2, P1))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Token at(Sid level) {
    return Token.builder(ALICE).group(Sid.EVERYONE).integrityLevel(level).build();
  }

  @Test
  void mandatoryIntegrityBoundsWhatTheDaclGrants() throws Exception {
    String high = "O:SYD:(A;;FA;;;WD)S:(ML;;NW;;;HI)";
    assertThat(check(high, at(Sid.ML_MEDIUM), AccessMasks.FILE_GENERIC_READ).isGranted()).isTrue();
    assertThat(check(high, at(Sid.ML_MEDIUM), AccessMasks.FILE_GENERIC_WRITE).isGranted()).isFalse();
    assertThat(check(high, at(Sid.ML_MEDIUM), AccessMasks.WRITE_DAC).isGranted()).isFalse();
    assertThat(check(high, at(Sid.ML_HIGH), AccessMasks.FILE_ALL_ACCESS).isGranted()).isTrue();
    assertThat(check(high, at(Sid.ML_SYSTEM), AccessMasks.FILE_ALL_ACCESS).isGranted()).isTrue();
    assertThat(check(high, at(Sid.ML_MEDIUM), AccessMasks.MAXIMUM_ALLOWED).grantedAccess())
        .isEqualTo(AccessMasks.FILE_GENERIC_READ | AccessMasks.FILE_GENERIC_EXECUTE);
    // No label: Medium with NO_WRITE_UP.
    assertThat(check("O:SYD:(A;;FA;;;WD)", at(Sid.ML_LOW), AccessMasks.FILE_GENERIC_WRITE).isGranted()).isFalse();
    assertThat(check("O:SYD:(A;;FA;;;WD)", at(Sid.ML_LOW), AccessMasks.FILE_GENERIC_READ).isGranted()).isTrue();
    assertThat(check("O:SYD:(A;;FA;;;WD)", at(Sid.ML_MEDIUM), AccessMasks.FILE_ALL_ACCESS).isGranted()).isTrue();
    // NO_READ_UP.
    assertThat(check("O:SYD:(A;;FA;;;WD)S:(ML;;NWNR;;;HI)", at(Sid.ML_MEDIUM), AccessMasks.FILE_GENERIC_READ)
        .isGranted()).isFalse();
    // Without an integrity level, or with the policy off, nothing changes.
    assertThat(check(high, alice(), AccessMasks.FILE_GENERIC_WRITE).isGranted()).isTrue();
    Token off = Token.builder(ALICE).group(Sid.EVERYONE).integrityLevel(Sid.ML_LOW)
        .mandatoryPolicy(Token.MANDATORY_POLICY_OFF).build();
    assertThat(check(high, off, AccessMasks.FILE_GENERIC_WRITE).isGranted()).isTrue();
    assertThat(at(Sid.ML_HIGH).integrityLevel()).isEqualTo(Sid.ML_HIGH);
    // An integrity group is not a membership: it never matches ACEs.
    assertThat(check("O:SYD:(A;;FA;;;HI)", at(Sid.ML_HIGH), 1).isGranted()).isFalse();
  }

  @Test
  void anonymousTokenHasEveryoneButNotAuthenticatedUsers() throws Exception {
    assertThat(check("O:SYD:(A;;0x1;;;WD)", Token.anonymous(), 0x1).isGranted()).isTrue();
    assertThat(check("O:SYD:(A;;0x1;;;AU)", Token.anonymous(), 0x1).isGranted()).isFalse();
  }
}
