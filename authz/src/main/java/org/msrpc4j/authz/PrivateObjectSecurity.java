package org.msrpc4j.authz;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Private object security: how a server gives its own objects security descriptors
 * (CreatePrivateObjectSecurity(Ex), SetPrivateObjectSecurity(Ex), GetPrivateObjectSecurity;
 * [MS-DTYP] 2.5.3.4), so that later {@link AccessCheck}s on them are automatic.
 *
 * <p>Stateless and thread-safe.
 */
public final class PrivateObjectSecurity {
  private static final int DACL_CONTROL = SecurityDescriptor.DACL_PROTECTED | SecurityDescriptor.DACL_AUTO_INHERITED
      | SecurityDescriptor.DACL_AUTO_INHERIT_REQ | SecurityDescriptor.DACL_DEFAULTED
      | SecurityDescriptor.DACL_TRUSTED;
  private static final int SACL_CONTROL = SecurityDescriptor.SACL_PROTECTED | SecurityDescriptor.SACL_AUTO_INHERITED
      | SecurityDescriptor.SACL_AUTO_INHERIT_REQ | SecurityDescriptor.SACL_DEFAULTED;

  private PrivateObjectSecurity() {}

  /**
   * CreatePrivateObjectSecurity: the descriptor for a new object, without auto-inheritance flags.
   *
   * @param parent the container's descriptor, or null for an object without parent
   * @param creator the descriptor the creator asked for, or null
   * @param isContainer whether the new object can hold others
   * @param token the creator's token (owner, group and default DACL come from it)
   * @param mapping the object type's generic mapping
   */
  public static SecurityDescriptor create(SecurityDescriptor parent, SecurityDescriptor creator, boolean isContainer,
      Token token, GenericMapping mapping) throws SecurityOperationException {
    return createEx(parent, creator, null, isContainer, 0, token, mapping);
  }

  /**
   * CreatePrivateObjectSecurityEx / WithMultipleInheritance.
   *
   * @param objectTypes GUIDs of the new object's classes (for object ACEs with an inherited object
   *     type), or null
   * @param autoInheritFlags {@link AutoInheritFlags} SEF_* bits
   * @throws SecurityOperationException 1307 when the creator names an owner the token may not assign,
   *     1314 when it gives a SACL without SeSecurityPrivilege (unless the SEF_AVOID_* flags say not to check)
   */
  public static SecurityDescriptor createEx(SecurityDescriptor parent, SecurityDescriptor creator,
      List<UUID> objectTypes, boolean isContainer, int autoInheritFlags, Token token, GenericMapping mapping)
      throws SecurityOperationException {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(mapping, "mapping");
    // Step 1 and 2: owner and group.
    Sid owner;
    if (creator != null && creator.owner() != null) {
      owner = creator.owner();
      if ((autoInheritFlags & AutoInheritFlags.SEF_AVOID_OWNER_CHECK) == 0 && !token.mayOwn(owner)
          && !token.hasPrivilege(Privileges.RESTORE)) {
        throw new SecurityOperationException(SecurityOperationException.INVALID_OWNER,
            "the token may not assign owner " + owner);
      }
    } else if ((autoInheritFlags & AutoInheritFlags.SEF_DEFAULT_OWNER_FROM_PARENT) != 0 && parent != null
        && parent.owner() != null) {
      owner = parent.owner();
    } else {
      owner = token.defaultOwner();
    }
    Sid group;
    if (creator != null && creator.group() != null) {
      group = creator.group();
    } else if ((autoInheritFlags & AutoInheritFlags.SEF_DEFAULT_GROUP_FROM_PARENT) != 0 && parent != null
        && parent.group() != null) {
      group = parent.group();
    } else {
      group = token.primaryGroup();
    }
    if (creator != null && creator.isSaclPresent()
        && (autoInheritFlags & AutoInheritFlags.SEF_AVOID_PRIVILEGE_CHECK) == 0
        && !token.hasPrivilege(Privileges.SECURITY)) {
      throw new SecurityOperationException(SecurityOperationException.PRIVILEGE_NOT_HELD,
          "setting a SACL needs SeSecurityPrivilege");
    }

    int control = 0;
    // Step 3: DACL.
    Computed dacl = computeAcl(true, parent == null ? null : parent.dacl(), creator, isContainer, objectTypes,
        autoInheritFlags, owner, group, token, mapping);
    control |= dacl.control;
    // Step 4: SACL.
    Computed sacl = computeAcl(false, parent == null ? null : parent.sacl(), creator, isContainer, objectTypes,
        autoInheritFlags, owner, group, token, mapping);
    control |= sacl.control;
    return SecurityDescriptor.of(control | (sacl.present ? SecurityDescriptor.SACL_PRESENT : 0)
        | (dacl.present ? SecurityDescriptor.DACL_PRESENT : 0), owner, group, sacl.acl, dacl.acl);
  }

