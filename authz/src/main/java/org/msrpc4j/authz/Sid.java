package org.msrpc4j.authz;

import java.util.Arrays;

/**
 * A security identifier ([MS-DTYP] 2.4.2): revision 1, a 48-bit identifier authority and up to 15
 * 32-bit sub-authorities.
 *
 * <p>Immutable and thread-safe. The string form follows [MS-DTYP] 2.4.2.1: the authority is
 * decimal below 2^32 and {@code 0x} plus 12 hex digits above; sub-authorities are unsigned decimal.
 */
public final class Sid implements Comparable<Sid> {
  /** The largest number of sub-authorities a SID may carry ([MS-DTYP] 2.4.2). */
  public static final int MAX_SUB_AUTHORITIES = 15;

  private static final long MAX_AUTHORITY = 0xFFFF_FFFF_FFFFL;

  public static final Sid NULL = of(0, 0);
  public static final Sid EVERYONE = of(1, 0);
  public static final Sid LOCAL = of(2, 0);
  public static final Sid CONSOLE_LOGON = of(2, 1);
  public static final Sid CREATOR_OWNER = of(3, 0);
  public static final Sid CREATOR_GROUP = of(3, 1);
  public static final Sid CREATOR_OWNER_SERVER = of(3, 2);
  public static final Sid CREATOR_GROUP_SERVER = of(3, 3);
  public static final Sid OWNER_RIGHTS = of(3, 4);
  public static final Sid NT_AUTHORITY = of(5);
  public static final Sid DIALUP = of(5, 1);
  public static final Sid NETWORK = of(5, 2);
  public static final Sid BATCH = of(5, 3);
  public static final Sid INTERACTIVE = of(5, 4);
  public static final Sid SERVICE = of(5, 6);
  public static final Sid ANONYMOUS = of(5, 7);
  public static final Sid PROXY = of(5, 8);
  public static final Sid ENTERPRISE_DOMAIN_CONTROLLERS = of(5, 9);
  public static final Sid PRINCIPAL_SELF = of(5, 10);
  public static final Sid AUTHENTICATED_USERS = of(5, 11);
  public static final Sid RESTRICTED_CODE = of(5, 12);
  public static final Sid TERMINAL_SERVER_USER = of(5, 13);
  public static final Sid REMOTE_INTERACTIVE_LOGON = of(5, 14);
  public static final Sid THIS_ORGANIZATION = of(5, 15);
  public static final Sid IUSR = of(5, 17);
  public static final Sid LOCAL_SYSTEM = of(5, 18);
  public static final Sid LOCAL_SERVICE = of(5, 19);
  public static final Sid NETWORK_SERVICE = of(5, 20);
  public static final Sid WRITE_RESTRICTED_CODE = of(5, 33);
  public static final Sid NTLM_AUTHENTICATION = of(5, 64, 10);
  public static final Sid BUILTIN = of(5, 32);
  public static final Sid BUILTIN_ADMINISTRATORS = of(5, 32, 544);
  public static final Sid BUILTIN_USERS = of(5, 32, 545);
  public static final Sid BUILTIN_GUESTS = of(5, 32, 546);
  public static final Sid POWER_USERS = of(5, 32, 547);
  public static final Sid ACCOUNT_OPERATORS = of(5, 32, 548);
  public static final Sid SERVER_OPERATORS = of(5, 32, 549);
  public static final Sid PRINTER_OPERATORS = of(5, 32, 550);
  public static final Sid BACKUP_OPERATORS = of(5, 32, 551);
  public static final Sid REPLICATOR = of(5, 32, 552);
  public static final Sid PRE_WINDOWS_2000_COMPATIBLE_ACCESS = of(5, 32, 554);
  public static final Sid REMOTE_DESKTOP_USERS = of(5, 32, 555);
  public static final Sid ALL_APP_PACKAGES = of(15, 2, 1);
  public static final Sid ML_UNTRUSTED = of(16, 0);
  public static final Sid ML_LOW = of(16, 4096);
  public static final Sid ML_MEDIUM = of(16, 8192);
  public static final Sid ML_MEDIUM_PLUS = of(16, 8448);
  public static final Sid ML_HIGH = of(16, 12288);
  public static final Sid ML_SYSTEM = of(16, 16384);

  private final long authority;
  private final int[] subAuthorities;

  private Sid(long authority, int[] subAuthorities) {
    this.authority = authority;
    this.subAuthorities = subAuthorities;
  }

