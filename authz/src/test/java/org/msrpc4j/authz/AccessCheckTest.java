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

  @Test
  void anonymousTokenHasEveryoneButNotAuthenticatedUsers() throws Exception {
    assertThat(check("O:SYD:(A;;0x1;;;WD)", Token.anonymous(), 0x1).isGranted()).isTrue();
    assertThat(check("O:SYD:(A;;0x1;;;AU)", Token.anonymous(), 0x1).isGranted()).isFalse();
  }
}