  private record Computed(Acl acl, boolean present, int control) {}

  private static Computed computeAcl(boolean isDacl, Acl parentAcl, SecurityDescriptor creator, boolean isContainer,
      List<UUID> objectTypes, int flags, Sid owner, Sid group, Token token, GenericMapping mapping) {
    boolean creatorPresent = creator != null && (isDacl ? creator.isDaclPresent() : creator.isSaclPresent());
    Acl creatorAcl = creatorPresent ? (isDacl ? creator.dacl() : creator.sacl()) : null;
    int creatorControl = creator == null ? 0 : creator.control();
    int protectedBit = isDacl ? SecurityDescriptor.DACL_PROTECTED : SecurityDescriptor.SACL_PROTECTED;
    int inheritedBit = isDacl ? SecurityDescriptor.DACL_AUTO_INHERITED : SecurityDescriptor.SACL_AUTO_INHERITED;
    int autoFlag = isDacl ? AutoInheritFlags.SEF_DACL_AUTO_INHERIT : AutoInheritFlags.SEF_SACL_AUTO_INHERIT;
    boolean creatorProtected = creatorPresent && (creatorControl & protectedBit) != 0;
    int control = creatorProtected ? protectedBit : 0;

    if (creatorPresent && creatorAcl == null) {
      // An explicit null ACL stays null: nothing to inherit into it.
      return new Computed(null, true, control);
    }
    // Windows falls back to the creator's or the token's ACL when the parent's inheritable ACEs do
    // not reach this kind of object (STATUS_NO_INHERITANCE), so "inheritable" means "inherits
    // something here"; the literal pseudocode of 2.5.3.4.2 would leave an empty ACL instead.
    List<Ace> inherited = AceInheritance.hasInheritable(parentAcl)
        ? AceInheritance.fromParent(parentAcl, isContainer, objectTypes, owner, group, mapping) : List.of();
    boolean parentInheritable = !inherited.isEmpty();
    boolean auto = (flags & autoFlag) != 0;
    if (parentInheritable && !creatorProtected
        && (!creatorPresent || (flags & AutoInheritFlags.SEF_DEFAULT_DESCRIPTOR_FOR_OBJECT) != 0)) {
      return new Computed(Acl.of(inherited), true, control | (auto ? inheritedBit : 0));
    }
    if (creatorPresent) {
      List<Ace> aces = new ArrayList<>();
      List<Ace> explicit = new ArrayList<>();
      for (Ace a : creatorAcl.aces()) {
        if (!a.hasFlag(AceFlags.INHERITED)) {
          explicit.add(a);
        } else if (creatorProtected) {
          // A protected ACL keeps the ACEs it was given, as explicit ones.
          explicit.add(a.withFlags(a.flags() & ~AceFlags.INHERITED));
        }
      }
      aces.addAll(AceInheritance.fromCreator(Acl.of(explicit), isContainer, owner, group, mapping));
      if (parentInheritable && auto && !creatorProtected) {
        aces.addAll(inherited);
        control |= inheritedBit;
      } else if (auto && !creatorProtected) {
        control |= inheritedBit;
      }
      return new Computed(Acl.of(Math.max(creatorAcl.revision(), Acl.revisionFor(aces)), aces), true, control);
    }
    if (isDacl && token.defaultDacl() != null) {
      List<Ace> aces = AceInheritance.fromCreator(token.defaultDacl(), isContainer, owner, group, mapping);
      return new Computed(Acl.of(aces), true, control);
    }
    return new Computed(null, false, control);
  }

