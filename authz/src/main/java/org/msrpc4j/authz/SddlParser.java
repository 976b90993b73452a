package org.msrpc4j.authz;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Parses SDDL; see {@link Sddl#parse}. One instance per string; not thread-safe (use {@link Sddl}).
 */
final class SddlParser {
  /** More ACEs than this cannot fit in a binary ACL (16-byte minimum ACE, 16-bit AclSize). */
  private static final int MAX_ACES = Acl.MAX_SIZE / 16;

  private final String s;
  private final Sid domainSid;
  private int pos;

  SddlParser(String s, Sid domainSid) {
    this.s = s == null ? "" : s;
    this.domainSid = domainSid;
  }

  SecurityDescriptor parse() throws SecurityFormatException {
    Sid owner = null;
    Sid group = null;
    Acl dacl = null;
    Acl sacl = null;
    boolean seenO = false;
    boolean seenG = false;
    boolean seenD = false;
    boolean seenS = false;
    int control = 0;
    skipSpaces();
    while (pos < s.length()) {
      int start = pos;
      char c = s.charAt(pos);
      if (pos + 1 >= s.length() || s.charAt(pos + 1) != ':') {
        throw error(pos, "expected a section O:, G:, D: or S:");
      }
      pos += 2;
      switch (c) {
        case 'O' -> {
          if (seenO) {
            throw error(start, "the owner (O:) is given twice");
          }
          seenO = true;
          owner = sectionSid();
        }
        case 'G' -> {
          if (seenG) {
            throw error(start, "the group (G:) is given twice");
          }
          seenG = true;
          group = sectionSid();
        }
        case 'D' -> {
          if (seenD) {
            throw error(start, "the DACL (D:) is given twice");
          }
          seenD = true;
          int[] flags = new int[1];
          dacl = acl(flags);
          control |= SecurityDescriptor.DACL_PRESENT | flags[0];
        }
        case 'S' -> {
          if (seenS) {
            throw error(start, "the SACL (S:) is given twice");
          }
          seenS = true;
          int[] flags = new int[1];
          sacl = acl(flags);
          // SACL bits are the DACL bits shifted left by one.
          control |= SecurityDescriptor.SACL_PRESENT | (flags[0] << 1);
        }
        default -> throw error(start, "unknown section '" + c + ":' (expected O, G, D or S)");
      }
      skipSpaces();
    }
    return SecurityDescriptor.of(control, owner, group, sacl, dacl);
  }

  private void skipSpaces() {
    while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
      pos++;
    }
  }

  private Sid sectionSid() throws SecurityFormatException {
    int start = pos;
    if (pos + 1 < s.length() && (s.charAt(pos) == 'S' || s.charAt(pos) == 's') && s.charAt(pos + 1) == '-') {
      // S-1-<authority>(-<decimal>)*: the SID ends where a character no longer fits this shape.
      int p = pos + 2;
      while (p < s.length() && isDigit(s.charAt(p))) {
        p++;
      }
      if (p < s.length() && s.charAt(p) == '-') {
        p++;
        if (p + 1 < s.length() && s.charAt(p) == '0' && (s.charAt(p + 1) == 'x' || s.charAt(p + 1) == 'X')) {
          p += 2;
          // IdentifierAuthorityHex is "0x" 12HEXDIG ([MS-DTYP] 2.4.2.1): at most 12 digits, or the
          // 'D' of a following "D:" section would be read as one more digit.
          int digitsEnd = Math.min(s.length(), p + 12);
          while (p < digitsEnd && Character.digit(s.charAt(p), 16) >= 0 && s.charAt(p) < 128) {
            p++;
          }
        } else {
          while (p < s.length() && isDigit(s.charAt(p))) {
            p++;
          }
        }
        while (p + 1 < s.length() && s.charAt(p) == '-' && isDigit(s.charAt(p + 1))) {
          p += 2;
          while (p < s.length() && isDigit(s.charAt(p))) {
            p++;
          }
        }
      }
      pos = p;
      return Sid.parse(s.substring(start, p), start);
    }
    if (pos + 2 > s.length()) {
      throw error(start, "a SID or SID alias is missing");
    }
    pos += 2;
    return alias(s.substring(start, start + 2), start);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private Sid alias(String a, int at) throws SecurityFormatException {
    if (!SddlSidAliases.isAlias(a)) {
      throw error(at, "unknown SID alias \"" + a + "\"");
    }
    Sid sid = SddlSidAliases.resolve(a, domainSid);
    if (sid == null) {
      throw error(at, "SID alias " + a + " is relative to a domain; give a domain SID");
    }
    return sid;
  }

  private Sid fieldSid(String text, int at) throws SecurityFormatException {
    if (text.isEmpty()) {
      throw error(at, "the ACE has no trustee SID");
    }
    if (text.length() == 2 && Character.isUpperCase(text.charAt(0))) {
      return alias(text, at);
    }
    return Sid.parse(text, at);
  }

  /** Parses ACL flags and ACEs; flags[0] receives the DACL-form control bits. */
  private Acl acl(int[] flags) throws SecurityFormatException {
    int f = 0;
    boolean nullAcl = false;
    while (pos < s.length()) {
      if (s.startsWith("NO_ACCESS_CONTROL", pos)) {
        nullAcl = true;
        pos += "NO_ACCESS_CONTROL".length();
      } else if (s.startsWith("AR", pos)) {
        f |= SecurityDescriptor.DACL_AUTO_INHERIT_REQ;
        pos += 2;
      } else if (s.startsWith("AI", pos)) {
        f |= SecurityDescriptor.DACL_AUTO_INHERITED;
        pos += 2;
      } else if (s.charAt(pos) == 'P' && (pos + 1 >= s.length() || s.charAt(pos + 1) != ':')) {
        f |= SecurityDescriptor.DACL_PROTECTED;
        pos += 1;
      } else {
        break;
      }
    }
    flags[0] = f;
    List<Ace> aces = new ArrayList<>();
    skipSpaces();
    while (pos < s.length() && s.charAt(pos) == '(') {
      if (nullAcl) {
        throw error(pos, "NO_ACCESS_CONTROL (a null ACL) cannot have ACEs");
      }
      if (aces.size() >= MAX_ACES) {
        throw error(pos, "more than " + MAX_ACES + " ACEs cannot fit in one ACL");
      }
      aces.add(ace());
      skipSpaces();
    }
    if (nullAcl) {
      return null;
    }
    Acl acl = Acl.of(aces);
    if (acl.binaryLength() > Acl.MAX_SIZE) {
      throw error(pos, "the ACL needs " + acl.binaryLength() + " bytes, more than the 65535 an ACL can hold");
    }
    return acl;
  }

  private Ace ace() throws SecurityFormatException {
    int aceStart = pos;
    pos++; // '('
    String[] field = new String[6];
    int[] at = new int[6];
    for (int i = 0; i < 6; i++) {
      at[i] = pos;
      int p = pos;
      while (p < s.length() && s.charAt(p) != ';' && s.charAt(p) != ')' && s.charAt(p) != '(') {
        p++;
      }
      if (p >= s.length()) {
        throw error(aceStart, "the ACE is not closed with ')'");
      }
      field[i] = s.substring(pos, p);
      pos = p;
      char end = s.charAt(p);
      if (i < 5) {
        if (end != ';') {
          throw error(p, "the ACE has " + (i + 1) + " fields; it needs 6 separated by ';'");
        }
        pos++;
      }
    }
    AceType type = AceType.fromSddl(field[0]);
    if (type == null) {
      throw error(at[0], "unknown ACE type \"" + clip(field[0]) + "\"");
    }
    int flags = aceFlags(field[1], at[1]);
    int mask = SddlRights.parse(field[2], at[2], type);
    UUID objectType = guid(field[3], at[3], type);
    UUID inheritedObjectType = guid(field[4], at[4], type);
    Sid sid = fieldSid(field[5], at[5]);
    byte[] data = new byte[0];
    if (s.charAt(pos) == ';') {
      pos++;
      int dataStart = pos;
      int dataEnd = balancedEnd(dataStart);
      String inner = s.substring(dataStart + 1, dataEnd - 1);
      if (type == AceType.SYSTEM_RESOURCE_ATTRIBUTE) {
        data = ClaimAttributeSddl.parse(inner, dataStart + 1, domainSid);
      } else if (type.isCallback()) {
        data = ConditionalExpressionSddl.parse(inner, dataStart + 1, domainSid);
      } else {
        throw error(dataStart, "only callback and resource attribute ACEs have a 7th field");
      }
      pos = dataEnd;
    } else if (type == AceType.SYSTEM_RESOURCE_ATTRIBUTE) {
      throw error(pos, "a resource attribute ACE needs its attribute data");
    }
    if (pos >= s.length() || s.charAt(pos) != ')') {
      throw error(pos, "expected ')' to close the ACE");
    }
    pos++;
    return Ace.of(type, flags, mask, sid, objectType, inheritedObjectType, data);
  }

  /** Index just after the ')' matching the '(' at {@code start}; quotes may hold parentheses. */
  private int balancedEnd(int start) throws SecurityFormatException {
    if (start >= s.length() || s.charAt(start) != '(') {
      throw error(start, "expected '(' to open the ACE's extra data");
    }
    int depth = 0;
    boolean quoted = false;
    for (int p = start; p < s.length(); p++) {
      char c = s.charAt(p);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == '(') {
        depth++;
      } else if (!quoted && c == ')') {
        depth--;
        if (depth == 0) {
          return p + 1;
        }
      }
    }
    throw error(start, "unbalanced parentheses in the ACE's extra data");
  }

  private int aceFlags(String f, int at) throws SecurityFormatException {
    int flags = 0;
    int i = 0;
    while (i < f.length()) {
      if (i + 2 > f.length()) {
        throw error(at + i, "incomplete ACE flag \"" + f.substring(i) + "\"");
      }
      String tok = f.substring(i, i + 2);
      int bit = -1;
      for (int k = 0; k < AceFlags.SDDL_NAMES.length; k++) {
        if (AceFlags.SDDL_NAMES[k].equals(tok)) {
          bit = AceFlags.SDDL_BITS[k];
        }
      }
      if (bit < 0) {
        throw error(at + i, "unknown ACE flag \"" + tok + "\"");
      }
      flags |= bit;
      i += 2;
    }
    return flags;
  }

  private UUID guid(String g, int at, AceType type) throws SecurityFormatException {
    if (g.isEmpty()) {
      return null;
    }
    if (!type.isObject()) {
      throw error(at, "only object ACEs (OA, OD, OU, OL, ZA) carry a GUID");
    }
    if (g.length() != 36) {
      throw error(at, "a GUID has the form xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx");
    }
    for (int i = 0; i < 36; i++) {
      char c = g.charAt(i);
      boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
      if (dash ? c != '-' : (c >= 128 || Character.digit(c, 16) < 0)) {
        throw error(at + i, "bad character '" + c + "' in GUID");
      }
    }
    return UUID.fromString(g);
  }

  private SecurityFormatException error(int at, String reason) {
    return new SecurityFormatException(at, reason);
  }

  private static String clip(String t) {
    return t.length() > 12 ? t.substring(0, 12) + "…" : t;
  }
}
