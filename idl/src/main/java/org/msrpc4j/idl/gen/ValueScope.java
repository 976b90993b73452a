package org.msrpc4j.idl.gen;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What IDL names mean in generated Java at one place: for a structure's encode, {@code this.count};
 * for its decode, {@code v.count}; in a stub, the parameter {@code count}. Used to translate size_is,
 * length_is and switch_is expressions. Not thread-safe.
 */
final class ValueScope {
  /** A name's Java expression and shape. */
  record Binding(String java, Shape shape) {}

  private final Map<String, Binding> names = new LinkedHashMap<>();

  /** An empty scope: only constants are known. */
  static ValueScope empty() {
    return new ValueScope();
  }

  ValueScope bind(String idlName, String java, Shape shape) {
    names.put(idlName, new Binding(java, shape));
    return this;
  }

  Binding get(String idlName) {
    return names.get(idlName);
  }
}