  /**
   * GetPrivateObjectSecurity: the parts of {@code sd} that {@code securityInformation} names.
   * Control bits of parts not asked for are cleared.
   */
  public static SecurityDescriptor get(SecurityDescriptor sd, int securityInformation) {
    Sid owner = (securityInformation & SecurityInformation.OWNER) != 0 ? sd.owner() : null;
    Sid group = (securityInformation & SecurityInformation.GROUP) != 0 ? sd.group() : null;
    int control = 0;
    if ((securityInformation & SecurityInformation.OWNER) != 0) {
      control |= sd.control() & SecurityDescriptor.OWNER_DEFAULTED;
    }
    if ((securityInformation & SecurityInformation.GROUP) != 0) {
      control |= sd.control() & SecurityDescriptor.GROUP_DEFAULTED;
    }
    boolean dacl = (securityInformation & SecurityInformation.DACL) != 0 && sd.isDaclPresent();
    boolean sacl = (securityInformation & SecurityInformation.SACL) != 0 && sd.isSaclPresent();
    if (dacl) {
      control |= sd.control() & (DACL_CONTROL | SecurityDescriptor.DACL_PRESENT);
    }
    Acl saclAcl = null;
    if (sacl) {
      control |= sd.control() & (SACL_CONTROL | SecurityDescriptor.SACL_PRESENT);
      saclAcl = sd.sacl();
    } else if ((securityInformation & SecurityInformation.LABEL) != 0 && sd.sacl() != null) {
      // LABEL asks only for the mandatory label ACEs of the SACL.
      List<Ace> labels = new ArrayList<>();
      for (Ace a : sd.sacl().aces()) {
        if (a.type() == AceType.SYSTEM_MANDATORY_LABEL) {
          labels.add(a);
        }
      }
      saclAcl = Acl.of(labels);
      control |= SecurityDescriptor.SACL_PRESENT;
    }
    return SecurityDescriptor.of(control, sd.rmControl(), owner, group, saclAcl, dacl ? sd.dacl() : null);
  }

  /**
   * GetPrivateObjectSecurity after checking the caller may read those parts: READ_CONTROL for owner,
   * group, DACL and label; ACCESS_SYSTEM_SECURITY (with SeSecurityPrivilege) for the SACL.
   */
  public static SecurityDescriptor get(SecurityDescriptor sd, int securityInformation, Token token,
      GenericMapping mapping) throws SecurityOperationException {
    int needed = 0;
    if ((securityInformation & (SecurityInformation.OWNER | SecurityInformation.GROUP | SecurityInformation.DACL
        | SecurityInformation.LABEL)) != 0) {
      needed |= AccessMasks.READ_CONTROL;
    }
    if ((securityInformation & SecurityInformation.SACL) != 0) {
      needed |= AccessMasks.ACCESS_SYSTEM_SECURITY;
    }
    requireAccess(sd, token, needed, mapping);
    return get(sd, securityInformation);
  }

  /**
   * SetPrivateObjectSecurity without auto-inheritance.
   *
   * @see #setEx
   */
  public static SecurityDescriptor set(int securityInformation, SecurityDescriptor modification,
      SecurityDescriptor current, Token token, GenericMapping mapping) throws SecurityOperationException {
    return setEx(securityInformation, modification, current, 0, token, mapping);
  }

