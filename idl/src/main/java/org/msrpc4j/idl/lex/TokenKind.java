package org.msrpc4j.idl.lex;

/** Lexical classes of MIDL (and C preprocessor) tokens. */
public enum TokenKind {
  /** An identifier or keyword; the parser decides which by its text. */
  IDENTIFIER,
  /** An integer literal (decimal, octal or hexadecimal, with optional U/L suffixes). */
  INTEGER,
  /** A number with a dot, as in {@code version(1.0)}. */
  DECIMAL,
  /** A double-quoted string literal; {@link Token#text()} holds the unescaped contents. */
  STRING,
  /** A single-quoted character literal; {@link Token#text()} holds the character. */
  CHARACTER,
  /** An operator or punctuator such as {@code (}, {@code <<} or {@code #}. */
  PUNCTUATOR,
  /** End of input. */
  END
}
