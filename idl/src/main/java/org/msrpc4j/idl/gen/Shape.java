package org.msrpc4j.idl.gen;

import org.msrpc4j.idl.ast.Expr;
import org.msrpc4j.idl.ast.PrimitiveKind;

/**
 * How a value of an IDL type, in one place with its attributes, is represented in Java and on the
 * wire. The generator turns shapes into Java types and encode/decode statements. Immutable.
 */
sealed interface Shape {
  /** NDR alignment of the value's first octet. */
  int align();

  /** A base type. */
  record Prim(PrimitiveKind kind) implements Shape {
    @Override
    public int align() {
      return Math.max(1, kind.size());
    }
  }

  /** An enumeration (16-bit on the wire, 32-bit with {@code v1_enum}). */
  record EnumRef(String javaName, boolean v1) implements Shape {
    @Override
    public int align() {
      return v1 ? 4 : 2;
    }
  }

  /** A structure with its own generated class. */
  record StructRef(String javaName, TypeCatalog.StructInfo info) implements Shape {
    @Override
    public int align() {
      return info.align();
    }
  }

  /**
   * A union with its own generated class, in a place that supplies its discriminant: {@code
   * switchIs} for a non-encapsulated union (null for an encapsulated one, which carries it).
   */
  record UnionRef(String javaName, TypeCatalog.UnionInfo info, PrimitiveKind switchKind, Expr switchIs)
      implements Shape {
    @Override
    public int align() {
      return Math.max(info.armAlign(), Math.max(1, switchKind.size()));
    }
  }

  /** A context handle: 20 octets. */
  record Handle(String javaName) implements Shape {
    @Override
    public int align() {
      return 4;
    }
  }

  /**
   * A {@code [string]} of char or wchar_t. {@code fixedCount} is the array bound for {@code [string]
   * wchar_t x[N]} (varying only); otherwise null (conformant and varying).
   */
  record Str(boolean wide, Long fixedCount) implements Shape {
    @Override
    public int align() {
      return 4;
    }
  }

  /**
   * An array. {@code fixedCount} is set for {@code [N]}; {@code sizeIs} for conformant arrays
   * (from size_is, or max_is + 1); {@code lengthIs}/{@code firstIs} for varying ones.
   */
  record Arr(Shape element, Long fixedCount, Expr sizeIs, Expr lengthIs, Expr firstIs) implements Shape {
    boolean conformant() {
      return fixedCount == null;
    }

    boolean varying() {
      return lengthIs != null || firstIs != null;
    }

    @Override
    public int align() {
      return conformant() || varying() ? Math.max(4, element.align()) : element.align();
    }
  }

  /** A pointer: {@code ref}, {@code unique} or {@code ptr} (full). */
  record Ptr(String kind, Shape target) implements Shape {
    @Override
    public int align() {
      return 4;
    }
  }

  /** Something that cannot be transmitted (the reason says why); generated code fails at run time. */
  record NotRemotable(String why) implements Shape {
    @Override
    public int align() {
      return 1;
    }
  }
}
