package org.msrpc4j.idl.ast;

import org.msrpc4j.idl.SourcePosition;

/**
 * An expression as written in IDL: array bounds, {@code size_is} and friends, {@code case} labels,
 * constants and {@code #if} conditions. Immutable.
 */
public sealed interface Expr {
  /** Where the expression starts. */
  SourcePosition position();

  /** An integer literal. */
  record IntLiteral(long value, SourcePosition position) implements Expr {}

  /** A character literal, valued as its code point. */
  record CharLiteral(char value, SourcePosition position) implements Expr {}

  /** A string literal (only meaningful in constants). */
  record StringLiteral(String value, SourcePosition position) implements Expr {}

  /** A name: a constant, an enumerator, a macro left undefined, or a field/parameter. */
  record Name(String name, SourcePosition position) implements Expr {}

  /** A prefix operator: {@code - + ~ ! *} (dereference) or {@code &} (address-of). */
  record Unary(String op, Expr operand, SourcePosition position) implements Expr {}

  /** A binary operator. */
  record Binary(String op, Expr left, Expr right, SourcePosition position) implements Expr {}

  /** {@code cond ? a : b}. */
  record Conditional(Expr condition, Expr whenTrue, Expr whenFalse, SourcePosition position)
      implements Expr {}

  /** {@code (type) operand}; the cast is kept only for its width. */
  record Cast(TypeRef type, Expr operand, SourcePosition position) implements Expr {}

  /** {@code sizeof(type)}. */
  record SizeOf(TypeRef type, SourcePosition position) implements Expr {}

  /** {@code a.b} or {@code a->b}. */
  record Member(Expr target, String member, SourcePosition position) implements Expr {}

  /** An argument left out, as the first one in {@code size_is(, *pcb)}. */
  record Empty(SourcePosition position) implements Expr {}
}
