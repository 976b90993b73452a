package org.msrpc4j.idl.model;

import java.util.function.Function;
import org.msrpc4j.idl.IdlException;
import org.msrpc4j.idl.ast.Expr;
import org.msrpc4j.idl.ast.TypeRef;

/**
 * Evaluates constant integer expressions with 64-bit C semantics. Names are looked up through a
 * function supplied by the caller (constants, enumerators, or 0 for {@code #if}). Thread-safe if the
 * lookup functions are.
 */
public final class ConstantEvaluator {
  private final Function<String, Long> names;
  private final Function<TypeRef, Long> sizes;

  /**
   * @param names value of a name, or null when it is not a constant
   * @param sizes {@code sizeof} of a type, or null when unknown
   */
  public ConstantEvaluator(Function<String, Long> names, Function<TypeRef, Long> sizes) {
    this.names = names;
    this.sizes = sizes;
  }

  /** Evaluates {@code e}; fails with a positioned message when it is not constant. */
  public long evaluate(Expr e) throws IdlException {
    if (e instanceof Expr.IntLiteral i) {
      return i.value();
    } else if (e instanceof Expr.CharLiteral c) {
      return c.value();
    } else if (e instanceof Expr.Name n) {
      Long v = names.apply(n.name());
      if (v == null) {
        throw new IdlException(n.position(), "'" + n.name() + "' is not a constant");
      }
      return v;
    } else if (e instanceof Expr.Unary u) {
      long v = evaluate(u.operand());
      return switch (u.op()) {
        case "-" -> -v;
        case "+" -> v;
        case "~" -> ~v;
        case "!" -> v == 0 ? 1 : 0;
        default -> throw new IdlException(u.position(), "'" + u.op() + "' is not allowed in a constant");
      };
    } else if (e instanceof Expr.Binary b) {
      return binary(b);
    } else if (e instanceof Expr.Conditional c) {
      return evaluate(c.condition()) != 0 ? evaluate(c.whenTrue()) : evaluate(c.whenFalse());
    } else if (e instanceof Expr.Cast c) {
      return evaluate(c.operand());
    } else if (e instanceof Expr.SizeOf s) {
      Long v = sizes.apply(s.type());
      if (v == null) {
        throw new IdlException(s.position(), "sizeof of this type is not known");
      }
      return v;
    }
    throw new IdlException(e.position(), "this expression is not a constant");
  }

  private long binary(Expr.Binary b) throws IdlException {
    long l = evaluate(b.left());
    if (b.op().equals("&&")) {
      return l != 0 && evaluate(b.right()) != 0 ? 1 : 0;
    }
    if (b.op().equals("||")) {
      return l != 0 || evaluate(b.right()) != 0 ? 1 : 0;
    }
    long r = evaluate(b.right());
    return switch (b.op()) {
      case "+" -> l + r;
      case "-" -> l - r;
      case "*" -> l * r;
      case "/", "%" -> {
        if (r == 0) {
          throw new IdlException(b.position(), "division by zero in a constant");
        }
        yield b.op().equals("/") ? l / r : l % r;
      }
      case "<<" -> l << r;
      case ">>" -> l >> r;
      case "&" -> l & r;
      case "|" -> l | r;
      case "^" -> l ^ r;
      case "==" -> l == r ? 1 : 0;
      case "!=" -> l != r ? 1 : 0;
      case "<" -> l < r ? 1 : 0;
      case ">" -> l > r ? 1 : 0;
      case "<=" -> l <= r ? 1 : 0;
      case ">=" -> l >= r ? 1 : 0;
      default -> throw new IdlException(b.position(), "'" + b.op() + "' is not allowed in a constant");
    };
  }
}
