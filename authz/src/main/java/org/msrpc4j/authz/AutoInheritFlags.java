package org.msrpc4j.authz;

/**
 * The SEF_* AutoInheritFlags of CreatePrivateObjectSecurityEx and SetPrivateObjectSecurityEx
 * ([MS-DTYP] 2.5.3.4.1; values as in the Windows SDK's winnt.h).
 *
 * <p>Constants only; thread-safe.
 */
public final class AutoInheritFlags {
  /** Merge the parent's inheritable DACL ACEs with the creator's explicit ones; sets DI. */
  public static final int SEF_DACL_AUTO_INHERIT = 0x01;
  /** Merge the parent's inheritable SACL ACEs with the creator's explicit ones; sets SI. */
  public static final int SEF_SACL_AUTO_INHERIT = 0x02;
  /** The creator descriptor is a default: ignored when the parent has inheritable ACEs. */
  public static final int SEF_DEFAULT_DESCRIPTOR_FOR_OBJECT = 0x04;
  /** Do not require SeSecurityPrivilege for a creator SACL. */
  public static final int SEF_AVOID_PRIVILEGE_CHECK = 0x08;
  /** Do not check that the token may assign the owner. */
  public static final int SEF_AVOID_OWNER_CHECK = 0x10;
  /** Take the owner from the parent when the creator gives none. */
  public static final int SEF_DEFAULT_OWNER_FROM_PARENT = 0x20;
  /** Take the group from the parent when the creator gives none. */
  public static final int SEF_DEFAULT_GROUP_FROM_PARENT = 0x40;

  private AutoInheritFlags() {}
}