  /**
   * SetPrivateObjectSecurityEx: {@code current} with the parts {@code securityInformation} names
   * taken from {@code modification}. The caller's rights on {@code current} are checked first:
   * WRITE_OWNER for owner, group and label, WRITE_DAC for the DACL, ACCESS_SYSTEM_SECURITY (which
   * needs SeSecurityPrivilege) for the SACL. A new owner must be one the token may assign (its user or
   * an SE_GROUP_OWNER group) unless it holds SeRestorePrivilege or SEF_AVOID_OWNER_CHECK is given.
   * Generic rights in the new ACEs are mapped. With SEF_DACL_AUTO_INHERIT (or SACL), the ACEs the
   * object inherited (ID) are kept after the new explicit ACEs unless the new ACL is protected; the
   * PROTECTED_/UNPROTECTED_ bits of {@code securityInformation} set or clear the protected flag.
   *
   * @return the new descriptor; {@code current} is unchanged
   */
  public static SecurityDescriptor setEx(int securityInformation, SecurityDescriptor modification,
      SecurityDescriptor current, int autoInheritFlags, Token token, GenericMapping mapping)
      throws SecurityOperationException {
    Objects.requireNonNull(modification, "modification");
    Objects.requireNonNull(current, "current");
    int needed = 0;
    if ((securityInformation & (SecurityInformation.OWNER | SecurityInformation.GROUP | SecurityInformation.LABEL))
        != 0) {
      needed |= AccessMasks.WRITE_OWNER;
    }
    if ((securityInformation & (SecurityInformation.DACL | SecurityInformation.PROTECTED_DACL
        | SecurityInformation.UNPROTECTED_DACL)) != 0) {
      needed |= AccessMasks.WRITE_DAC;
    }
    if ((securityInformation & (SecurityInformation.SACL | SecurityInformation.PROTECTED_SACL
        | SecurityInformation.UNPROTECTED_SACL)) != 0) {
      needed |= AccessMasks.ACCESS_SYSTEM_SECURITY;
    }
    requireAccess(current, token, needed, mapping);

    SecurityDescriptor result = current;
    if ((securityInformation & SecurityInformation.OWNER) != 0) {
      Sid owner = modification.owner();
      if (owner == null) {
        throw new SecurityOperationException(SecurityOperationException.INVALID_OWNER, "no owner given");
      }
      if ((autoInheritFlags & AutoInheritFlags.SEF_AVOID_OWNER_CHECK) == 0 && !token.mayOwn(owner)
          && !token.hasPrivilege(Privileges.RESTORE)) {
        throw new SecurityOperationException(SecurityOperationException.INVALID_OWNER,
            "the token may not assign owner " + owner);
      }
      result = result.withOwner(owner).withControl(result.control() & ~SecurityDescriptor.OWNER_DEFAULTED);
    }
    if ((securityInformation & SecurityInformation.GROUP) != 0) {
      if (modification.group() == null) {
        throw new SecurityOperationException(SecurityOperationException.INVALID_PRIMARY_GROUP, "no group given");
      }
      result = result.withGroup(modification.group())
          .withControl(result.control() & ~SecurityDescriptor.GROUP_DEFAULTED);
    }
    if ((securityInformation & SecurityInformation.DACL) != 0) {
      result = replaceAcl(true, result, modification, securityInformation, autoInheritFlags, mapping);
    } else if ((securityInformation & (SecurityInformation.PROTECTED_DACL | SecurityInformation.UNPROTECTED_DACL))
        != 0) {
      result = result.withControl(protect(result.control(), securityInformation, true));
    }
    if ((securityInformation & SecurityInformation.SACL) != 0) {
      result = replaceAcl(false, result, modification, securityInformation, autoInheritFlags, mapping);
    } else if ((securityInformation & SecurityInformation.LABEL) != 0) {
      result = replaceLabel(result, modification);
    }
    if ((securityInformation & SecurityInformation.SACL) == 0
        && (securityInformation & (SecurityInformation.PROTECTED_SACL | SecurityInformation.UNPROTECTED_SACL)) != 0) {
      result = result.withControl(protect(result.control(), securityInformation, false));
    }
    return result;
  }

