package org.msrpc4j.idl.ast;

import java.util.List;
import org.msrpc4j.idl.SourcePosition;

/** A top-level or interface-level declaration. Immutable. */
public sealed interface Definition {
  /** Where it starts. */
  SourcePosition position();

  /** {@code typedef [attrs] type name;} (one per declarator). */
  record Typedef(List<Attribute> attrs, String name, TypeRef type, SourcePosition position)
      implements Definition {}

  /** A tagged struct/union/enum declared on its own: {@code struct X { … };}. */
  record TagDefinition(List<Attribute> attrs, TypeRef type, SourcePosition position)
      implements Definition {}

  /** {@code const type name = value;}. */
  record Const(TypeRef type, String name, Expr value, SourcePosition position)
      implements Definition {}

  /** An operation (procedure) of an interface. */
  record Operation(
      List<Attribute> attrs, TypeRef returnType, String name, List<Field> params, SourcePosition position)
      implements Definition {}

  /** {@code import "a.idl", "b.idl";}. */
  record Import(List<String> files, SourcePosition position) implements Definition {}

  /** An interface with its attributes and body. */
  record Interface(
      List<Attribute> attrs, String name, String base, List<Definition> body, SourcePosition position)
      implements Definition {}
}
