package org.msrpc4j.idl.ast;

import java.util.List;
import org.msrpc4j.idl.SourcePosition;

/** A type as written: a base type, a reference to a named type, a definition, or a declarator's pointer/array. Immutable. */
public sealed interface TypeRef {
  /** Where the type is written. */
  SourcePosition position();

  /** A built-in type. */
  record Primitive(PrimitiveKind kind, SourcePosition position) implements TypeRef {}

  /** A typedef name. */
  record Named(String name, SourcePosition position) implements TypeRef {}

  /** {@code struct X}, {@code union X} or {@code enum X} without a body. */
  record Tagged(Tag tag, String name, SourcePosition position) implements TypeRef {}

  /** A structure definition; {@code tag} is null when anonymous. */
  record Struct(String tag, List<Field> fields, SourcePosition position) implements TypeRef {}

  /**
   * A union definition. {@code encapsulated} is non-null for {@code union switch (type name) body}.
   */
  record Union(String tag, Switch encapsulated, List<UnionArm> arms, SourcePosition position)
      implements TypeRef {}

  /** An enumeration definition. */
  record Enum(String tag, List<Enumerator> values, SourcePosition position) implements TypeRef {}

  /** {@code target *}. */
  record Pointer(TypeRef target, SourcePosition position) implements TypeRef {}

  /**
   * {@code element name[size]}; {@code size} is null for {@code []} and {@code [*]} (conformant).
   */
  record Array(TypeRef element, Expr size, SourcePosition position) implements TypeRef {}

  /** {@code pipe element}. */
  record Pipe(TypeRef element, SourcePosition position) implements TypeRef {}

  /** Which namespace a tag lives in. */
  enum Tag {
    STRUCT,
    UNION,
    ENUM
  }

  /**
   * The discriminant of an encapsulated union: {@code switch (type name)} and the optional name of
   * the union member that follows the body.
   */
  record Switch(TypeRef type, String name, String unionName) {}
}
