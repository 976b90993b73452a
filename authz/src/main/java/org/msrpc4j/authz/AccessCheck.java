package org.msrpc4j.authz;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The access check of [MS-DTYP] 2.5.3.2 (EvaluateTokenAgainstDescriptor), with an optional object
 * type list (AccessCheckByType) and without central access policies.
 *
 * <p>Stateless and thread-safe.
 *
 * <p>Rules, in order:
 * <ol>
 *   <li>Generic bits of the request are mapped with the object's {@link GenericMapping}.
 *   <li>ACCESS_SYSTEM_SECURITY needs SeSecurityPrivilege, else the result is PRIVILEGE_NOT_HELD.
 *   <li>WRITE_OWNER is granted by SeTakeOwnershipPrivilege.
 *   <li>A null or absent DACL grants everything asked for; an empty DACL grants nothing but the
 *       owner's implicit rights.
 *   <li>The owner (when its SID is enabled in the token) is granted READ_CONTROL and WRITE_DAC,
 *       unless the DACL holds an OWNER RIGHTS (S-1-3-4) ACE; such ACEs apply to the owner instead.
 *   <li>ACEs are walked in order; inherit-only ACEs are skipped. An allow ACE whose SID is enabled
 *       in the token satisfies its bits; a deny ACE whose SID is in the token, even as a deny-only
 *       group, denies the request if it names a bit still wanted.
 *   <li>MAXIMUM_ALLOWED walks every ACE: an allow adds its bits, a deny removes the bits not already
 *       granted by an earlier ACE (order matters, as on Windows and in Samba; the literal pseudocode of
 *       2.5.3.2 ORs all denies together, which would make a later deny override an earlier allow,
 *       contrary to "ACEs in order"). Nothing granted means denied.
 * </ol>
 * Mandatory integrity ([MS-DTYP] 2.5.3.3, {@link MandatoryIntegrity}) bounds the result for tokens
 * that carry an integrity level.
 * Object ACEs: without an object type list, an object ACE without an ObjectType GUID acts as its
 * plain counterpart and one with an ObjectType is skipped. Callback ACEs: the conditional
 * expression is evaluated by {@link ConditionEvaluator} (membership tests and logic; claims are not
 * in the token, so tests on them are UNKNOWN); as 2.4.4.17.3 says, an allow-callback ACE grants only
 * when the condition is TRUE and a deny-callback ACE denies when it is TRUE or UNKNOWN.
 */
public final class AccessCheck {
  private AccessCheck() {}

  /**
   * Checks {@code desired} against {@code sd} for {@code token}.
   *
   * @param mapping how generic rights map for this kind of object
   */
  public static AccessCheckResult check(SecurityDescriptor sd, Token token, int desired, GenericMapping mapping) {
    return check(sd, token, desired, mapping, null);
  }

  /**
   * As {@link #check(SecurityDescriptor, Token, int, GenericMapping)}, replacing PRINCIPAL_SELF
   * (S-1-5-10) in ACEs by {@code principalSelf} when it is not null.
   */
  public static AccessCheckResult check(SecurityDescriptor sd, Token token, int desired, GenericMapping mapping,
      Sid principalSelf) {
    return check(sd, token, desired, mapping, principalSelf, null);
  }

  /**
   * AccessCheckByType: as {@link #check(SecurityDescriptor, Token, int, GenericMapping, Sid)} with an
   * object type list. An object ACE whose ObjectType is in the list acts on that node and its
   * descendants (allow) or denies when that node still wants a named bit (deny); a node whose children
   * are all granted a bit is granted it too. Access is granted when the object itself (the first
   * entry) has nothing left. With MAXIMUM_ALLOWED only object ACEs naming the object itself count.
   *
   * @param objectTypes the list, first entry at level 0, each next level at most one deeper; null
   *     for none
   * @throws IllegalArgumentException if the list is not a well-formed tree
   */
  public static AccessCheckResult check(SecurityDescriptor sd, Token token, int desired, GenericMapping mapping,
      Sid principalSelf, List<ObjectType> objectTypes) {
    Objects.requireNonNull(mapping, "mapping");
    AccessCheckResult r = discretionary(sd, token, desired, mapping, principalSelf, objectTypes);
    int allowed = MandatoryIntegrity.allowedAccess(sd, token, mapping);
    if (!r.isGranted() || allowed == MandatoryIntegrity.ALL) {
      return r;
    }
    // The integrity check bounds what the DACL grants; the SACL right comes from the privilege alone.
    int bound = allowed | AccessMasks.ACCESS_SYSTEM_SECURITY;
    int wanted = mapping.map(desired) & ~AccessMasks.MAXIMUM_ALLOWED;
    if ((wanted & ~bound) != 0) {
      return AccessCheckResult.denied();
    }
    int granted = r.grantedAccess() & bound;
    return granted == 0 && (desired & AccessMasks.MAXIMUM_ALLOWED) != 0 ? AccessCheckResult.denied()
        : AccessCheckResult.granted(granted);
  }

