package org.msrpc4j.idl.parse;

import java.util.Set;
import org.msrpc4j.idl.IdlException;
import org.msrpc4j.idl.SourcePosition;
import org.msrpc4j.idl.ast.Expr;
import org.msrpc4j.idl.ast.PrimitiveKind;
import org.msrpc4j.idl.ast.TypeRef;
import org.msrpc4j.idl.lex.Token;
import org.msrpc4j.idl.lex.TokenKind;

/**
 * Parses C expressions as MIDL uses them (constants, bounds, {@code #if} conditions) with C's
 * precedence. Stateless apart from the cursor it reads; not thread-safe.
 */
public final class ExpressionParser {
  /** Words that can only start a type, which tells a cast from a parenthesised expression. */
  private static final Set<String> TYPE_WORDS =
      Set.of("unsigned", "signed", "int", "long", "short", "char", "small", "hyper", "byte",
          "boolean", "wchar_t", "float", "double", "__int8", "__int16", "__int32", "__int64",
          "__int3264", "const", "struct", "union", "enum", "void");

  /** Bounds recursion so that "((((…" fails with a message instead of a StackOverflowError. */
  private static final int MAX_DEPTH = 200;

  private final TokenCursor in;
  private final Set<String> typeNames;
  private int depth;

  /**
   * @param in tokens to read
   * @param typeNames typedef names known at this point, so that {@code (DWORD) x} is read as a cast
   */
  public ExpressionParser(TokenCursor in, Set<String> typeNames) {
    this.in = in;
    this.typeNames = typeNames;
  }

  /** Parses a full (conditional) expression, without the comma operator. */
  public Expr parse() throws IdlException {
    if (++depth > MAX_DEPTH) {
      throw new IdlException(in.peek().position(), "expression nested more than " + MAX_DEPTH + " deep");
    }
    try {
      return conditional();
    } finally {
      depth--;
    }
  }

  private Expr conditional() throws IdlException {
    Expr cond = binary(0);
    if (in.peek().is("?")) {
      SourcePosition at = in.next().position();
      Expr a = parse();
      in.expect(":", "in a conditional expression");
      Expr b = parse();
      return new Expr.Conditional(cond, a, b, at);
    }
    return cond;
  }

  private static final String[][] LEVELS = {
    {"||"}, {"&&"}, {"|"}, {"^"}, {"&"}, {"==", "!="}, {"<", ">", "<=", ">="}, {"<<", ">>"},
    {"+", "-"}, {"*", "/", "%"}
  };

  private Expr binary(int level) throws IdlException {
    if (level == LEVELS.length) {
      return unary();
    }
    Expr left = binary(level + 1);
    while (true) {
      Token t = in.peek();
      String op = null;
      if (t.kind() == TokenKind.PUNCTUATOR) {
        for (String candidate : LEVELS[level]) {
          if (t.text().equals(candidate)) {
            op = candidate;
          }
        }
      }
      if (op == null) {
        return left;
      }
      in.next();
      Expr right = binary(level + 1);
      left = new Expr.Binary(op, left, right, t.position());
    }
  }

  private Expr unary() throws IdlException {
    if (depth > MAX_DEPTH) {
      throw new IdlException(in.peek().position(), "expression nested more than " + MAX_DEPTH + " deep");
    }
    Token t = in.peek();
    if (t.kind() == TokenKind.PUNCTUATOR
        && (t.text().equals("-") || t.text().equals("+") || t.text().equals("~")
            || t.text().equals("!") || t.text().equals("*") || t.text().equals("&"))) {
      in.next();
      depth++;
      try {
        return new Expr.Unary(t.text(), unary(), t.position());
      } finally {
        depth--;
      }
    }
    if (t.isWord("sizeof")) {
      in.next();
      in.expect("(", "after sizeof");
      TypeRef type = typeName();
      in.expect(")", "to close sizeof");
      return new Expr.SizeOf(type, t.position());
    }
    if (t.is("(") && looksLikeCast()) {
      in.next();
      TypeRef type = typeName();
      in.expect(")", "to close a cast");
      return new Expr.Cast(type, unary(), t.position());
    }
    return postfix(primary());
  }

  private boolean looksLikeCast() {
    Token first = in.peek(1);
    if (first.kind() != TokenKind.IDENTIFIER) {
      return false;
    }
    if (TYPE_WORDS.contains(first.text())) {
      return true;
    }
    if (!typeNames.contains(first.text())) {
      return false;
    }
    // A typedef name in parentheses is a cast only when an operand follows it.
    int i = 2;
    while (in.peek(i).is("*")) {
      i++;
    }
    if (!in.peek(i).is(")")) {
      return false;
    }
    Token after = in.peek(i + 1);
    return after.kind() == TokenKind.IDENTIFIER || after.kind() == TokenKind.INTEGER || after.is("(");
  }

  /** A type name inside sizeof or a cast: specifier words followed by stars. */
  private TypeRef typeName() throws IdlException {
    SourcePosition at = in.peek().position();
    StringBuilder words = new StringBuilder();
    String last = null;
    while (in.peek().kind() == TokenKind.IDENTIFIER) {
      last = in.next().text();
      if (!last.equals("const")) {
        words.append(words.length() == 0 ? "" : " ").append(last);
      }
    }
    if (last == null) {
      throw new IdlException(at, "expected a type name but found " + in.peek().describe());
    }
    PrimitiveKind kind = PrimitiveSpelling.parse(words.toString());
    TypeRef type = kind != null ? new TypeRef.Primitive(kind, at) : new TypeRef.Named(last, at);
    while (in.accept("*")) {
      type = new TypeRef.Pointer(type, at);
    }
    return type;
  }

  private Expr postfix(Expr e) throws IdlException {
    while (true) {
      Token t = in.peek();
      if (t.is(".") || t.is("->")) {
        in.next();
        Token name = in.expectIdentifier("a member name after " + t.describe());
        e = new Expr.Member(e, name.text(), t.position());
      } else {
        return e;
      }
    }
  }

  private Expr primary() throws IdlException {
    Token t = in.next();
    switch (t.kind()) {
      case INTEGER:
        return new Expr.IntLiteral(parseInteger(t), t.position());
      case CHARACTER:
        if (t.text().length() != 1) {
          throw new IdlException(t.position(), "a character literal must hold one character");
        }
        return new Expr.CharLiteral(t.text().charAt(0), t.position());
      case STRING:
        return new Expr.StringLiteral(t.text(), t.position());
      case IDENTIFIER:
        return new Expr.Name(t.text(), t.position());
      case PUNCTUATOR:
        if (t.text().equals("(")) {
          Expr inner = parse();
          in.expect(")", "to close the parenthesis opened at " + t.position());
          return inner;
        }
        break;
      default:
        break;
    }
    throw new IdlException(t.position(), "expected an expression but found " + t.describe());
  }

  /** Reads an INTEGER token's digits as C does (0x hex, leading 0 octal), as an unsigned 64-bit value. */
  static long parseInteger(Token t) throws IdlException {
    String s = t.text().replaceFirst("(?i)(i64|i32|i16|[ul]+)$", "");
    try {
      if (s.startsWith("0x") || s.startsWith("0X")) {
        return Long.parseUnsignedLong(s.substring(2), 16);
      }
      if (s.length() > 1 && s.startsWith("0")) {
        return Long.parseUnsignedLong(s.substring(1), 8);
      }
      return Long.parseUnsignedLong(s);
    } catch (NumberFormatException e) {
      throw new IdlException(t.position(), "'" + s + "' is not a valid integer");
    }
  }
}
