package org.msrpc4j.idl.parse;

import java.util.List;
import org.msrpc4j.idl.IdlException;
import org.msrpc4j.idl.lex.Token;
import org.msrpc4j.idl.lex.TokenKind;

/**
 * A read position in a token list that ends with {@link TokenKind#END}, with helpers that fail with
 * a positioned message. Not thread-safe.
 */
public final class TokenCursor {
  private final List<Token> tokens;
  private int index;

  /** @param tokens tokens ending with an END token */
  public TokenCursor(List<Token> tokens) {
    if (tokens.isEmpty() || tokens.get(tokens.size() - 1).kind() != TokenKind.END) {
      throw new IllegalArgumentException("token list must end with END");
    }
    this.tokens = tokens;
  }

  /** The current token. */
  public Token peek() {
    return tokens.get(index);
  }

  /** The token {@code ahead} places after the current one (END past the end). */
  public Token peek(int ahead) {
    return tokens.get(Math.min(index + ahead, tokens.size() - 1));
  }

  /** Consumes and returns the current token (END stays current at the end). */
  public Token next() {
    Token t = tokens.get(index);
    if (t.kind() != TokenKind.END) {
      index++;
    }
    return t;
  }

  /** Whether the input is exhausted. */
  public boolean atEnd() {
    return peek().kind() == TokenKind.END;
  }

  /** Consumes the punctuator {@code p} if it is current. */
  public boolean accept(String p) {
    if (peek().is(p)) {
      index++;
      return true;
    }
    return false;
  }

  /** Consumes the word {@code w} if it is current. */
  public boolean acceptWord(String w) {
    if (peek().isWord(w)) {
      index++;
      return true;
    }
    return false;
  }

  /** Consumes the punctuator {@code p} or fails saying what was expected and where. */
  public Token expect(String p, String context) throws IdlException {
    Token t = peek();
    if (!t.is(p)) {
      throw new IdlException(t.position(), "expected '" + p + "' " + context + " but found " + t.describe());
    }
    return next();
  }

  /** Consumes an identifier or fails. */
  public Token expectIdentifier(String what) throws IdlException {
    Token t = peek();
    if (t.kind() != TokenKind.IDENTIFIER) {
      throw new IdlException(t.position(), "expected " + what + " but found " + t.describe());
    }
    return next();
  }

  /** Marks the current place, for {@link #reset}. */
  public int mark() {
    return index;
  }

  /** Returns to a place from {@link #mark}. */
  public void reset(int mark) {
    index = mark;
  }
}
