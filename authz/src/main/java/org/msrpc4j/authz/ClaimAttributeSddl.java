package org.msrpc4j.authz;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Resource attribute data of RA ACEs in SDDL ([MS-DTYP] 2.5.1.1 attribute-data):
 * {@code "Name",TYPE,flags,value,…} with TYPE one of TI, TU, TS, TD, TX, TB.
 *
 * <p>The name is attr-char2: %XXXX escapes are decoded on input and written for the characters the
 * grammar says must be escaped and for control characters. TS values are char-string, which has no
 * escape: a value with a double quote (or NUL, which ends the binary string) is refused on input
 * and cannot be formatted ({@link NotExpressibleInSddlException}).
 *
 * <p>Stateless and thread-safe. Output: flags as {@code 0x%x}, integers in decimal, strings in
 * double quotes, SIDs as aliases or S-1-…, octet strings as {@code #} and lower-case hex, booleans
 * as 0 or 1.
 */
final class ClaimAttributeSddl {
  private ClaimAttributeSddl() {}

  /** Parses the text between the parentheses; {@code pos} is its index in the whole SDDL. */
  static byte[] parse(String text, int pos, Sid domainSid) throws SecurityFormatException {
    return parseAttribute(text, pos, domainSid).toBytes();
  }

  static ClaimAttribute parseAttribute(String text, int pos, Sid domainSid) throws SecurityFormatException {
    List<int[]> spans = split(text, pos);
    if (spans.size() < 3) {
      throw new SecurityFormatException(pos, "resource attribute needs \"name\",type,flags[,values]");
    }
    String nameField = field(text, spans.get(0));
    if (nameField.length() < 2 || nameField.charAt(0) != '"' || nameField.charAt(nameField.length() - 1) != '"') {
      throw new SecurityFormatException(pos + spans.get(0)[0], "the attribute name must be in double quotes");
    }
    String name = unescapeName(nameField.substring(1, nameField.length() - 1), pos + spans.get(0)[0] + 1);
    if (name.isEmpty()) {
      throw new SecurityFormatException(pos + spans.get(0)[0], "the attribute name is empty");
    }
    String typeText = field(text, spans.get(1));
    int type = switch (typeText) {
      case "TI" -> ClaimAttribute.TYPE_INT64;
      case "TU" -> ClaimAttribute.TYPE_UINT64;
      case "TS" -> ClaimAttribute.TYPE_STRING;
      case "TD" -> ClaimAttribute.TYPE_SID;
      case "TX" -> ClaimAttribute.TYPE_OCTET_STRING;
      case "TB" -> ClaimAttribute.TYPE_BOOLEAN;
      default -> throw new SecurityFormatException(pos + spans.get(1)[0],
          "unknown attribute type \"" + typeText + "\" (TI, TU, TS, TD, TX or TB)");
    };
    String flagsText = field(text, spans.get(2));
    int flagsAt = pos + spans.get(2)[0];
    long flags = number(flagsText, flagsAt, false);
    if (flags > 0xFFFF_FFFFL || flags < 0) {
      throw new SecurityFormatException(flagsAt, "attribute flags do not fit in 32 bits");
    }
    if (spans.size() - 3 > ClaimAttribute.MAX_VALUES) {
      throw new SecurityFormatException(pos, "more than " + ClaimAttribute.MAX_VALUES + " attribute values");
    }
    List<Object> values = new ArrayList<>();
    for (int i = 3; i < spans.size(); i++) {
      String v = field(text, spans.get(i));
      int at = pos + spans.get(i)[0];
      values.add(switch (type) {
        case ClaimAttribute.TYPE_INT64 -> number(v, at, true);
        case ClaimAttribute.TYPE_UINT64 -> number(v, at, false);
        case ClaimAttribute.TYPE_BOOLEAN -> {
          if (!v.equals("0") && !v.equals("1")) {
            throw new SecurityFormatException(at, "a TB value is 0 or 1");
          }
          yield Long.parseLong(v);
        }
        case ClaimAttribute.TYPE_STRING -> {
          if (v.length() < 2 || v.charAt(0) != '"' || v.charAt(v.length() - 1) != '"') {
            throw new SecurityFormatException(at, "a TS value is a string in double quotes");
          }
          String inner = v.substring(1, v.length() - 1);
          // char-string has no escapes: a quote would end it, and NUL ends the binary form's string.
          if (inner.indexOf('"') >= 0 || inner.indexOf('\0') >= 0) {
            throw new SecurityFormatException(at, "a TS value cannot hold a double quote or NUL");
          }
          yield inner;
        }
        case ClaimAttribute.TYPE_SID -> {
          try {
            yield Sddl.parseSid(v, domainSid);
          } catch (SecurityFormatException e) {
            throw new SecurityFormatException(at + e.position(), "bad TD value: " + e.reason());
          }
        }
        default -> {
          if (!v.startsWith("#") || (v.length() % 2) != 1) {
            throw new SecurityFormatException(at, "a TX value is # followed by pairs of hex digits");
          }
          try {
            yield HexFormat.of().parseHex(v.substring(1));
          } catch (IllegalArgumentException e) {
            throw new SecurityFormatException(at, "a TX value is # followed by pairs of hex digits");
          }
        }
      });
    }
    return new ClaimAttribute(name, type, (int) flags, values);
  }

  /** Comma-separated fields, commas inside double quotes not counting; spans are [start, end). */
  private static List<int[]> split(String text, int pos) throws SecurityFormatException {
    List<int[]> out = new ArrayList<>();
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        out.add(new int[] {start, i});
        start = i + 1;
      }
    }
    if (quoted) {
      throw new SecurityFormatException(pos + start, "unterminated string in resource attribute");
    }
    out.add(new int[] {start, text.length()});
    return out;
  }

  private static String field(String text, int[] span) {
    return text.substring(span[0], span[1]).strip();
  }

  private static long number(String s, int at, boolean signed) throws SecurityFormatException {
    String t = s;
    boolean negative = false;
    if (signed && (t.startsWith("-") || t.startsWith("+"))) {
      negative = t.startsWith("-");
      t = t.substring(1);
    }
    int radix = 10;
    if (t.startsWith("0x") || t.startsWith("0X")) {
      radix = 16;
      t = t.substring(2);
    } else if (t.length() > 1 && t.startsWith("0")) {
      radix = 8;
      t = t.substring(1);
    }
    if (t.isEmpty() || t.length() > 22) {
      throw new SecurityFormatException(at, "\"" + s + "\" is not a number");
    }
    long v;
    try {
      v = Long.parseUnsignedLong(t, radix);
    } catch (NumberFormatException e) {
      throw new SecurityFormatException(at, "\"" + s + "\" is not a number that fits in 64 bits");
    }
    // Signed: the magnitude fits in 63 bits, or is exactly 2^63 when negative (Long.MIN_VALUE).
    if (signed && v < 0 && !(negative && v == Long.MIN_VALUE)) {
      throw new SecurityFormatException(at, "\"" + s + "\" does not fit in a signed 64-bit integer");
    }
    return negative ? -v : v;
  }

  /** Decodes the %XXXX escapes of attr-char2 ([MS-DTYP] 2.5.1.1); NUL has no place in a name. */
  private static String unescapeName(String raw, int at) throws SecurityFormatException {
    StringBuilder sb = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == 0) {
        throw new SecurityFormatException(at + i, "NUL in an attribute name");
      }
      if (c != '%') {
        sb.append(c);
        continue;
      }
      int v = 0;
      for (int k = i + 1; k < i + 5; k++) {
        int d = k < raw.length() && raw.charAt(k) < 128 ? Character.digit(raw.charAt(k), 16) : -1;
        if (d < 0) {
          throw new SecurityFormatException(at + i, "bad %XXXX escape in an attribute name");
        }
        v = v * 16 + d;
      }
      if (v == 0) {
        throw new SecurityFormatException(at + i, "%0000 is not allowed in an attribute name");
      }
      sb.append((char) v);
      i += 4;
    }
    return sb.toString();
  }

  /**
   * attr-char2 for the name: the characters [MS-DTYP] 2.5.1.1 says MUST be %XXXX-encoded, and the
   * control characters (which MAY be), so that the name survives any text handling.
   */
  private static String escapeName(String name) {
    StringBuilder sb = new StringBuilder(name.length());
    for (char c : name.toCharArray()) {
      if ("!&()><=|% \"".indexOf(c) >= 0 || c < 0x20 || c == 0x7f) {
        sb.append('%').append(String.format(Locale.ROOT, "%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * @throws NotExpressibleInSddlException when the data is malformed or holds what SDDL cannot write
   */
  static String format(byte[] data) {
    ClaimAttribute a;
    try {
      a = ClaimAttribute.fromBytes(data);
    } catch (SecurityFormatException e) {
      throw new NotExpressibleInSddlException("resource attribute data is malformed: " + e.reason(), e);
    }
    if (a.name().isEmpty()) {
      throw new NotExpressibleInSddlException("a resource attribute name is empty (SDDL needs 1*attr-char2)");
    }
    for (Object v : a.valuesUnsafe()) {
      if (a.valueType() == ClaimAttribute.TYPE_STRING && ((String) v).indexOf('"') >= 0) {
        throw new NotExpressibleInSddlException("a TS value holds a double quote, which SDDL cannot escape");
      }
      if (a.valueType() == ClaimAttribute.TYPE_BOOLEAN && (Long) v != 0 && (Long) v != 1) {
        throw new NotExpressibleInSddlException("a TB value other than 0 or 1 has no SDDL form");
      }
    }
    return format(a);
  }

  /** The SDDL text of {@code a}, for display; {@link #format(byte[])} checks it is exact. */
  static String format(ClaimAttribute a) {
    StringBuilder sb = new StringBuilder();
    sb.append('"').append(escapeName(a.name())).append("\",");
    sb.append(switch (a.valueType()) {
      case ClaimAttribute.TYPE_INT64 -> "TI";
      case ClaimAttribute.TYPE_UINT64 -> "TU";
      case ClaimAttribute.TYPE_STRING -> "TS";
      case ClaimAttribute.TYPE_SID -> "TD";
      case ClaimAttribute.TYPE_BOOLEAN -> "TB";
      default -> "TX";
    });
    sb.append(",0x").append(Integer.toHexString(a.flags()));
    for (Object v : a.valuesUnsafe()) {
      sb.append(',');
      switch (a.valueType()) {
        case ClaimAttribute.TYPE_INT64 -> sb.append((long) (Long) v);
        case ClaimAttribute.TYPE_UINT64, ClaimAttribute.TYPE_BOOLEAN -> sb.append(Long.toUnsignedString((Long) v));
        case ClaimAttribute.TYPE_STRING -> sb.append('"').append(v).append('"');
        case ClaimAttribute.TYPE_SID -> sb.append(Sddl.formatSid((Sid) v, null));
        default -> sb.append('#').append(HexFormat.of().formatHex((byte[]) v));
      }
    }
    return sb.toString();
  }
}
