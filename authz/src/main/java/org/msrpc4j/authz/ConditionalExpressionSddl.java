package org.msrpc4j.authz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Conditional expressions of callback ACEs ([MS-DTYP] 2.4.4.17, SDDL grammar 2.5.1.1): SDDL text
 * to the binary postfix form ("artx" then tokens, padded to 4 bytes) and back (the text side is
 * {@link ConditionalExpressionFormatter}).
 *
 * <p>Stateless and thread-safe. The compiler accepts %XXXX escapes in @Prefixed attribute names
 * (attr-char2), nests at most {@link #MAX_NESTING} parentheses and '!', and refuses what the
 * binary decoder would (more than {@link ConditionToken#MAX_TOKENS} tokens).
 */
final class ConditionalExpressionSddl {
  /** Deepest nesting of parentheses and '!' the compiler accepts (it recurses per level). */
  static final int MAX_NESTING = 64;

  /** Operator keywords, lower case (the grammar's keywords are case-insensitive here). */
  static final Map<String, Integer> WORD_OPS = Map.ofEntries(
      Map.entry("member_of", ConditionToken.MEMBER_OF),
      Map.entry("not_member_of", ConditionToken.NOT_MEMBER_OF),
      Map.entry("member_of_any", ConditionToken.MEMBER_OF_ANY),
      Map.entry("not_member_of_any", ConditionToken.NOT_MEMBER_OF_ANY),
      Map.entry("device_member_of", ConditionToken.DEVICE_MEMBER_OF),
      Map.entry("device_member_of_any", ConditionToken.DEVICE_MEMBER_OF_ANY),
      Map.entry("not_device_member_of", ConditionToken.NOT_DEVICE_MEMBER_OF),
      Map.entry("not_device_member_of_any", ConditionToken.NOT_DEVICE_MEMBER_OF_ANY),
      Map.entry("exists", ConditionToken.EXISTS),
      Map.entry("not_exists", ConditionToken.NOT_EXISTS),
      Map.entry("contains", ConditionToken.CONTAINS),
      Map.entry("not_contains", ConditionToken.NOT_CONTAINS),
      Map.entry("any_of", ConditionToken.ANY_OF),
      Map.entry("not_any_of", ConditionToken.NOT_ANY_OF));

  private ConditionalExpressionSddl() {}

  // ---------------------------------------------------------------- binary to text

  /**
   * Formats a callback ACE's application data (see {@link ConditionalExpressionFormatter}).
   *
   * @throws NotExpressibleInSddlException when the data is malformed or has no SDDL text that
   *     compiles back to it
   */
  static String format(byte[] data, Sid domainSid) {
    try {
      return format(ConditionToken.decode(data), domainSid);
    } catch (SecurityFormatException e) {
      throw new NotExpressibleInSddlException("callback ACE data is not a valid conditional expression: "
          + e.reason(), e);
    }
  }

  static String format(List<ConditionToken> tokens, Sid domainSid) throws SecurityFormatException {
    return ConditionalExpressionFormatter.format(tokens, domainSid);
  }

  // ---------------------------------------------------------------- text to binary

  /** Member_of, Exists and their kin, which come before their operand; Contains, Any_of come after. */
  static boolean isPrefixOperator(int op) {
    return op != ConditionToken.CONTAINS && op != ConditionToken.NOT_CONTAINS && op != ConditionToken.ANY_OF
        && op != ConditionToken.NOT_ANY_OF;
  }

  /** Characters of an @Prefixed attribute name the compiler takes literally (others need %XXXX). */
  static boolean isNameChar(char c) {
    return c > 0x7f || Character.isLetterOrDigit(c) || ":./_@#$'*+-;?[\\]^`~".indexOf(c) >= 0;
  }

  /** Compiles the text between the ACE's parentheses; {@code pos} is its index in the whole SDDL. */
  static byte[] parse(String text, int pos, Sid domainSid) throws SecurityFormatException {
    Compiler c = new Compiler(text, pos, domainSid);
    c.out.writeBytes(ConditionToken.SIGNATURE);
    c.expr(0);
    c.skipSpaces();
    if (c.i < text.length()) {
      throw c.error("unexpected \"" + text.charAt(c.i) + "\" after the expression");
    }
    while (c.out.size() % 4 != 0) {
      c.out.write(0);
    }
    byte[] data = c.out.toByteArray();
    // The binary form's own bounds (token count): what cannot be decoded must not be accepted.
    try {
      ConditionToken.decode(data);
    } catch (SecurityFormatException e) {
      throw new SecurityFormatException(pos, "the conditional expression is too large: " + e.reason());
    }
    return data;
  }

  /** Recursive-descent compiler emitting postfix tokens. One per string; not thread-safe. */
  private static final class Compiler {
    private final String s;
    private final int base;
    private final Sid domainSid;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int i;

    Compiler(String s, int base, Sid domainSid) {
      this.s = s;
      this.base = base;
      this.domainSid = domainSid;
    }

    SecurityFormatException error(String reason) {
      return new SecurityFormatException(base + Math.min(i, s.length()), reason);
    }

    void skipSpaces() {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
    }

    boolean eat(String token) {
      skipSpaces();
      if (s.startsWith(token, i)) {
        i += token.length();
        return true;
      }
      return false;
    }

    void expr(int depth) throws SecurityFormatException {
      if (depth > MAX_NESTING) {
        throw error("conditional expression nested too deeply");
      }
      superTerm(depth);
      while (eat("||")) {
        superTerm(depth);
        out.write(ConditionToken.OR);
      }
    }

    void superTerm(int depth) throws SecurityFormatException {
      factor(depth);
      while (eat("&&")) {
        factor(depth);
        out.write(ConditionToken.AND);
      }
    }

    void factor(int depth) throws SecurityFormatException {
      if (depth > MAX_NESTING) {
        throw error("conditional expression nested too deeply");
      }
      skipSpaces();
      if (eat("(")) {
        expr(depth + 1);
        if (!eat(")")) {
          throw error("expected ')'");
        }
      } else if (i < s.length() && s.charAt(i) == '!' && !s.startsWith("!=", i)) {
        i++;
        factor(depth + 1);
        out.write(ConditionToken.NOT);
      } else {
        term();
      }
    }

    void term() throws SecurityFormatException {
      skipSpaces();
      int start = i;
      String word = peekWord();
      Integer op = word == null ? null : WORD_OPS.get(word.toLowerCase(Locale.ROOT));
      if (op != null && isPrefixOperator(op)) {
        i += word.length();
        if (op == ConditionToken.EXISTS || op == ConditionToken.NOT_EXISTS) {
          attribute(true);
        } else {
          sidArray();
        }
        out.write(op);
        return;
      }
      if (word == null || !isAttributeStart(s.charAt(i))) {
        throw error("expected an attribute name, Member_of or Exists");
      }
      attribute(true);
      skipSpaces();
      int rel = relational();
      if (rel != 0) {
        value(rel == ConditionToken.EQ || rel == ConditionToken.NE);
        out.write(rel);
        return;
      }
      String next = peekWord();
      Integer setOp = next == null ? null : WORD_OPS.get(next.toLowerCase(Locale.ROOT));
      if (setOp != null && !isPrefixOperator(setOp)) {
        i += next.length();
        value(true);
        out.write(setOp);
        return;
      }
      if (i == start) {
        throw error("expected a term");
      }
      // A bare attribute is a term of its own (its logical value).
    }

    private int relational() {
      for (String[] r : new String[][] {{"==", "128"}, {"!=", "129"}, {"<=", "131"}, {">=", "133"}, {"<", "130"},
          {">", "132"}}) {
        if (s.startsWith(r[0], i)) {
          i += r[0].length();
          return Integer.parseInt(r[1]);
        }
      }
      return 0;
    }

    private static boolean isAttributeStart(char c) {
      return Character.isLetterOrDigit(c) || c == '@' || c == ':' || c == '.' || c == '/' || c == '_';
    }

    private String peekWord() {
      skipSpaces();
      int j = i;
      while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
        j++;
      }
      return j == i ? (i < s.length() && isAttributeStart(s.charAt(i)) ? "" : null) : s.substring(i, j);
    }

    void attribute(boolean required) throws SecurityFormatException {
      skipSpaces();
      int start = i;
      int code = ConditionToken.LOCAL_ATTR;
      for (String[] p : new String[][] {{"@user.", "249"}, {"@resource.", "250"}, {"@device.", "251"}}) {
        if (s.regionMatches(true, i, p[0], 0, p[0].length())) {
          code = Integer.parseInt(p[1]);
          i += p[0].length();
          break;
        }
      }
      if (code == ConditionToken.LOCAL_ATTR && i < s.length() && s.charAt(i) == '@') {
        throw error("an @ attribute starts with @User., @Device. or @Resource.");
      }
      StringBuilder name = new StringBuilder();
      while (i < s.length()) {
        char c = s.charAt(i);
        if (c == '%' && code != ConditionToken.LOCAL_ATTR) {
          if (i + 5 > s.length()) {
            throw error("incomplete %XXXX escape");
          }
          int v = 0;
          for (int k = i + 1; k < i + 5; k++) {
            int d = s.charAt(k) < 128 ? Character.digit(s.charAt(k), 16) : -1;
            if (d < 0) {
              throw error("bad %XXXX escape: four hex digits follow %");
            }
            v = v * 16 + d;
          }
          if (v == 0) {
            throw error("%0000 is not allowed in an attribute name");
          }
          name.append((char) v);
          i += 5;
        } else if (code == ConditionToken.LOCAL_ATTR ? (Character.isLetterOrDigit(c) || ":./_@".indexOf(c) >= 0)
            : isNameChar(c)) {
          name.append(c);
          i++;
        } else {
          break;
        }
      }
      if (name.length() == 0) {
        i = start;
        if (required) {
          throw error("expected an attribute name");
        }
        return;
      }
      emitString(code, name.toString());
    }

    void sidArray() throws SecurityFormatException {
      skipSpaces();
      if (eat("{")) {
        ByteArrayOutputStream saved = swapOut();
        do {
          sidLiteral();
        } while (eat(","));
        if (!eat("}")) {
          throw error("expected '}' to close the SID list");
        }
        emitComposite(saved);
      } else {
        sidLiteral();
      }
    }

    void sidLiteral() throws SecurityFormatException {
      skipSpaces();
      if (!s.regionMatches(true, i, "SID(", 0, 4)) {
        throw error("expected SID(...)");
      }
      i += 4;
      int close = s.indexOf(')', i);
      if (close < 0) {
        throw error("SID( is not closed");
      }
      String text = s.substring(i, close).strip();
      Sid sid;
      try {
        sid = Sddl.parseSid(text, domainSid);
      } catch (SecurityFormatException e) {
        throw new SecurityFormatException(base + i + e.position(), "bad SID literal: " + e.reason());
      }
      i = close + 1;
      byte[] b = sid.toBytes();
      out.write(ConditionToken.SID);
      writeLength(b.length);
      out.writeBytes(b);
    }

    /** A value or, when {@code setAllowed}, a {...} composite. */
    void value(boolean setAllowed) throws SecurityFormatException {
      skipSpaces();
      if (setAllowed && eat("{")) {
        ByteArrayOutputStream saved = swapOut();
        do {
          scalar();
        } while (eat(","));
        if (!eat("}")) {
          throw error("expected '}' to close the value list");
        }
        emitComposite(saved);
      } else {
        scalar();
      }
    }

    void scalar() throws SecurityFormatException {
      skipSpaces();
      if (i >= s.length()) {
        throw error("expected a value");
      }
      char c = s.charAt(i);
      if (c == '"') {
        int close = s.indexOf('"', i + 1);
        if (close < 0) {
          throw error("unterminated string");
        }
        emitString(ConditionToken.STRING, s.substring(i + 1, close));
        i = close + 1;
      } else if (c == '#') {
        int j = i + 1;
        while (j < s.length() && Character.digit(s.charAt(j), 16) >= 0 && s.charAt(j) < 128) {
          j++;
        }
        if ((j - i - 1) % 2 != 0) {
          throw error("an octet string has pairs of hex digits");
        }
        byte[] b = HexFormat.of().parseHex(s.substring(i + 1, j));
        out.write(ConditionToken.OCTETS);
        writeLength(b.length);
        out.writeBytes(b);
        i = j;
      } else if (Character.isDigit(c) || ((c == '-' || c == '+') && i + 1 < s.length()
          && Character.isDigit(s.charAt(i + 1)))) {
        integer();
      } else if (s.regionMatches(true, i, "SID(", 0, 4)) {
        sidLiteral();
      } else if (c == '@') {
        attribute(true);
      } else {
        throw error("expected a number, string, #octets, SID(...) or @attribute");
      }
    }

    void integer() throws SecurityFormatException {
      int start = i;
      int sign = 3;
      if (s.charAt(i) == '-' || s.charAt(i) == '+') {
        sign = s.charAt(i) == '-' ? 2 : 1;
        i++;
      }
      int radix = 10;
      int baseCode = 2;
      if (s.startsWith("0x", i) || s.startsWith("0X", i)) {
        radix = 16;
        baseCode = 3;
        i += 2;
      } else if (s.charAt(i) == '0' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1))) {
        radix = 8;
        baseCode = 1;
        i++;
      }
      int digits = i;
      while (i < s.length() && s.charAt(i) < 128 && Character.digit(s.charAt(i), radix) >= 0) {
        i++;
      }
      if (i == digits) {
        throw error("a number needs digits");
      }
      long v;
      try {
        v = Long.parseUnsignedLong(s.substring(digits, i), radix);
      } catch (NumberFormatException e) {
        i = start;
        throw error("number does not fit in 64 bits");
      }
      if (sign == 2) {
        v = -v;
      }
      out.write(ConditionToken.INT64);
      for (int k = 0; k < 8; k++) {
        out.write((int) (v >>> (8 * k)));
      }
      out.write(sign);
      out.write(baseCode);
    }

    private ByteArrayOutputStream swapOut() {
      ByteArrayOutputStream saved = new ByteArrayOutputStream();
      saved.writeBytes(out.toByteArray());
      out.reset();
      return saved;
    }

    /** Wraps what was written since {@link #swapOut} in a composite token. */
    private void emitComposite(ByteArrayOutputStream saved) {
      byte[] inner = out.toByteArray();
      out.reset();
      out.writeBytes(saved.toByteArray());
      out.write(ConditionToken.COMPOSITE);
      writeLength(inner.length);
      out.writeBytes(inner);
    }

    private void emitString(int code, String value) {
      byte[] b = value.getBytes(StandardCharsets.UTF_16LE);
      out.write(code);
      writeLength(b.length);
      out.writeBytes(b);
    }

    private void writeLength(int n) {
      out.write(n);
      out.write(n >>> 8);
      out.write(n >>> 16);
      out.write(n >>> 24);
    }
  }
}
