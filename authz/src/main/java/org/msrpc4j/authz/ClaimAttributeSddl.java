package org.msrpc4j.authz;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Resource attribute data of RA ACEs in SDDL ([MS-DTYP] 2.5.1.1 attribute-data):
 * {@code "Name",TYPE,flags,value,…} with TYPE one of TI, TU, TS, TD, TX, TB.
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
    String name = nameField.substring(1, nameField.length() - 1);
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
          yield v.substring(1, v.length() - 1);
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
    try {
      long v = signed ? Long.parseLong(t, radix) : Long.parseUnsignedLong(t, radix);
      return negative ? -v : v;
    } catch (NumberFormatException e) {
      throw new SecurityFormatException(at, "\"" + s + "\" is not a number that fits in 64 bits");
    }
  }

  static String format(byte[] data) {
    try {
      return format(ClaimAttribute.fromBytes(data));
    } catch (SecurityFormatException e) {
      throw new IllegalArgumentException("resource attribute data is malformed: " + e.getMessage(), e);
    }
  }

  static String format(ClaimAttribute a) {
    StringBuilder sb = new StringBuilder();
    sb.append('"').append(a.name()).append("\",");
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