  /**
   * Builds a SID from its parts.
   *
   * @param authority the identifier authority, 0 to 2^48-1
   * @param subAuthorities 0 to 15 values, each taken as unsigned 32-bit
   * @throws IllegalArgumentException if the authority or the count is out of range
   */
  public static Sid of(long authority, long... subAuthorities) {
    if (authority < 0 || authority > MAX_AUTHORITY) {
      throw new IllegalArgumentException("identifier authority out of range: " + authority);
    }
    if (subAuthorities.length > MAX_SUB_AUTHORITIES) {
      throw new IllegalArgumentException("a SID has at most 15 sub-authorities, got " + subAuthorities.length);
    }
    int[] subs = new int[subAuthorities.length];
    for (int i = 0; i < subs.length; i++) {
      if (subAuthorities[i] < 0 || subAuthorities[i] > 0xFFFF_FFFFL) {
        throw new IllegalArgumentException("sub-authority out of range: " + subAuthorities[i]);
      }
      subs[i] = (int) subAuthorities[i];
    }
    return new Sid(authority, subs);
  }

  /**
   * Parses the string form {@code S-1-<authority>(-<sub>)*}. The {@code S} may be lower case, as
   * Windows' ConvertStringSidToSid accepts it.
   *
   * @throws IllegalArgumentException naming the character position and the reason when the text is
   *     not a SID
   */
  public static Sid parse(String text) {
    try {
      return parse(text, 0);
    } catch (SecurityFormatException e) {
      throw new IllegalArgumentException("not a SID: " + e.getMessage(), e);
    }
  }

  /**
   * Parses a SID string; positions in the exception are {@code base} plus the index in {@code text}.
   * Used by the SDDL parser so that its errors point into the whole SDDL string.
   */
  static Sid parse(String text, int base) throws SecurityFormatException {
    if (text == null) {
      throw new SecurityFormatException(base, "SID is missing");
    }
    if (text.length() < 4 || (text.charAt(0) != 'S' && text.charAt(0) != 's') || text.charAt(1) != '-') {
      throw new SecurityFormatException(base, "a SID starts with \"S-\"");
    }
    String[] parts = text.substring(2).split("-", -1);
    if (parts.length < 2) {
      throw new SecurityFormatException(base, "a SID needs a revision and an identifier authority");
    }
    int pos = base + 2;
    if (!parts[0].equals("1")) {
      throw new SecurityFormatException(pos, "unsupported SID revision \"" + clip(parts[0]) + "\" (only 1 exists)");
    }
    pos += parts[0].length() + 1;
    long authority;
    String a = parts[1];
    if (a.startsWith("0x") || a.startsWith("0X")) {
      authority = number(a.substring(2), 16, MAX_AUTHORITY, pos + 2, "identifier authority");
    } else {
      authority = number(a, 10, MAX_AUTHORITY, pos, "identifier authority");
    }
    pos += a.length() + 1;
    int count = parts.length - 2;
    if (count > MAX_SUB_AUTHORITIES) {
      throw new SecurityFormatException(base, "a SID has at most 15 sub-authorities, got " + count);
    }
    int[] subs = new int[count];
    for (int i = 0; i < count; i++) {
      String s = parts[i + 2];
      subs[i] = (int) number(s, 10, 0xFFFF_FFFFL, pos, "sub-authority");
      pos += s.length() + 1;
    }
    return new Sid(authority, subs);
  }