  /** LABEL_SECURITY_INFORMATION: the mandatory label ACEs of the SACL are replaced, the rest kept. */
  private static SecurityDescriptor replaceLabel(SecurityDescriptor current, SecurityDescriptor modification) {
    List<Ace> aces = new ArrayList<>();
    if (modification.sacl() != null) {
      for (Ace a : modification.sacl().aces()) {
        if (a.type() == AceType.SYSTEM_MANDATORY_LABEL) {
          aces.add(a);
        }
      }
    }
    if (current.sacl() != null) {
      for (Ace a : current.sacl().aces()) {
        if (a.type() != AceType.SYSTEM_MANDATORY_LABEL) {
          aces.add(a);
        }
      }
    }
    if (aces.isEmpty() && current.sacl() == null) {
      return current;
    }
    return current.withSacl(Acl.of(aces), true);
  }

  private static int protect(int control, int si, boolean dacl) {
    int bit = dacl ? SecurityDescriptor.DACL_PROTECTED : SecurityDescriptor.SACL_PROTECTED;
    int on = dacl ? SecurityInformation.PROTECTED_DACL : SecurityInformation.PROTECTED_SACL;
    int off = dacl ? SecurityInformation.UNPROTECTED_DACL : SecurityInformation.UNPROTECTED_SACL;
    if ((si & on) != 0) {
      return control | bit;
    }
    if ((si & off) != 0) {
      return control & ~bit;
    }
    return control;
  }

  private static SecurityDescriptor replaceAcl(boolean isDacl, SecurityDescriptor current,
      SecurityDescriptor modification, int si, int autoInheritFlags, GenericMapping mapping) {
    boolean present = isDacl ? modification.isDaclPresent() : modification.isSaclPresent();
    Acl given = isDacl ? modification.dacl() : modification.sacl();
    Acl old = isDacl ? current.dacl() : current.sacl();
    int protectedBit = isDacl ? SecurityDescriptor.DACL_PROTECTED : SecurityDescriptor.SACL_PROTECTED;
    int mask = isDacl ? DACL_CONTROL : SACL_CONTROL;
    int autoFlag = isDacl ? AutoInheritFlags.SEF_DACL_AUTO_INHERIT : AutoInheritFlags.SEF_SACL_AUTO_INHERIT;
    int control = (current.control() & ~mask) | (modification.control() & mask);
    control = protect(control, si, isDacl);
    boolean isProtected = (control & protectedBit) != 0;
    Acl acl = null;
    if (given != null) {
      List<Ace> aces = new ArrayList<>();
      boolean auto = (autoInheritFlags & autoFlag) != 0;
      for (Ace a : given.aces()) {
        if (auto && a.hasFlag(AceFlags.INHERITED) && !isProtected) {
          continue; // replaced by the object's own inherited ACEs below
        }
        Ace e = a.hasFlag(AceFlags.INHERIT_ONLY) || a.isOpaque() ? a : a.withMask(mapping.map(a.mask()));
        if (isProtected && e.hasFlag(AceFlags.INHERITED)) {
          e = e.withFlags(e.flags() & ~AceFlags.INHERITED);
        }
        aces.add(e);
      }
      if (auto && !isProtected && old != null) {
        for (Ace a : old.aces()) {
          if (a.hasFlag(AceFlags.INHERITED)) {
            aces.add(a);
          }
        }
      }
      acl = Acl.of(Math.max(given.revision(), Acl.revisionFor(aces)), aces);
    }
    return isDacl ? current.withControl(control).withDacl(acl, present || acl != null)
        : current.withControl(control).withSacl(acl, present || acl != null);
  }

  private static void requireAccess(SecurityDescriptor sd, Token token, int needed, GenericMapping mapping)
      throws SecurityOperationException {
    if (needed == 0) {
      return;
    }
    AccessCheckResult r = AccessCheck.check(sd, token, needed, mapping);
    if (r.status() == AccessCheckResult.PRIVILEGE_NOT_HELD) {
      throw new SecurityOperationException(SecurityOperationException.PRIVILEGE_NOT_HELD,
          "changing or reading the SACL needs SeSecurityPrivilege");
    }
    if (!r.isGranted()) {
      throw new SecurityOperationException(SecurityOperationException.ACCESS_DENIED,
          "the caller lacks access 0x" + Integer.toHexString(needed) + " on the object");
    }
  }
}