  private static AccessCheckResult discretionary(SecurityDescriptor sd, Token token, int desired,
      GenericMapping mapping, Sid principalSelf, List<ObjectType> objectTypes) {
    Objects.requireNonNull(sd, "sd");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(mapping, "mapping");
    List<ObjectType> types = objectTypes == null || objectTypes.isEmpty() ? null : validTree(objectTypes);
    int wanted = mapping.map(desired);
    boolean maxAllowed = (wanted & AccessMasks.MAXIMUM_ALLOWED) != 0;
    wanted &= ~AccessMasks.MAXIMUM_ALLOWED;
    int granted = 0;

    if ((wanted & AccessMasks.ACCESS_SYSTEM_SECURITY) != 0) {
      if (!token.hasPrivilege(Privileges.SECURITY)) {
        return new AccessCheckResult(AccessCheckResult.PRIVILEGE_NOT_HELD, 0);
      }
      wanted &= ~AccessMasks.ACCESS_SYSTEM_SECURITY;
      granted |= AccessMasks.ACCESS_SYSTEM_SECURITY;
    }
    // As in 2.5.3.2, the privilege grants WRITE_OWNER only when it is asked for by name, not
    // through MAXIMUM_ALLOWED.
    if (token.hasPrivilege(Privileges.TAKE_OWNERSHIP) && (wanted & AccessMasks.WRITE_OWNER) != 0) {
      wanted &= ~AccessMasks.WRITE_OWNER;
      granted |= AccessMasks.WRITE_OWNER;
    }

    Acl dacl = sd.dacl();
    if (dacl == null) {
      // Null or absent DACL: no policy, everything is granted.
      int all = maxAllowed ? mapping.all() | AccessMasks.STANDARD_RIGHTS_ALL : 0;
      return AccessCheckResult.granted(granted | wanted | all);
    }

    boolean ownerRightsAce = hasOwnerRightsAce(dacl);
    boolean isOwner = sd.owner() != null && token.isEnabledMember(sd.owner());
    if (isOwner && !ownerRightsAce) {
      int implicit = AccessMasks.READ_CONTROL | AccessMasks.WRITE_DAC;
      granted |= maxAllowed ? implicit : wanted & implicit;
      wanted &= ~implicit;
    }

    if (maxAllowed) {
      int denied = 0;
      UUID self = types == null ? null : types.get(0).guid();
      for (Ace ace : dacl.aces()) {
        Effect e = typeMatches(ace, self)
            ? effect(withoutObjectType(ace), token, sd.owner(), principalSelf, sd.sacl()) : Effect.NONE;
        int mask = aceMask(ace);
        if (e == Effect.ALLOW) {
          granted |= mask & ~denied;
        } else if (e == Effect.DENY) {
          denied |= mask & ~granted;
        }
      }
      if ((wanted & ~granted) != 0 || granted == 0) {
        return AccessCheckResult.denied();
      }
      return AccessCheckResult.granted(granted);
    }

    if (types != null) {
      return checkTree(dacl, sd, token, principalSelf, types, wanted, granted);
    }
    int remaining = wanted;
    for (Ace ace : dacl.aces()) {
      if (remaining == 0) {
        break;
      }
      Effect e = effect(ace, token, sd.owner(), principalSelf, sd.sacl());
      int mask = aceMask(ace);
      if (e == Effect.ALLOW) {
        granted |= remaining & mask;
        remaining &= ~mask;
      } else if (e == Effect.DENY && (remaining & mask) != 0) {
        return AccessCheckResult.denied();
      }
    }
    if (remaining != 0) {
      return AccessCheckResult.denied();
    }
    return AccessCheckResult.granted(granted);
  }

  /** The walk with an object type list; {@code granted} holds what privileges and ownership gave. */
  private static AccessCheckResult checkTree(Acl dacl, SecurityDescriptor sd, Token token, Sid principalSelf,
      List<ObjectType> types, int wanted, int granted) {
    int n = types.size();
    int[] remaining = new int[n];
    Arrays.fill(remaining, wanted);
    for (Ace ace : dacl.aces()) {
      if (remaining[0] == 0) {
        break;
      }
      Effect e = effect(withoutObjectType(ace), token, sd.owner(), principalSelf, sd.sacl());
      if (e == Effect.NONE) {
        continue;
      }
      int mask = aceMask(ace);
      int node = 0;
      int end = n;
      if (ace.objectType() != null) {
        node = indexOf(types, ace.objectType());
        if (node < 0) {
          continue;
        }
        end = subtreeEnd(types, node);
      }
      if (e == Effect.DENY) {
        if ((remaining[node] & mask) != 0) {
          return AccessCheckResult.denied();
        }
        continue;
      }
      for (int i = node; i < end; i++) {
        remaining[i] &= ~mask;
      }
      // A parent needs a bit only while one of its children still needs it.
      for (int child = node; child > 0 && types.get(child).level() > 0; ) {
        int parent = parentOf(types, child);
        int union = 0;
        for (int c = parent + 1; c < subtreeEnd(types, parent); c++) {
          if (types.get(c).level() == types.get(parent).level() + 1) {
            union |= remaining[c];
          }
        }
        remaining[parent] &= union;
        child = parent;
      }
    }
    return remaining[0] == 0 ? AccessCheckResult.granted(granted | wanted) : AccessCheckResult.denied();
  }

