package org.msrpc4j.idl.pp;

import java.util.List;
import org.msrpc4j.idl.SourcePosition;
import org.msrpc4j.idl.lex.Token;

/**
 * A {@code #define}: object-like when {@code params} is null, function-like otherwise.
 *
 * @param name macro name
 * @param params parameter names, or null for an object-like macro
 * @param body replacement tokens
 * @param position where it was defined
 */
public record Macro(String name, List<String> params, List<Token> body, SourcePosition position) {

  /** Whether it takes arguments. */
  public boolean functionLike() {
    return params != null;
  }
}
