package org.msrpc4j.authz;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The per-ACE rules of [MS-DTYP] 2.5.3.4.4–2.5.3.4.7: which parent ACEs a new object inherits,
 * with which flags, and how generic rights and CREATOR OWNER / CREATOR GROUP are resolved.
 *
 * <p>Stateless and thread-safe.
 *
 * <p>Flags follow the table in 2.5.3.4.4 as Windows applies it:
 * <pre>
 * parent      container child                 leaf child
 * OI          OI IO ID                        ID
 * OI NP       (nothing)                       ID
 * CI          CI ID                           (nothing)
 * CI NP       ID                              (nothing)
 * OI CI       OI CI ID                        ID
 * OI CI NP    ID                              ID
 * </pre>
 * When an ACE that is both effective on the container and still inheritable holds generic rights
 * or a creator SID, the container gets two ACEs, as the same section says: the effective one,
 * mapped and substituted (ID only), followed by the original marked IO and ID. Audit flags (SA, FA)
 * are kept on every copy, as Windows does (the pseudocode's "clear the flags" concerns the
 * inheritance flags).
 */
final class AceInheritance {
  private AceInheritance() {}

  /** True if any ACE carries OI or CI ([MS-DTYP] 2.5.3.4.3). */
  static boolean hasInheritable(Acl acl) {
    if (acl == null) {
      return false;
    }
    for (Ace a : acl.aces()) {
      if (!a.isOpaque() && (a.flags() & (AceFlags.OBJECT_INHERIT | AceFlags.CONTAINER_INHERIT)) != 0) {
        return true;
      }
    }
    return false;
  }

  /** The ACEs a new object inherits from its parent's ACL, in order. */
  static List<Ace> fromParent(Acl parent, boolean isContainer, List<UUID> objectTypes, Sid owner, Sid group,
      GenericMapping mapping) {
    List<Ace> out = new ArrayList<>();
    if (parent == null) {
      return out;
    }
    for (Ace a : parent.aces()) {
      if (a.isOpaque()) {
        continue;
      }
      int f = a.flags();
      boolean oi = (f & AceFlags.OBJECT_INHERIT) != 0;
      boolean ci = (f & AceFlags.CONTAINER_INHERIT) != 0;
      boolean np = (f & AceFlags.NO_PROPAGATE_INHERIT) != 0;
      if (!oi && !ci) {
        continue;
      }
      int audit = f & (AceFlags.SUCCESSFUL_ACCESS | AceFlags.FAILED_ACCESS);
      boolean typeMatches = a.inheritedObjectType() == null
          || (objectTypes != null && objectTypes.contains(a.inheritedObjectType()));
      boolean effective = typeMatches && (isContainer ? ci : oi);
      boolean propagates = isContainer && !np;
      Ace mapped = resolve(a, owner, group, mapping);
      boolean needsSplit = !mapped.equals(a);
      if (effective && propagates) {
        if (needsSplit) {
          out.add(mapped.withFlags(AceFlags.INHERITED | audit));
          out.add(a.withFlags((f & (AceFlags.OBJECT_INHERIT | AceFlags.CONTAINER_INHERIT)) | AceFlags.INHERIT_ONLY
              | AceFlags.INHERITED | audit));
        } else {
          // Keep OI when the container also lets objects inherit, CI always.
          out.add(a.withFlags((f & (AceFlags.OBJECT_INHERIT | AceFlags.CONTAINER_INHERIT)) | AceFlags.INHERITED
              | audit));
        }
      } else if (effective) {
        out.add(mapped.withFlags(AceFlags.INHERITED | audit));
      } else if (propagates) {
        // Not for this container itself, but for its descendants.
        out.add(a.withFlags((f & (AceFlags.OBJECT_INHERIT | AceFlags.CONTAINER_INHERIT)) | AceFlags.INHERIT_ONLY
            | AceFlags.INHERITED | audit));
      }
    }
    return out;
  }

  /**
   * The creator's ACEs made concrete: effective ACEs get generic rights mapped and creator SIDs
   * substituted; an effective ACE that also propagates and needed that is split into the concrete
   * ACE (inheritance flags cleared) and the original marked IO. Inherit-only ACEs are kept as given.
   */
  static List<Ace> fromCreator(Acl creator, boolean isContainer, Sid owner, Sid group, GenericMapping mapping) {
    List<Ace> out = new ArrayList<>();
    for (Ace a : creator.aces()) {
      if (a.isOpaque() || a.hasFlag(AceFlags.INHERIT_ONLY)) {
        out.add(a);
        continue;
      }
      Ace mapped = resolve(a, owner, group, mapping);
      boolean inheritable = (a.flags() & (AceFlags.OBJECT_INHERIT | AceFlags.CONTAINER_INHERIT)) != 0;
      boolean propagates = isContainer && inheritable && !a.hasFlag(AceFlags.NO_PROPAGATE_INHERIT);
      if (mapped.equals(a)) {
        out.add(a);
      } else if (propagates) {
        out.add(mapped.withFlags(a.flags() & ~AceFlags.INHERITANCE));
        out.add(a.withFlags(a.flags() | AceFlags.INHERIT_ONLY));
      } else {
        out.add(mapped);
      }
    }
    return out;
  }

  /** Generic rights mapped (and cleared), CREATOR OWNER / CREATOR GROUP replaced. */
  static Ace resolve(Ace a, Sid owner, Sid group, GenericMapping mapping) {
    Ace r = a.withMask(mapping.map(a.mask()));
    if (Sid.CREATOR_OWNER.equals(a.sid()) && owner != null) {
      r = r.withSid(owner);
    } else if (Sid.CREATOR_GROUP.equals(a.sid()) && group != null) {
      r = r.withSid(group);
    }
    return r;
  }
}
