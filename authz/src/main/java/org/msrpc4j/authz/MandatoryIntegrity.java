package org.msrpc4j.authz;

/**
 * The mandatory integrity check of [MS-DTYP] 2.5.3.3: which rights a token's integrity level allows
 * against an object's mandatory label.
 *
 * <p>Stateless and thread-safe. Applies only to tokens that carry an integrity level
 * ({@link Token#integrityLevel()}). An object without a label, or whose label ACE is inherit-only,
 * counts as Medium with NO_WRITE_UP, as Windows does. A token at or above the object's level is not
 * restricted; below it, the label's NO_READ_UP / NO_WRITE_UP / NO_EXECUTE_UP remove the generic
 * read / write / execute rights, mapped through the object's generic mapping. SeRelabelPrivilege
 * adds WRITE_OWNER.
 */
final class MandatoryIntegrity {
  /** No restriction. */
  static final int ALL = -1;

  private MandatoryIntegrity() {}

  /** The rights the integrity check allows, or {@link #ALL}. */
  static int allowedAccess(SecurityDescriptor sd, Token token, GenericMapping mapping) {
    Sid level = token.integrityLevel();
    int policy = token.mandatoryPolicy();
    if (level == null || policy == Token.MANDATORY_POLICY_OFF || policy == Token.MANDATORY_POLICY_NEW_PROCESS_MIN) {
      return ALL;
    }
    Ace label = null;
    if (sd.sacl() != null) {
      for (Ace a : sd.sacl().aces()) {
        if (a.type() == AceType.SYSTEM_MANDATORY_LABEL) {
          label = a;
          break;
        }
      }
    }
    Sid objectLevel = Sid.ML_MEDIUM;
    int policyMask = AccessMasks.NO_WRITE_UP;
    if (label != null && !label.hasFlag(AceFlags.INHERIT_ONLY)) {
      objectLevel = label.sid();
      policyMask = label.mask();
    }
    if (dominates(level, objectLevel)) {
      return ALL;
    }
    int generic = AccessMasks.GENERIC_READ | AccessMasks.GENERIC_EXECUTE | AccessMasks.GENERIC_WRITE;
    if ((policyMask & AccessMasks.NO_READ_UP) != 0) {
      generic &= ~AccessMasks.GENERIC_READ;
    }
    if ((policyMask & AccessMasks.NO_WRITE_UP) != 0) {
      generic &= ~AccessMasks.GENERIC_WRITE;
    }
    if ((policyMask & AccessMasks.NO_EXECUTE_UP) != 0) {
      generic &= ~AccessMasks.GENERIC_EXECUTE;
    }
    int allowed = mapping.map(generic);
    if (token.hasPrivilege("SeRelabelPrivilege")) {
      allowed |= AccessMasks.WRITE_OWNER;
    }
    return allowed;
  }

  /** SidDominates (2.5.3.1.2) for integrity SIDs: same authority, RID at least as high. */
  private static boolean dominates(Sid token, Sid object) {
    if (token.equals(object)) {
      return true;
    }
    if (token.identifierAuthority() != 16 || object.identifierAuthority() != 16 || token.subAuthorityCount() == 0
        || object.subAuthorityCount() == 0) {
      return false;
    }
    return token.rid() >= object.rid();
  }
}
