package org.msrpc4j.authz;

/**
 * SECURITY_INFORMATION bits ([MS-DTYP] 2.4.7): which parts of a descriptor a get or set touches.
 *
 * <p>Constants only; thread-safe.
 */
public final class SecurityInformation {
  public static final int OWNER = 0x00000001;
  public static final int GROUP = 0x00000002;
  public static final int DACL = 0x00000004;
  public static final int SACL = 0x00000008;
  public static final int LABEL = 0x00000010;
  public static final int UNPROTECTED_SACL = 0x10000000;
  public static final int UNPROTECTED_DACL = 0x20000000;
  public static final int PROTECTED_SACL = 0x40000000;
  public static final int PROTECTED_DACL = 0x80000000;

  private SecurityInformation() {}
}
