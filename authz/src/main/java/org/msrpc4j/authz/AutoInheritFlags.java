package org.msrpc4j.authz;

/**
 * The SEF_* AutoInheritFlags of CreatePrivateObjectSecurityEx and SetPrivateObjectSecurityEx
 * ([MS-DTYP] 2.5.3.4.1; values as in the Windows SDK's winnt.h, checked against the SDK metadata;
 * Samba's internal SEC_OWNER_FROM_PARENT 0x8 / SEC_GROUP_FROM_PARENT 0x10 are not these).
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
  /** Mandatory-label policy for a label this call creates; accepted and ignored (no integrity checks here). */
  public static final int SEF_MACL_NO_WRITE_UP = 0x100;
  /** See {@link #SEF_MACL_NO_WRITE_UP}. */
  public static final int SEF_MACL_NO_READ_UP = 0x200;
  /** See {@link #SEF_MACL_NO_WRITE_UP}. */
  public static final int SEF_MACL_NO_EXECUTE_UP = 0x400;
  /** Windows 8+: skip the owner restriction policy; accepted and ignored. */
  public static final int SEF_AVOID_OWNER_RESTRICTION = 0x1000;

  private AutoInheritFlags() {}
}