  private static long number(String s, int radix, long max, int pos, String what)
      throws SecurityFormatException {
    if (s.isEmpty() || s.length() > 20) {
      throw new SecurityFormatException(pos, what + " must be a number");
    }
    long v = 0;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      // Only ASCII digits: Character.digit would also accept other scripts' digits.
      int d = ch < 128 ? Character.digit(ch, radix) : -1;
      if (d < 0) {
        throw new SecurityFormatException(pos + i, what + " has a bad digit '" + s.charAt(i) + "'");
      }
      v = v * radix + d;
      if (v > max) {
        throw new SecurityFormatException(pos, what + " is too large");
      }
    }
    return v;
  }

  private static String clip(String s) {
    return s.length() > 16 ? s.substring(0, 16) + "…" : s;
  }

  /**
   * Decodes the binary form ([MS-DTYP] 2.4.2.2) at {@code off}.
   *
   * @throws SecurityFormatException if the bytes are truncated or the revision or count is invalid
   */
  public static Sid fromBytes(byte[] b, int off) throws SecurityFormatException {
    if (b == null || off < 0 || off > b.length || b.length - off < 8) {
      throw new SecurityFormatException(Math.max(off, 0), "SID truncated: needs at least 8 bytes");
    }
    if (b[off] != 1) {
      throw new SecurityFormatException(off, "unsupported SID revision " + (b[off] & 0xFF));
    }
    int count = b[off + 1] & 0xFF;
    if (count > MAX_SUB_AUTHORITIES) {
      throw new SecurityFormatException(off + 1, "SID sub-authority count " + count + " exceeds 15");
    }
    if (b.length - off < 8 + 4 * count) {
      throw new SecurityFormatException(off, "SID truncated: " + count + " sub-authorities need "
          + (8 + 4 * count) + " bytes, " + (b.length - off) + " left");
    }
    long authority = 0;
    for (int i = 0; i < 6; i++) {
      authority = (authority << 8) | (b[off + 2 + i] & 0xFF);
    }
    int[] subs = new int[count];
    for (int i = 0; i < count; i++) {
      int p = off + 8 + 4 * i;
      subs[i] = (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | (b[p + 2] & 0xFF) << 16 | (b[p + 3] & 0xFF) << 24;
    }
    return new Sid(authority, subs);
  }

  /** The binary form ([MS-DTYP] 2.4.2.2): 8 + 4 × sub-authority count bytes. */
  public byte[] toBytes() {
    byte[] out = new byte[binaryLength()];
    writeTo(out, 0);
    return out;
  }

  /** Writes the binary form into {@code out} at {@code off}; returns the offset after it. */
  public int writeTo(byte[] out, int off) {
    out[off] = 1;
    out[off + 1] = (byte) subAuthorities.length;
    for (int i = 0; i < 6; i++) {
      out[off + 2 + i] = (byte) (authority >>> (8 * (5 - i)));
    }
    for (int i = 0; i < subAuthorities.length; i++) {
      int p = off + 8 + 4 * i;
      int v = subAuthorities[i];
      out[p] = (byte) v;
      out[p + 1] = (byte) (v >>> 8);
      out[p + 2] = (byte) (v >>> 16);
      out[p + 3] = (byte) (v >>> 24);
    }
    return off + binaryLength();
  }

  /** Length of the binary form in bytes. */
  public int binaryLength() {
    return 8 + 4 * subAuthorities.length;
  }

  /** The 48-bit identifier authority. */
  public long identifierAuthority() {
    return authority;
  }

  /** The number of sub-authorities. */
  public int subAuthorityCount() {
    return subAuthorities.length;
  }

  /** Sub-authority {@code i} as an unsigned value. */
  public long subAuthority(int i) {
    return Integer.toUnsignedLong(subAuthorities[i]);
  }

  /** The last sub-authority (the RID of an account SID). */
  public long rid() {
    if (subAuthorities.length == 0) {
      throw new IllegalStateException("SID " + this + " has no sub-authority");
    }
    return subAuthority(subAuthorities.length - 1);
  }

  /**
   * This SID with one more sub-authority, e.g. a domain SID plus a RID.
   *
   * @throws IllegalArgumentException if the SID already has 15 sub-authorities
   */
  public Sid withRid(long rid) {
    if (subAuthorities.length >= MAX_SUB_AUTHORITIES) {
      throw new IllegalArgumentException("SID " + this + " already has 15 sub-authorities");
    }
    if (rid < 0 || rid > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("RID out of range: " + rid);
    }
    int[] subs = Arrays.copyOf(subAuthorities, subAuthorities.length + 1);
    subs[subs.length - 1] = (int) rid;
    return new Sid(authority, subs);
  }

  /**
   * The SID without its last sub-authority: the domain of an account SID.
   *
   * @throws IllegalStateException if there is no sub-authority to remove
   */
  public Sid domainOf() {
    if (subAuthorities.length == 0) {
      throw new IllegalStateException("SID " + this + " has no sub-authority");
    }
    return new Sid(authority, Arrays.copyOf(subAuthorities, subAuthorities.length - 1));
  }

  /** True if this SID is {@code domain} plus exactly one RID. */
  public boolean isInDomain(Sid domain) {
    return subAuthorities.length == domain.subAuthorities.length + 1 && domainOf().equals(domain);
  }

  /** True if this is a domain SID of the form S-1-5-21-a-b-c (the form DA/DU/... aliases need). */
  public boolean isDomainSid() {
    return authority == 5 && subAuthorities.length == 4 && subAuthorities[0] == 21;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(16 + 11 * subAuthorities.length).append("S-1-");
    if (authority >= (1L << 32)) {
      sb.append(String.format("0x%012X", authority));
    } else {
      sb.append(authority);
    }
    for (int s : subAuthorities) {
      sb.append('-').append(Integer.toUnsignedLong(s));
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Sid other && authority == other.authority
        && Arrays.equals(subAuthorities, other.subAuthorities);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(authority) * 31 + Arrays.hashCode(subAuthorities);
  }

  /** Orders by authority, then sub-authorities as unsigned values, shorter first on a tie. */
  @Override
  public int compareTo(Sid o) {
    int c = Long.compare(authority, o.authority);
    if (c != 0) {
      return c;
    }
    int n = Math.min(subAuthorities.length, o.subAuthorities.length);
    for (int i = 0; i < n; i++) {
      c = Integer.compareUnsigned(subAuthorities[i], o.subAuthorities[i]);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(subAuthorities.length, o.subAuthorities.length);
  }
}
