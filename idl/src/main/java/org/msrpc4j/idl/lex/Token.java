package org.msrpc4j.idl.lex;

import org.msrpc4j.idl.SourcePosition;

/**
 * One token with its position.
 *
 * @param kind lexical class
 * @param text identifier/punctuator text, literal contents for strings and characters, digits for
 *     numbers
 * @param position where the token starts (for macro expansions: where the macro was used)
 * @param lineStart whether the token is the first on its logical line (needed for {@code #}
 *     directives)
 */
public record Token(TokenKind kind, String text, SourcePosition position, boolean lineStart) {

  /** Whether this is the punctuator {@code p}. */
  public boolean is(String p) {
    return kind == TokenKind.PUNCTUATOR && text.equals(p);
  }

  /** Whether this is the identifier or keyword {@code word}. */
  public boolean isWord(String word) {
    return kind == TokenKind.IDENTIFIER && text.equals(word);
  }

  /** This token moved to another position, as when a macro body is expanded at its use. */
  public Token at(SourcePosition where, boolean atLineStart) {
    return new Token(kind, text, where, atLineStart);
  }

  /** How the token reads in source, for messages. */
  public String describe() {
    return switch (kind) {
      case END -> "end of file";
      case STRING -> "\"" + text + "\"";
      case CHARACTER -> "'" + text + "'";
      default -> "'" + text + "'";
    };
  }
}
