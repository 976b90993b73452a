package org.msrpc4j.idl.ast;

import java.util.List;
import org.msrpc4j.idl.SourcePosition;

/**
 * One attribute in square brackets, such as {@code size_is(, *pcb)} or {@code uuid(...)}.
 *
 * @param name attribute name
 * @param args parsed arguments ({@link Expr.Empty} for an omitted one); empty when there are none
 *     or when the argument is not an expression (then see {@code raw})
 * @param raw the arguments' source text for attributes whose argument is not an expression
 *     ({@code uuid}, {@code version}, {@code endpoint}, {@code annotation}, …); otherwise null
 * @param typeArg the type argument of {@code switch_type}, {@code transmit_as} and the like; otherwise
 *     null
 * @param position where the name is
 */
public record Attribute(
    String name, List<Expr> args, String raw, TypeRef typeArg, SourcePosition position) {

  /** Finds the attribute named {@code name}, or null. */
  public static Attribute find(List<Attribute> attrs, String name) {
    for (Attribute a : attrs) {
      if (a.name.equals(name)) {
        return a;
      }
    }
    return null;
  }

  /** Whether {@code attrs} holds an attribute named {@code name}. */
  public static boolean has(List<Attribute> attrs, String name) {
    return find(attrs, name) != null;
  }
}
