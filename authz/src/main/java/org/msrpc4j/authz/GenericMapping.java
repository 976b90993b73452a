package org.msrpc4j.authz;

/**
 * How the four generic rights map to an object type's specific and standard rights
 * (GENERIC_MAPPING; [MS-DTYP] 2.4.3).
 *
 * <p>Immutable and thread-safe.
 *
 * @param read rights GENERIC_READ stands for
 * @param write rights GENERIC_WRITE stands for
 * @param execute rights GENERIC_EXECUTE stands for
 * @param all rights GENERIC_ALL stands for
 */
public record GenericMapping(int read, int write, int execute, int all) {
  /** Files and directories (FILE_GENERIC_* and FILE_ALL_ACCESS). */
  public static final GenericMapping FILE = new GenericMapping(AccessMasks.FILE_GENERIC_READ,
      AccessMasks.FILE_GENERIC_WRITE, AccessMasks.FILE_GENERIC_EXECUTE, AccessMasks.FILE_ALL_ACCESS);
  /** Registry keys (KEY_READ, KEY_WRITE, KEY_EXECUTE, KEY_ALL_ACCESS). */
  public static final GenericMapping KEY = new GenericMapping(AccessMasks.KEY_READ, AccessMasks.KEY_WRITE,
      AccessMasks.KEY_EXECUTE, AccessMasks.KEY_ALL_ACCESS);
  /** Directory service objects ([MS-ADTS] 5.1.3.3: RC|LC|RP|LO, RC|SW|WP, RC|LC, 0xF01FF). */
  public static final GenericMapping DIRECTORY = new GenericMapping(0x20094, 0x20028, 0x20004, 0xF01FF);
  /**
   * Leaves generic bits as they are, so that they are matched literally against ACE masks. This is
   * what Samba's {@code security.access_check} does; useful for comparisons and for objects whose
   * ACEs store generic bits.
   */
  public static final GenericMapping IDENTITY = new GenericMapping(AccessMasks.GENERIC_READ,
      AccessMasks.GENERIC_WRITE, AccessMasks.GENERIC_EXECUTE, AccessMasks.GENERIC_ALL);

  /** {@code mask} with each generic bit replaced by what it stands for. */
  public int map(int mask) {
    int out = mask & ~AccessMasks.GENERIC_MASK;
    if ((mask & AccessMasks.GENERIC_READ) != 0) {
      out |= read;
    }
    if ((mask & AccessMasks.GENERIC_WRITE) != 0) {
      out |= write;
    }
    if ((mask & AccessMasks.GENERIC_EXECUTE) != 0) {
      out |= execute;
    }
    if ((mask & AccessMasks.GENERIC_ALL) != 0) {
      out |= all;
    }
    return out;
  }
}
