package org.msrpc4j.authz;

/**
 * The ace-rights field of SDDL: aliases such as {@code GA}, {@code RPWP}, {@code FA}, or a number.
 *
 * <p>Stateless and thread-safe. Output follows Windows: a mask equal to a file or registry composite
 * prints as that alias (FA, FR, FW, FX, KA, KR, KW); otherwise a mask made only of bits that have an
 * alias prints as those aliases in Windows' order (CC DC LC SW RP WP DT LO CR SD RC WD WO GA GX GW GR,
 * as in "CCDCLCSWRPWPDTLOCRSDRCWDWO" and "GXGR" in descriptors Windows writes); anything else prints
 * as lower-case hex, e.g. {@code 0x1200a9}. Mandatory label ACEs use NW, NR, NX.
 */
final class SddlRights {
  private static final String[] BIT_NAMES = {"CC", "DC", "LC", "SW", "RP", "WP", "DT", "LO", "CR", "SD", "RC",
      "WD", "WO", "GA", "GX", "GW", "GR"};
  private static final int[] BIT_VALUES = {0x1, 0x2, 0x4, 0x8, 0x10, 0x20, 0x40, 0x80, 0x100, 0x10000, 0x20000,
      0x40000, 0x80000, AccessMasks.GENERIC_ALL, AccessMasks.GENERIC_EXECUTE, AccessMasks.GENERIC_WRITE,
      AccessMasks.GENERIC_READ};
  // KX equals KR; KR comes first so that 0x20019 prints as KR.
  private static final String[] COMPOSITE_NAMES = {"FA", "FR", "FW", "FX", "KA", "KR", "KW", "KX"};
  private static final int[] COMPOSITE_VALUES = {AccessMasks.FILE_ALL_ACCESS, AccessMasks.FILE_GENERIC_READ,
      AccessMasks.FILE_GENERIC_WRITE, AccessMasks.FILE_GENERIC_EXECUTE, AccessMasks.KEY_ALL_ACCESS,
      AccessMasks.KEY_READ, AccessMasks.KEY_WRITE, AccessMasks.KEY_EXECUTE};
  private static final String[] LABEL_NAMES = {"NW", "NR", "NX"};
  private static final int[] LABEL_VALUES = {AccessMasks.NO_WRITE_UP, AccessMasks.NO_READ_UP,
      AccessMasks.NO_EXECUTE_UP};

  private SddlRights() {}

  /** Formats a mask the way Windows prints it for an ACE of {@code type}. */
  static String format(int mask, AceType type) {
    if (mask == 0) {
      return "";
    }
    if (type == AceType.SYSTEM_MANDATORY_LABEL) {
      String s = byBits(mask, LABEL_NAMES, LABEL_VALUES);
      return s != null ? s : hex(mask);
    }
    for (int i = 0; i < COMPOSITE_VALUES.length; i++) {
      if (COMPOSITE_VALUES[i] == mask) {
        return COMPOSITE_NAMES[i];
      }
    }
    String s = byBits(mask, BIT_NAMES, BIT_VALUES);
    return s != null ? s : hex(mask);
  }

  private static String byBits(int mask, String[] names, int[] values) {
    StringBuilder sb = new StringBuilder();
    int rest = mask;
    for (int i = 0; i < values.length; i++) {
      if ((rest & values[i]) != 0) {
        sb.append(names[i]);
        rest &= ~values[i];
      }
    }
    return rest == 0 ? sb.toString() : null;
  }

  private static String hex(int mask) {
    return "0x" + Integer.toHexString(mask);
  }

  /**
   * Parses an ace-rights field.
   *
   * @param pos index of {@code s} in the whole SDDL string, for error positions
   */
  static int parse(String s, int pos, AceType type) throws SecurityFormatException {
    if (s.isEmpty()) {
      return 0;
    }
    char c0 = s.charAt(0);
    if (c0 >= '0' && c0 <= '9') {
      return parseNumber(s, pos);
    }
    int mask = 0;
    int i = 0;
    while (i < s.length()) {
      if (s.charAt(i) == ' ') {
        i++; // Windows accepts spaces between rights.
        continue;
      }
      if (i + 2 > s.length()) {
        throw new SecurityFormatException(pos + i, "incomplete access right \"" + s.substring(i) + "\"");
      }
      String tok = s.substring(i, i + 2);
      Integer v = lookup(tok, type);
      if (v == null) {
        throw new SecurityFormatException(pos + i, "unknown access right \"" + tok + "\"");
      }
      mask |= v;
      i += 2;
    }
    return mask;
  }

  private static Integer lookup(String tok, AceType type) {
    if (type == AceType.SYSTEM_MANDATORY_LABEL) {
      for (int i = 0; i < LABEL_NAMES.length; i++) {
        if (LABEL_NAMES[i].equals(tok)) {
          return LABEL_VALUES[i];
        }
      }
    }
    for (int i = 0; i < BIT_NAMES.length; i++) {
      if (BIT_NAMES[i].equals(tok)) {
        return BIT_VALUES[i];
      }
    }
    for (int i = 0; i < COMPOSITE_NAMES.length; i++) {
      if (COMPOSITE_NAMES[i].equals(tok)) {
        return COMPOSITE_VALUES[i];
      }
    }
    return null;
  }

  private static int parseNumber(String s, int pos) throws SecurityFormatException {
    int radix = 10;
    int start = 0;
    if (s.length() > 1 && s.charAt(0) == '0' && (s.charAt(1) == 'x' || s.charAt(1) == 'X')) {
      radix = 16;
      start = 2;
    } else if (s.length() > 1 && s.charAt(0) == '0') {
      radix = 8;
      start = 1;
    }
    if (start >= s.length()) {
      throw new SecurityFormatException(pos, "access mask \"" + s + "\" has no digits");
    }
    long v = 0;
    for (int i = start; i < s.length(); i++) {
      char ch = s.charAt(i);
      int d = ch < 128 ? Character.digit(ch, radix) : -1;
      if (d < 0) {
        throw new SecurityFormatException(pos + i, "bad digit '" + ch + "' in access mask");
      }
      v = v * radix + d;
      if (v > 0xFFFF_FFFFL) {
        throw new SecurityFormatException(pos, "access mask does not fit in 32 bits");
      }
    }
    return (int) v;
  }
}
