package org.msrpc4j.idl.pp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.msrpc4j.idl.IdlException;
import org.msrpc4j.idl.SourcePosition;
import org.msrpc4j.idl.lex.Token;
import org.msrpc4j.idl.lex.TokenKind;

/**
 * Expands object- and function-like macros in a token sequence, with C's rule that a macro is not
 * expanded again inside its own expansion. Expanded tokens take the position of the macro's use so
 * that errors point at the user's text. Not thread-safe.
 */
final class MacroExpander {
  /** Bounds the work a hostile macro set can cause (each expansion step counts). */
  private static final int MAX_EXPANSIONS = 1_000_000;

  private final Map<String, Macro> macros;
  private int expansions;

  MacroExpander(Map<String, Macro> macros) {
    this.macros = macros;
  }

  List<Token> expand(List<Token> in) throws IdlException {
    return expand(in, new HashSet<>(), null);
  }

  private List<Token> expand(List<Token> in, Set<String> active, SourcePosition useSite)
      throws IdlException {
    List<Token> out = new ArrayList<>();
    int i = 0;
    while (i < in.size()) {
      Token t = in.get(i);
      Macro m = t.kind() == TokenKind.IDENTIFIER ? macros.get(t.text()) : null;
      if (m == null || active.contains(m.name())) {
        out.add(t);
        i++;
        continue;
      }
      if (++expansions > MAX_EXPANSIONS) {
        throw new IdlException(t.position(), "macro expansion does not terminate (more than " + MAX_EXPANSIONS + " steps)");
      }
      SourcePosition at = useSite != null ? useSite : t.position();
      List<Token> replacement;
      if (m.functionLike()) {
        if (i + 1 >= in.size() || !in.get(i + 1).is("(")) {
          out.add(t); // a function-like macro name without '(' is an ordinary identifier
          i++;
          continue;
        }
        List<List<Token>> args = new ArrayList<>();
        i = collectArguments(in, i + 2, args, t);
        if (args.size() == 1 && args.get(0).isEmpty() && m.params().isEmpty()) {
          args.clear();
        }
        if (args.size() != m.params().size()) {
          throw new IdlException(t.position(), "macro '" + m.name() + "' takes " + m.params().size()
              + " argument(s) but is given " + args.size());
        }
        replacement = new ArrayList<>();
        for (Token b : m.body()) {
          int p = b.kind() == TokenKind.IDENTIFIER ? m.params().indexOf(b.text()) : -1;
          if (p >= 0) {
            replacement.addAll(expand(args.get(p), active, at));
          } else {
            replacement.add(b);
          }
        }
      } else {
        replacement = m.body();
        i++;
      }
      List<Token> moved = new ArrayList<>(replacement.size());
      for (Token r : replacement) {
        moved.add(r.at(at, false));
      }
      Set<String> inner = new HashSet<>(active);
      inner.add(m.name());
      out.addAll(expand(moved, inner, at));
    }
    return out;
  }

  /** Reads comma-separated, parenthesis-balanced arguments; returns the index after ')'. */
  private static int collectArguments(List<Token> in, int i, List<List<Token>> args, Token name)
      throws IdlException {
    List<Token> current = new ArrayList<>();
    int depth = 0;
    while (i < in.size()) {
      Token t = in.get(i++);
      if (t.is("(")) {
        depth++;
      } else if (t.is(")")) {
        if (depth == 0) {
          args.add(current);
          return i;
        }
        depth--;
      } else if (t.is(",") && depth == 0) {
        args.add(current);
        current = new ArrayList<>();
        continue;
      }
      current.add(t);
    }
    throw new IdlException(name.position(), "arguments of macro '" + name.text() + "' are not closed with ')'");
  }
}
