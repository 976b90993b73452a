package org.msrpc4j.authz;

/**
 * AceFlags bits ([MS-DTYP] 2.4.4.1) and their SDDL strings, in the order Windows prints them.
 *
 * <p>Constants only; thread-safe.
 */
public final class AceFlags {
  public static final int OBJECT_INHERIT = 0x01;
  public static final int CONTAINER_INHERIT = 0x02;
  public static final int NO_PROPAGATE_INHERIT = 0x04;
  public static final int INHERIT_ONLY = 0x08;
  public static final int INHERITED = 0x10;
  public static final int SUCCESSFUL_ACCESS = 0x40;
  public static final int FAILED_ACCESS = 0x80;

  /** The flags that drive inheritance. */
  public static final int INHERITANCE = OBJECT_INHERIT | CONTAINER_INHERIT | NO_PROPAGATE_INHERIT | INHERIT_ONLY;

  // ConvertSecurityDescriptorToStringSecurityDescriptor prints OI before CI ("OICI").
  static final String[] SDDL_NAMES = {"OI", "CI", "NP", "IO", "ID", "SA", "FA"};
  static final int[] SDDL_BITS = {OBJECT_INHERIT, CONTAINER_INHERIT, NO_PROPAGATE_INHERIT, INHERIT_ONLY,
      INHERITED, SUCCESSFUL_ACCESS, FAILED_ACCESS};

  private AceFlags() {}
}
