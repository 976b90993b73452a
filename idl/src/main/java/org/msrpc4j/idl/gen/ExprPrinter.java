package org.msrpc4j.idl.gen;

import org.msrpc4j.idl.ast.Expr;
import org.msrpc4j.idl.ast.TypeRef;

/** Prints an IDL expression back as IDL text, for Javadoc. Stateless. */
final class ExprPrinter {
  private ExprPrinter() {}

  static String print(Expr e) {
    if (e instanceof Expr.IntLiteral i) {
      return Long.toString(i.value());
    } else if (e instanceof Expr.CharLiteral c) {
      return "'" + c.value() + "'";
    } else if (e instanceof Expr.StringLiteral s) {
      return "\"" + s.value() + "\"";
    } else if (e instanceof Expr.Name n) {
      return n.name();
    } else if (e instanceof Expr.Unary u) {
      return u.op() + print(u.operand());
    } else if (e instanceof Expr.Binary b) {
      return "(" + print(b.left()) + " " + b.op() + " " + print(b.right()) + ")";
    } else if (e instanceof Expr.Conditional c) {
      return "(" + print(c.condition()) + " ? " + print(c.whenTrue()) + " : " + print(c.whenFalse()) + ")";
    } else if (e instanceof Expr.Cast c) {
      return print(c.operand());
    } else if (e instanceof Expr.SizeOf s) {
      return "sizeof(" + typeName(s.type()) + ")";
    } else if (e instanceof Expr.Member m) {
      return print(m.target()) + "." + m.member();
    }
    return "";
  }

  private static String typeName(TypeRef t) {
    if (t instanceof TypeRef.Named n) {
      return n.name();
    }
    if (t instanceof TypeRef.Primitive p) {
      return p.kind().name().toLowerCase();
    }
    return "type";
  }
}
