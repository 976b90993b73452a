package org.msrpc4j.authz;

import java.util.Objects;

/**
 * A security descriptor ([MS-DTYP] 2.4.6): owner, group, SACL, DACL and the control flags.
 *
 * <p>Immutable and thread-safe. The DACL and SACL follow the Windows distinction between
 * <em>absent</em> (the present bit clear), <em>null</em> (present bit set, no ACL: "D:NO_ACCESS_CONTROL",
 * grants everything) and <em>empty</em> (an ACL with no ACEs, grants nothing); {@link #dacl()}
 * returns null in the first two cases and {@link #isDaclPresent()} tells them apart.
 *
 * <p>Binary form: {@link #toBytes()} writes the self-relative layout in the order Windows uses
 * (SACL, DACL, owner, group, as in the [MS-DTYP] 2.5.1.4 example); {@link #fromBytes(byte[])} reads
 * any order. SDDL: see {@link Sddl}.
 */
public final class SecurityDescriptor {
  /** SE_OWNER_DEFAULTED */
  public static final int OWNER_DEFAULTED = 0x0001;
  public static final int GROUP_DEFAULTED = 0x0002;
  public static final int DACL_PRESENT = 0x0004;
  public static final int DACL_DEFAULTED = 0x0008;
  public static final int SACL_PRESENT = 0x0010;
  public static final int SACL_DEFAULTED = 0x0020;
  public static final int DACL_TRUSTED = 0x0040;
  public static final int SERVER_SECURITY = 0x0080;
  public static final int DACL_AUTO_INHERIT_REQ = 0x0100;
  public static final int SACL_AUTO_INHERIT_REQ = 0x0200;
  public static final int DACL_AUTO_INHERITED = 0x0400;
  public static final int SACL_AUTO_INHERITED = 0x0800;
  public static final int DACL_PROTECTED = 0x1000;
  public static final int SACL_PROTECTED = 0x2000;
  public static final int RM_CONTROL_VALID = 0x4000;
  public static final int SELF_RELATIVE = 0x8000;

  private final int control;
  private final int rmControl;
  private final Sid owner;
  private final Sid group;
  private final Acl sacl;
  private final Acl dacl;

  private SecurityDescriptor(int control, int rmControl, Sid owner, Sid group, Acl sacl, Acl dacl) {
    int c = control & 0xFFFF;
    // The present bits follow the ACLs: an ACL given means present; a present bit without ACL is a null ACL.
    if (dacl != null) {
      c |= DACL_PRESENT;
    }
    if (sacl != null) {
      c |= SACL_PRESENT;
    }
    this.control = c | SELF_RELATIVE;
    this.rmControl = rmControl & 0xFF;
    this.owner = owner;
    this.group = group;
    this.sacl = sacl;
    this.dacl = dacl;
  }

  /**
   * A descriptor from its parts.
   *
   * @param control SE_* control bits; DACL_PRESENT / SACL_PRESENT are added when the ACL is given,
   *     and a present bit with a null ACL means a null ACL; SELF_RELATIVE is always set
   * @param owner owner SID or null
   * @param group group SID or null
   * @param sacl SACL or null
   * @param dacl DACL or null
   */
  public static SecurityDescriptor of(int control, Sid owner, Sid group, Acl sacl, Acl dacl) {
    return new SecurityDescriptor(control, 0, owner, group, sacl, dacl);
  }

  /** As {@link #of} with resource-manager control bits (Sbz1, meaningful when RM_CONTROL_VALID is set). */
  public static SecurityDescriptor of(int control, int rmControl, Sid owner, Sid group, Acl sacl, Acl dacl) {
    return new SecurityDescriptor(control, rmControl, owner, group, sacl, dacl);
  }

  /** Decodes a self-relative descriptor; see {@link SecurityDescriptorBinary#decode}. */
  public static SecurityDescriptor fromBytes(byte[] bytes) throws SecurityFormatException {
    return SecurityDescriptorBinary.decode(bytes);
  }

  /** The self-relative binary form in Windows' field order (SACL, DACL, owner, group). */
  public byte[] toBytes() {
    return SecurityDescriptorBinary.encode(this);
  }

  /** The control flags, SELF_RELATIVE included. */
  public int control() {
    return control;
  }

  public boolean hasControl(int bits) {
    return (control & bits) == bits;
  }

  /** The resource-manager control bits (Sbz1). */
  public int rmControl() {
    return rmControl;
  }

  public Sid owner() {
    return owner;
  }

  public Sid group() {
    return group;
  }

  /** The SACL, or null when absent or null. */
  public Acl sacl() {
    return sacl;
  }

  /** The DACL, or null when absent or null (see {@link #isDaclPresent()}). */
  public Acl dacl() {
    return dacl;
  }

  public boolean isDaclPresent() {
    return (control & DACL_PRESENT) != 0;
  }

  public boolean isSaclPresent() {
    return (control & SACL_PRESENT) != 0;
  }

  /** This descriptor with another owner. */
  public SecurityDescriptor withOwner(Sid newOwner) {
    return new SecurityDescriptor(control, rmControl, newOwner, group, sacl, dacl);
  }

  /** This descriptor with another group. */
  public SecurityDescriptor withGroup(Sid newGroup) {
    return new SecurityDescriptor(control, rmControl, owner, newGroup, sacl, dacl);
  }

  /** This descriptor with other control bits (present bits still follow the ACLs). */
  public SecurityDescriptor withControl(int newControl) {
    return new SecurityDescriptor(newControl, rmControl, owner, group, sacl, dacl);
  }

  /** This descriptor with another DACL; {@code present=false} removes it, a null ACL with present=true is a null DACL. */
  public SecurityDescriptor withDacl(Acl newDacl, boolean present) {
    int c = present ? control | DACL_PRESENT : control & ~DACL_PRESENT;
    return new SecurityDescriptor(c, rmControl, owner, group, sacl, present ? newDacl : null);
  }

  /** This descriptor with another SACL; like {@link #withDacl}. */
  public SecurityDescriptor withSacl(Acl newSacl, boolean present) {
    int c = present ? control | SACL_PRESENT : control & ~SACL_PRESENT;
    return new SecurityDescriptor(c, rmControl, owner, group, present ? newSacl : null, dacl);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SecurityDescriptor s && control == s.control && rmControl == s.rmControl
        && Objects.equals(owner, s.owner) && Objects.equals(group, s.group) && Objects.equals(sacl, s.sacl)
        && Objects.equals(dacl, s.dacl);
  }

  @Override
  public int hashCode() {
    return Objects.hash(control, rmControl, owner, group, sacl, dacl);
  }

  @Override
  public String toString() {
    return "SecurityDescriptor[control=0x" + Integer.toHexString(control) + ", owner=" + owner + ", group=" + group
        + ", sacl=" + sacl + ", dacl=" + dacl + "]";
  }
}
