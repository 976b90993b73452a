package org.msrpc4j.idl.gen;

import org.msrpc4j.idl.IdlException;
import org.msrpc4j.idl.ast.Expr;
import org.msrpc4j.idl.model.SymbolTable;

/**
 * Translates an IDL expression (size_is, length_is, switch_is, …) into a Java {@code long}
 * expression over the values in a {@link ValueScope}. Pointer dereferences are dropped because
 * generated Java holds a pointer's referent directly. Stateless apart from its inputs.
 */
final class ExpressionTranslator {
  private final SymbolTable symbols;

  ExpressionTranslator(SymbolTable symbols) {
    this.symbols = symbols;
  }

  /**
   * @return the Java expression, or null when the expression refers to a name not in scope (the
   *     caller then falls back, e.g. to the array's length)
   */
  String translate(Expr e, ValueScope scope) {
    try {
      return java(e, scope);
    } catch (IdlException notInScope) {
      return null;
    }
  }

  private String java(Expr e, ValueScope scope) throws IdlException {
    if (e instanceof Expr.IntLiteral i) {
      return i.value() + "L";
    } else if (e instanceof Expr.CharLiteral c) {
      return ((int) c.value()) + "L";
    } else if (e instanceof Expr.Name n) {
      ValueScope.Binding b = scope.get(n.name());
      if (b != null) {
        String v = JavaTypes.asLong(b.shape(), b.java());
        if (v == null) {
          throw new IdlException(n.position(), "'" + n.name() + "' is not an integer");
        }
        return v;
      }
      Long constant = symbols.integerValue(n.name());
      if (constant != null) {
        return constant + "L";
      }
      throw new IdlException(n.position(), "'" + n.name() + "' is not in scope");
    } else if (e instanceof Expr.Unary u) {
      String v = java(u.operand(), scope);
      return switch (u.op()) {
        case "*", "+" -> v;
        case "-" -> "(-" + v + ")";
        case "~" -> "(~" + v + ")";
        case "!" -> "(" + v + " == 0L ? 1L : 0L)";
        default -> throw new IdlException(u.position(), "'" + u.op() + "' is not supported in a size expression");
      };
    } else if (e instanceof Expr.Binary b) {
      String l = java(b.left(), scope);
      String r = java(b.right(), scope);
      return switch (b.op()) {
        case "+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>" -> "(" + l + " " + b.op() + " " + r + ")";
        case "==", "!=", "<", ">", "<=", ">=" -> "(" + l + " " + b.op() + " " + r + " ? 1L : 0L)";
        case "&&" -> "(" + l + " != 0L && " + r + " != 0L ? 1L : 0L)";
        case "||" -> "(" + l + " != 0L || " + r + " != 0L ? 1L : 0L)";
        default -> throw new IdlException(b.position(), "'" + b.op() + "' is not supported in a size expression");
      };
    } else if (e instanceof Expr.Conditional c) {
      return "(" + java(c.condition(), scope) + " != 0L ? " + java(c.whenTrue(), scope) + " : "
          + java(c.whenFalse(), scope) + ")";
    } else if (e instanceof Expr.Cast c) {
      return java(c.operand(), scope);
    } else if (e instanceof Expr.SizeOf s) {
      Long size = symbols.sizeOf(s.type());
      if (size == null) {
        throw new IdlException(s.position(), "sizeof of this type is not known");
      }
      return size + "L";
    } else if (e instanceof Expr.Member m) {
      ValueScope.Binding b = member(m, scope);
      String v = JavaTypes.asLong(b.shape(), b.java());
      if (v == null) {
        throw new IdlException(m.position(), "'" + m.member() + "' is not an integer");
      }
      return v;
    }
    throw new IdlException(e.position(), "this expression is not supported here");
  }

  private ValueScope.Binding member(Expr.Member m, ValueScope scope) throws IdlException {
    ValueScope.Binding target;
    if (m.target() instanceof Expr.Name n) {
      target = scope.get(n.name());
    } else if (m.target() instanceof Expr.Member inner) {
      target = member(inner, scope);
    } else {
      target = null;
    }
    if (target == null) {
      throw new IdlException(m.position(), "member access is not in scope");
    }
    Shape s = target.shape();
    while (s instanceof Shape.Ptr p) {
      s = p.target();
    }
    if (s instanceof Shape.StructRef r) {
      for (TypeCatalog.Member f : r.info().fields) {
        if (m.member().equals(f.field().name())) {
          return new ValueScope.Binding(target.java() + "." + f.javaName(), f.shape());
        }
      }
    }
    throw new IdlException(m.position(), "no member '" + m.member() + "' here");
  }
}
