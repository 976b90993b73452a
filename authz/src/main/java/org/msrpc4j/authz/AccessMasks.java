package org.msrpc4j.authz;

/**
 * ACCESS_MASK bits ([MS-DTYP] 2.4.3) and the common object-specific composites.
 *
 * <p>Constants only; thread-safe.
 */
public final class AccessMasks {
  public static final int GENERIC_READ = 0x80000000;
  public static final int GENERIC_WRITE = 0x40000000;
  public static final int GENERIC_EXECUTE = 0x20000000;
  public static final int GENERIC_ALL = 0x10000000;
  public static final int GENERIC_MASK = GENERIC_READ | GENERIC_WRITE | GENERIC_EXECUTE | GENERIC_ALL;
  public static final int MAXIMUM_ALLOWED = 0x02000000;
  public static final int ACCESS_SYSTEM_SECURITY = 0x01000000;
  public static final int SYNCHRONIZE = 0x00100000;
  public static final int WRITE_OWNER = 0x00080000;
  public static final int WRITE_DAC = 0x00040000;
  public static final int READ_CONTROL = 0x00020000;
  public static final int DELETE = 0x00010000;
  public static final int STANDARD_RIGHTS_REQUIRED = 0x000F0000;
  public static final int STANDARD_RIGHTS_ALL = 0x001F0000;
  public static final int SPECIFIC_RIGHTS_ALL = 0x0000FFFF;

  // Directory service rights (SDDL CC, DC, LC, SW, RP, WP, DT, LO, CR).
  public static final int ADS_CREATE_CHILD = 0x1;
  public static final int ADS_DELETE_CHILD = 0x2;
  public static final int ADS_LIST = 0x4;
  public static final int ADS_SELF_WRITE = 0x8;
  public static final int ADS_READ_PROP = 0x10;
  public static final int ADS_WRITE_PROP = 0x20;
  public static final int ADS_DELETE_TREE = 0x40;
  public static final int ADS_LIST_OBJECT = 0x80;
  public static final int ADS_CONTROL_ACCESS = 0x100;

  // File and registry composites ([MS-DTYP] 2.5.1.1 object-specific-rights-string).
  public static final int FILE_ALL_ACCESS = 0x001F01FF;
  public static final int FILE_GENERIC_READ = 0x00120089;
  public static final int FILE_GENERIC_WRITE = 0x00120116;
  public static final int FILE_GENERIC_EXECUTE = 0x001200A0;
  public static final int KEY_ALL_ACCESS = 0x000F003F;
  public static final int KEY_READ = 0x00020019;
  public static final int KEY_WRITE = 0x00020006;
  public static final int KEY_EXECUTE = 0x00020019;

  // Mandatory label policy bits (SDDL NW, NR, NX on ML ACEs).
  public static final int NO_WRITE_UP = 0x1;
  public static final int NO_READ_UP = 0x2;
  public static final int NO_EXECUTE_UP = 0x4;

  private AccessMasks() {}
}