  private static List<ObjectType> validTree(List<ObjectType> types) {
    if (types.size() > 4096) {
      throw new IllegalArgumentException("object type list of " + types.size() + " entries is too long");
    }
    if (types.get(0).level() != 0) {
      throw new IllegalArgumentException("the first object type must be at level 0");
    }
    for (int i = 1; i < types.size(); i++) {
      int level = types.get(i).level();
      if (level == 0 || level > types.get(i - 1).level() + 1) {
        throw new IllegalArgumentException("object type " + i + " at level " + level + " does not fit the tree");
      }
    }
    return List.copyOf(types);
  }

  private static int indexOf(List<ObjectType> types, UUID guid) {
    for (int i = 0; i < types.size(); i++) {
      if (types.get(i).guid().equals(guid)) {
        return i;
      }
    }
    return -1;
  }

  private static int subtreeEnd(List<ObjectType> types, int node) {
    int i = node + 1;
    while (i < types.size() && types.get(i).level() > types.get(node).level()) {
      i++;
    }
    return i;
  }

  private static int parentOf(List<ObjectType> types, int node) {
    int i = node - 1;
    while (types.get(i).level() >= types.get(node).level()) {
      i--;
    }
    return i;
  }

  private static Ace withoutObjectType(Ace ace) {
    return ace.objectType() == null ? ace : ace.withObjectTypes(null, ace.inheritedObjectType());
  }

  /** In MAXIMUM_ALLOWED mode, object ACEs with an ObjectType apply only when it names the object itself. */
  private static boolean typeMatches(Ace ace, UUID self) {
    return ace.objectType() == null || ace.objectType().equals(self);
  }

  private enum Effect { NONE, ALLOW, DENY }

  /** [MS-DTYP] 2.4.3: MAXIMUM_ALLOWED in an ACE has no meaning and is ignored. */
  private static int aceMask(Ace ace) {
    return ace.mask() & ~AccessMasks.MAXIMUM_ALLOWED;
  }

  private static Effect effect(Ace ace, Token token, Sid owner, Sid principalSelf, Acl sacl) {
    if (ace.isOpaque() || ace.hasFlag(AceFlags.INHERIT_ONLY)) {
      return Effect.NONE;
    }
    AceType t = ace.type();
    if (t.isObject() && ace.objectType() != null) {
      return Effect.NONE;
    }
    if (t.isAllow()) {
      if (!matches(ace.sid(), token, owner, principalSelf, false)) {
        return Effect.NONE;
      }
      if (t.isCallback() && ConditionEvaluator.evaluate(ace.applicationDataUnsafe(), token, false, sacl)
          != ConditionEvaluator.Result.TRUE) {
        return Effect.NONE;
      }
      return Effect.ALLOW;
    }
    if (t.isDeny()) {
      if (ace.mask() == 0 || !matches(ace.sid(), token, owner, principalSelf, true)) {
        return Effect.NONE;
      }
      if (t.isCallback() && ConditionEvaluator.evaluate(ace.applicationDataUnsafe(), token, true, sacl)
          == ConditionEvaluator.Result.FALSE) {
        return Effect.NONE;
      }
      return Effect.DENY;
    }
    return Effect.NONE;
  }

  private static boolean matches(Sid aceSid, Token token, Sid owner, Sid principalSelf, boolean forDeny) {
    Sid sid = aceSid;
    if (principalSelf != null && sid.equals(Sid.PRINCIPAL_SELF)) {
      sid = principalSelf;
    }
    if (sid.equals(Sid.OWNER_RIGHTS)) {
      // OWNER RIGHTS stands for whoever owns the object.
      if (owner == null) {
        return false;
      }
      sid = owner;
    }
    return forDeny ? token.isMemberForDeny(sid) : token.isEnabledMember(sid);
  }

  private static boolean hasOwnerRightsAce(Acl dacl) {
    for (Ace a : dacl.aces()) {
      if (!a.isOpaque() && !a.hasFlag(AceFlags.INHERIT_ONLY) && Sid.OWNER_RIGHTS.equals(a.sid())) {
        return true;
      }
    }
    return false;
  }
}
