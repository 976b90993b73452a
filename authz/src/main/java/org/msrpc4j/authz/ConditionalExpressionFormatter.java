package org.msrpc4j.authz;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Conditional-expression tokens ([MS-DTYP] 2.4.4.17) to SDDL text ([MS-DTYP] 2.5.1.1) that
 * {@link ConditionalExpressionSddl#parse} compiles back to the same tokens.
 *
 * <p>The canonical style is the one Windows and Samba print: every operation in parentheses, e.g.
 * {@code (A == 1) || ((B == 2) && (C == 3))}. When that text would nest deeper than the parser
 * accepts ({@link ConditionalExpressionSddl#MAX_NESTING}; a long {@code a && b && c …} chain nests
 * one level per operator in this style) the formatter drops the parentheses precedence makes
 * redundant ({@code a && b && c}); when even that is too deep, or the tokens form a tree the SDDL
 * grammar has no text for, it throws {@link NotExpressibleInSddlException} rather than write text
 * that parses to something else.
 *
 * <p>Literals: integers keep the sign and base the binary form records (octal zero is {@code 00},
 * so that it reads back as octal); INT8/16/32 tokens read back as INT64, the only width the SDDL
 * compiler emits (as on Windows). Strings cannot hold a double quote (char-string has no escape).
 * Names in the {@code @User.}/{@code @Device.}/{@code @Resource.} form escape as %XXXX every
 * character the parser does not take literally (the attr-char2 rule); simple-form names have no
 * escape, so they are limited to attr-char1.
 *
 * <p>Stateless and thread-safe.
 */
final class ConditionalExpressionFormatter {
  /** Contexts of the grammar, loosest first: expr (||), super-term (&&), factor (!, term, parentheses). */
  private static final int EXPR = 0;
  private static final int SUPER = 1;
  private static final int FACTOR = 2;

  private ConditionalExpressionFormatter() {}

  /**
   * One node of the expression tree, with the parser nesting its text reaches: {@code full} in the
   * canonical style (with the node's own parentheses), {@code minimal[ctx]} with only the
   * parentheses needed when printed in context {@code ctx}.
   */
  private static final class Node {
    final ConditionToken token;
    final Node lhs;
    final Node rhs;
    final int full;
    final int[] minimal;

    Node(ConditionToken token, Node lhs, Node rhs, int full, int[] minimal) {
      this.token = token;
      this.lhs = lhs;
      this.rhs = rhs;
      this.full = full;
      this.minimal = minimal;
    }

    boolean isLeaf() {
      return !token.isOperator();
    }

    /** A condition: an operation, or an attribute standing alone (its truth value). */
    boolean isCondition() {
      return token.isOperator() || token.isAttribute();
    }
  }

  static String format(List<ConditionToken> tokens, Sid domainSid) throws SecurityFormatException {
    Node top = tree(tokens);
    if (!top.isCondition()) {
      throw new NotExpressibleInSddlException("the conditional expression is a value, not a condition");
    }
    StringBuilder sb = new StringBuilder();
    int canonical = top.isLeaf() ? 0 : top.full - 1; // the ACE syntax supplies the outer parentheses
    if (canonical <= ConditionalExpressionSddl.MAX_NESTING) {
      if (top.isLeaf()) {
        term(sb, top, domainSid);
      } else {
        canonicalOperation(sb, top, domainSid, false);
      }
    } else if (top.minimal[EXPR] <= ConditionalExpressionSddl.MAX_NESTING) {
      minimal(sb, top, EXPR, domainSid);
    } else {
      throw new NotExpressibleInSddlException("the conditional expression nests deeper than the "
          + ConditionalExpressionSddl.MAX_NESTING + " levels SDDL text may have here");
    }
    return sb.toString();
  }

  // ---------------------------------------------------------------- the tree, checked against the grammar

  private static Node tree(List<ConditionToken> tokens) throws SecurityFormatException {
    Deque<Node> stack = new ArrayDeque<>();
    for (ConditionToken t : tokens) {
      if (!t.isOperator()) {
        stack.push(new Node(t, null, null, 0, new int[3]));
        continue;
      }
      int code = t.code();
      if (t.isUnaryOperator()) {
        if (stack.isEmpty()) {
          throw new SecurityFormatException(0, "operator " + operatorName(code) + " has no operand");
        }
        Node x = stack.pop();
        if (code == ConditionToken.NOT) {
          requireCondition(x, "!");
          int m = 1 + x.minimal[FACTOR];
          stack.push(new Node(t, x, null, 2 + x.full, new int[] {m, m, m}));
        } else if (code == ConditionToken.EXISTS || code == ConditionToken.NOT_EXISTS) {
          if (!x.isLeaf() || !x.token.isAttribute()) {
            throw new NotExpressibleInSddlException(operatorName(code) + " applies to an attribute only");
          }
          stack.push(new Node(t, x, null, 1, new int[3]));
        } else {
          requireSidArray(x, operatorName(code));
          stack.push(new Node(t, x, null, 1, new int[3]));
        }
        continue;
      }
      if (stack.size() < 2) {
        throw new SecurityFormatException(0, "operator " + operatorName(code) + " needs two operands");
      }
      Node rhs = stack.pop();
      Node lhs = stack.pop();
      if (code == ConditionToken.AND || code == ConditionToken.OR) {
        requireCondition(lhs, operatorName(code));
        requireCondition(rhs, operatorName(code));
        int full = 1 + Math.max(lhs.full, rhs.full);
        int e = code == ConditionToken.OR ? Math.max(lhs.minimal[EXPR], rhs.minimal[SUPER])
            : Math.max(lhs.minimal[SUPER], rhs.minimal[FACTOR]);
        int[] m = code == ConditionToken.OR ? new int[] {e, e + 1, e + 1} : new int[] {e, e, e + 1};
        stack.push(new Node(t, lhs, rhs, full, m));
      } else {
        // Relational, Contains, Any_of: attribute on the left, a value (or a {…} list) on the right.
        if (!lhs.isLeaf() || !lhs.token.isAttribute()) {
          throw new NotExpressibleInSddlException("the left of " + operatorName(code) + " is not an attribute");
        }
        boolean listAllowed = code < ConditionToken.LT || code > ConditionToken.GE;
        requireValue(rhs, listAllowed, operatorName(code));
        stack.push(new Node(t, lhs, rhs, 1, new int[3]));
      }
    }
    if (stack.size() != 1) {
      throw new SecurityFormatException(0, "conditional expression leaves " + stack.size() + " values, not 1");
    }
    return stack.pop();
  }

  private static void requireCondition(Node x, String op) {
    if (!x.isCondition()) {
      throw new NotExpressibleInSddlException("the operand of " + op + " is a value, not a condition");
    }
  }

  private static void requireSidArray(Node x, String op) {
    if (x.isLeaf() && x.token.code() == ConditionToken.SID) {
      return;
    }
    if (x.isLeaf() && x.token.code() == ConditionToken.COMPOSITE) {
      List<ConditionToken> items = items(x.token);
      if (!items.isEmpty() && items.stream().allMatch(i -> i.code() == ConditionToken.SID)) {
        return;
      }
    }
    throw new NotExpressibleInSddlException(op + " applies to SID(…) or a non-empty {SID(…), …} list only");
  }

  /** What the parser's value rule accepts: a scalar, or when allowed a non-empty list of scalars. */
  private static void requireValue(Node x, boolean listAllowed, String op) {
    if (x.isLeaf() && isScalar(x.token)) {
      return;
    }
    if (listAllowed && x.isLeaf() && x.token.code() == ConditionToken.COMPOSITE) {
      List<ConditionToken> items = items(x.token);
      if (!items.isEmpty() && items.stream().allMatch(ConditionalExpressionFormatter::isScalar)) {
        return;
      }
    }
    throw new NotExpressibleInSddlException("the right of " + op + " has no SDDL form (an operation, a local"
        + " attribute, " + (listAllowed ? "an empty or nested list" : "a list") + ")");
  }

  private static boolean isScalar(ConditionToken t) {
    return switch (t.code()) {
      case ConditionToken.INT8, ConditionToken.INT16, ConditionToken.INT32, ConditionToken.INT64,
          ConditionToken.STRING, ConditionToken.OCTETS, ConditionToken.SID, ConditionToken.USER_ATTR,
          ConditionToken.RESOURCE_ATTR, ConditionToken.DEVICE_ATTR -> true;
      default -> false;
    };
  }

  @SuppressWarnings("unchecked")
  private static List<ConditionToken> items(ConditionToken composite) {
    return (List<ConditionToken>) composite.value();
  }

  // ---------------------------------------------------------------- printing

  /** Windows' style: the operation in parentheses (omitted for the top, which the ACE supplies). */
  private static void canonicalOperation(StringBuilder sb, Node n, Sid domainSid, boolean parenthesised) {
    if (!n.token.isOperator()) {
      term(sb, n, domainSid);
      return;
    }
    if (parenthesised) {
      sb.append('(');
    }
    int code = n.token.code();
    if (code == ConditionToken.AND || code == ConditionToken.OR) {
      canonicalOperation(sb, n.lhs, domainSid, true);
      sb.append(' ').append(operatorName(code)).append(' ');
      canonicalOperation(sb, n.rhs, domainSid, true);
    } else if (code == ConditionToken.NOT) {
      sb.append('!');
      canonicalOperation(sb, n.lhs, domainSid, true);
    } else {
      term(sb, n, domainSid);
    }
    if (parenthesised) {
      sb.append(')');
    }
  }

  /**
   * Only the parentheses the grammar needs in {@code ctx}. Chains of one operator (a left spine of
   * the tree) are walked in a loop, so the recursion follows the nesting, bounded by MAX_NESTING.
   */
  private static void minimal(StringBuilder sb, Node n, int ctx, Sid domainSid) {
    int code = n.token.code();
    boolean or = code == ConditionToken.OR;
    boolean and = code == ConditionToken.AND;
    if ((or && ctx > EXPR) || (and && ctx > SUPER)) {
      sb.append('(');
      minimal(sb, n, EXPR, domainSid);
      sb.append(')');
    } else if (or || and) {
      Deque<Node> rights = new ArrayDeque<>();
      Node left = n;
      while (left.token.isOperator() && left.token.code() == code) {
        rights.push(left.rhs);
        left = left.lhs;
      }
      int operandCtx = or ? SUPER : FACTOR;
      minimal(sb, left, or ? EXPR : SUPER, domainSid);
      while (!rights.isEmpty()) {
        sb.append(' ').append(operatorName(code)).append(' ');
        minimal(sb, rights.pop(), operandCtx, domainSid);
      }
    } else if (code == ConditionToken.NOT) {
      sb.append('!');
      minimal(sb, n.lhs, FACTOR, domainSid);
    } else {
      term(sb, n, domainSid);
    }
  }

  /** A term without parentheses: a bare attribute, a prefix operation, or "attribute op value". */
  private static void term(StringBuilder sb, Node n, Sid domainSid) {
    ConditionToken t = n.token;
    if (!t.isOperator()) {
      attribute(sb, t);
      return;
    }
    if (t.isUnaryOperator()) {
      sb.append(operatorName(t.code())).append(' ');
      literal(sb, n.lhs.token, domainSid);
    } else {
      attribute(sb, n.lhs.token);
      sb.append(' ').append(operatorName(t.code())).append(' ');
      literal(sb, n.rhs.token, domainSid);
    }
  }

  private static void literal(StringBuilder sb, ConditionToken t, Sid domainSid) {
    switch (t.code()) {
      case ConditionToken.INT8, ConditionToken.INT16, ConditionToken.INT32, ConditionToken.INT64 -> sb.append(integer(t));
      case ConditionToken.STRING -> {
        String v = (String) t.value();
        if (v.indexOf('"') >= 0) {
          throw new NotExpressibleInSddlException("a string literal holds a double quote, which SDDL cannot escape");
        }
        sb.append('"').append(v).append('"');
      }
      case ConditionToken.OCTETS -> sb.append('#').append(HexFormat.of().formatHex((byte[]) t.value()));
      case ConditionToken.SID -> sb.append("SID(").append(Sddl.formatSid((Sid) t.value(), domainSid)).append(')');
      case ConditionToken.COMPOSITE -> {
        List<ConditionToken> items = items(t);
        sb.append('{');
        for (int i = 0; i < items.size(); i++) {
          sb.append(i > 0 ? ", " : "");
          literal(sb, items.get(i), domainSid);
        }
        sb.append('}');
      }
      default -> attribute(sb, t);
    }
  }

  private static void attribute(StringBuilder sb, ConditionToken t) {
    String name = (String) t.value();
    if (name.isEmpty()) {
      throw new NotExpressibleInSddlException("an attribute name is empty");
    }
    switch (t.code()) {
      case ConditionToken.LOCAL_ATTR -> sb.append(simpleName(name));
      case ConditionToken.USER_ATTR -> sb.append("@User.").append(escapedName(name));
      case ConditionToken.RESOURCE_ATTR -> sb.append("@Resource.").append(escapedName(name));
      default -> sb.append("@Device.").append(escapedName(name));
    }
  }

  /** attr-name1: attr-char1 and '@' (not first), and not read as a Member_of/Exists keyword. */
  private static String simpleName(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!(Character.isLetterOrDigit(c) || ":./_".indexOf(c) >= 0 || (c == '@' && i > 0))) {
        throw new NotExpressibleInSddlException("a simple-form attribute name holds a character outside"
            + " attr-char1 (only @Prefixed names have %XXXX escapes)");
      }
    }
    int word = 0;
    while (word < name.length() && (Character.isLetterOrDigit(name.charAt(word)) || name.charAt(word) == '_')) {
      word++;
    }
    Integer op = ConditionalExpressionSddl.WORD_OPS.get(name.substring(0, word).toLowerCase(Locale.ROOT));
    if (op != null && ConditionalExpressionSddl.isPrefixOperator(op)) {
      throw new NotExpressibleInSddlException("a simple-form attribute name would read as an operator keyword");
    }
    return name;
  }

  /** attr-char2: %XXXX for every character the parser does not take literally; NUL has no form. */
  private static String escapedName(String name) {
    StringBuilder sb = new StringBuilder(name.length());
    for (char c : name.toCharArray()) {
      if (c == 0) {
        throw new NotExpressibleInSddlException("an attribute name holds NUL (%0000 is not allowed)");
      }
      if (ConditionalExpressionSddl.isNameChar(c)) {
        sb.append(c);
      } else {
        sb.append('%').append(String.format(Locale.ROOT, "%04x", (int) c));
      }
    }
    return sb.toString();
  }

  private static String integer(ConditionToken t) {
    long v = (Long) t.value();
    String prefix = t.sign() == 1 ? "+" : t.sign() == 2 ? "-" : "";
    long magnitude = t.sign() == 2 ? -v : v;
    String digits = switch (t.base()) {
      case 1 -> "0" + Long.toOctalString(magnitude); // zero is "00": a lone "0" reads back as decimal
      case 3 -> "0x" + Long.toHexString(magnitude);
      default -> Long.toUnsignedString(magnitude);
    };
    return prefix + digits;
  }

  static String operatorName(int code) {
    return switch (code) {
      case ConditionToken.EQ -> "==";
      case ConditionToken.NE -> "!=";
      case ConditionToken.LT -> "<";
      case ConditionToken.LE -> "<=";
      case ConditionToken.GT -> ">";
      case ConditionToken.GE -> ">=";
      case ConditionToken.AND -> "&&";
      case ConditionToken.OR -> "||";
      case ConditionToken.NOT -> "!";
      case ConditionToken.CONTAINS -> "Contains";
      case ConditionToken.NOT_CONTAINS -> "Not_Contains";
      case ConditionToken.ANY_OF -> "Any_of";
      case ConditionToken.NOT_ANY_OF -> "Not_Any_of";
      case ConditionToken.EXISTS -> "Exists";
      case ConditionToken.NOT_EXISTS -> "Not_Exists";
      case ConditionToken.MEMBER_OF -> "Member_of";
      case ConditionToken.NOT_MEMBER_OF -> "Not_Member_of";
      case ConditionToken.MEMBER_OF_ANY -> "Member_of_Any";
      case ConditionToken.NOT_MEMBER_OF_ANY -> "Not_Member_of_Any";
      case ConditionToken.DEVICE_MEMBER_OF -> "Device_Member_of";
      case ConditionToken.NOT_DEVICE_MEMBER_OF -> "Not_Device_Member_of";
      case ConditionToken.DEVICE_MEMBER_OF_ANY -> "Device_Member_of_Any";
      default -> "Not_Device_Member_of_Any";
    };
  }
}
