package org.msrpc4j.idl.model;

import org.msrpc4j.idl.ast.Attribute;
import org.msrpc4j.idl.ast.Expr;
import org.msrpc4j.idl.ast.Field;
import org.msrpc4j.idl.ast.TypeRef;
import org.msrpc4j.idl.ast.UnionArm;

/**
 * A canonical text for a type, ignoring positions: two declarations mean the same when their texts
 * are equal (used to accept identical redefinitions).
 */
final class TypeDescriber {
  private TypeDescriber() {}

  static String describe(TypeRef t) {
    StringBuilder sb = new StringBuilder();
    type(t, sb);
    return sb.toString();
  }

  private static void type(TypeRef t, StringBuilder sb) {
    if (t instanceof TypeRef.Primitive p) {
      sb.append(p.kind());
    } else if (t instanceof TypeRef.Named n) {
      sb.append(n.name());
    } else if (t instanceof TypeRef.Tagged g) {
      sb.append(g.tag()).append(' ').append(g.name());
    } else if (t instanceof TypeRef.Pointer p) {
      type(p.target(), sb);
      sb.append('*');
    } else if (t instanceof TypeRef.Array a) {
      type(a.element(), sb);
      sb.append('[');
      if (a.size() != null) {
        expr(a.size(), sb);
      }
      sb.append(']');
    } else if (t instanceof TypeRef.Pipe p) {
      sb.append("pipe ");
      type(p.element(), sb);
    } else if (t instanceof TypeRef.Struct s) {
      sb.append("struct ").append(s.tag()).append('{');
      for (Field f : s.fields()) {
        field(f, sb);
      }
      sb.append('}');
    } else if (t instanceof TypeRef.Union u) {
      sb.append("union ").append(u.tag()).append('{');
      for (UnionArm a : u.arms()) {
        sb.append(a.isDefault() ? "default" : "case");
        for (Expr e : a.cases()) {
          expr(e, sb);
          sb.append(',');
        }
        if (a.member() != null) {
          field(a.member(), sb);
        }
      }
      sb.append('}');
    } else if (t instanceof TypeRef.Enum e) {
      sb.append("enum ").append(e.tag()).append('{');
      e.values().forEach(v -> {
        sb.append(v.name());
        if (v.value() != null) {
          sb.append('=');
          expr(v.value(), sb);
        }
        sb.append(',');
      });
      sb.append('}');
    }
  }

  private static void field(Field f, StringBuilder sb) {
    for (Attribute a : f.attrs()) {
      sb.append('[').append(a.name());
      a.args().forEach(e -> expr(e, sb.append(' ')));
      sb.append(']');
    }
    type(f.type(), sb);
    sb.append(' ').append(f.name()).append(';');
  }

  private static void expr(Expr e, StringBuilder sb) {
    if (e instanceof Expr.IntLiteral i) {
      sb.append(i.value());
    } else if (e instanceof Expr.CharLiteral c) {
      sb.append('\'').append(c.value()).append('\'');
    } else if (e instanceof Expr.StringLiteral s) {
      sb.append('"').append(s.value()).append('"');
    } else if (e instanceof Expr.Name n) {
      sb.append(n.name());
    } else if (e instanceof Expr.Unary u) {
      sb.append('(').append(u.op());
      expr(u.operand(), sb);
      sb.append(')');
    } else if (e instanceof Expr.Binary b) {
      sb.append('(');
      expr(b.left(), sb);
      sb.append(b.op());
      expr(b.right(), sb);
      sb.append(')');
    } else if (e instanceof Expr.Conditional c) {
      sb.append('(');
      expr(c.condition(), sb);
      sb.append('?');
      expr(c.whenTrue(), sb);
      sb.append(':');
      expr(c.whenFalse(), sb);
      sb.append(')');
    } else if (e instanceof Expr.Cast c) {
      sb.append("((");
      type(c.type(), sb);
      sb.append(')');
      expr(c.operand(), sb);
      sb.append(')');
    } else if (e instanceof Expr.SizeOf s) {
      sb.append("sizeof(");
      type(s.type(), sb);
      sb.append(')');
    } else if (e instanceof Expr.Member m) {
      expr(m.target(), sb);
      sb.append('.').append(m.member());
    }
  }
}
