package org.msrpc4j.idl.pp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.msrpc4j.idl.IdlException;
import org.msrpc4j.idl.IncludePath;
import org.msrpc4j.idl.SourcePosition;
import org.msrpc4j.idl.ast.Expr;
import org.msrpc4j.idl.lex.Lexer;
import org.msrpc4j.idl.lex.Token;
import org.msrpc4j.idl.lex.TokenKind;
import org.msrpc4j.idl.model.ConstantEvaluator;
import org.msrpc4j.idl.parse.ExpressionParser;
import org.msrpc4j.idl.parse.TokenCursor;

/**
 * The C preprocessor subset MIDL needs: {@code #define} (object- and function-like),
 * {@code #undef}, {@code #if/#ifdef/#ifndef/#elif/#else/#endif} with {@code defined()},
 * {@code #include}; {@code #pragma} and {@code #line} are ignored. {@code MIDL_PASS} and
 * {@code __midl} are predefined, as MIDL does.
 *
 * <p>Not thread-safe: one instance per compilation. Macros defined in a file stay defined for the
 * rest of that compilation, including files it includes afterwards.
 */
public final class Preprocessor {
  /** Bounds include nesting so that a file that includes itself fails instead of recursing forever. */
  private static final int MAX_INCLUDE_DEPTH = 64;

  private final IncludePath includePath;
  private final Map<String, Macro> macros = new HashMap<>();
  private final MacroExpander expander = new MacroExpander(macros);

  /** @param includePath where {@code #include} looks */
  public Preprocessor(IncludePath includePath) {
    this.includePath = includePath;
    define("MIDL_PASS", "1");
    define("__midl", "501");
  }

  /** Predefines an object-like macro, as {@code -D name=value} would. */
  public void define(String name, String value) {
    try {
      List<Token> body = new Lexer("<command line>", value).tokenize();
      body = body.subList(0, body.size() - 1);
      macros.put(name, new Macro(name, null, List.copyOf(body), new SourcePosition("<command line>", 1, 1)));
    } catch (IdlException e) {
      throw new IllegalArgumentException("bad macro value for " + name + ": " + e.getMessage(), e);
    }
  }

  /** The macros defined so far (read-only view). */
  public Map<String, Macro> macros() {
    return Collections.unmodifiableMap(macros);
  }

  /** Preprocesses {@code file}; the result ends with an END token. */
  public List<Token> run(Path file) throws IdlException {
    List<Token> out = new ArrayList<>();
    process(file, file.toString(), out, 0, new SourcePosition(file.toString(), 1, 1));
    out.add(new Token(TokenKind.END, "", new SourcePosition(file.toString(), Integer.MAX_VALUE, 1), true));
    return out;
  }

  /** Preprocesses source text held in memory (includes resolve against the include path only). */
  public List<Token> run(String name, String text) throws IdlException {
    List<Token> out = new ArrayList<>();
    processTokens(new Lexer(name, text).tokenize(), null, out, 0);
    out.add(new Token(TokenKind.END, "", new SourcePosition(name, Integer.MAX_VALUE, 1), true));
    return out;
  }

  private void process(Path file, String shownName, List<Token> out, int depth, SourcePosition from)
      throws IdlException {
    if (depth > MAX_INCLUDE_DEPTH) {
      throw new IdlException(from, "#include nested more than " + MAX_INCLUDE_DEPTH + " deep (does a file include itself?)");
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IdlException(from, "cannot read " + file + ": " + e.getMessage());
    }
    processTokens(new Lexer(shownName, text).tokenize(), file, out, depth);
  }

  private void processTokens(List<Token> tokens, Path file, List<Token> out, int depth)
      throws IdlException {
    Deque<Conditional> conditions = new ArrayDeque<>();
    List<Token> pending = new ArrayList<>();
    int i = 0;
    while (tokens.get(i).kind() != TokenKind.END) {
      Token t = tokens.get(i);
      if (t.is("#") && t.lineStart()) {
        int end = i + 1;
        while (tokens.get(end).kind() != TokenKind.END && !tokens.get(end).lineStart()) {
          end++;
        }
        out.addAll(expander.expand(pending));
        pending.clear();
        directive(t, tokens.subList(i + 1, end), conditions, file, out, depth);
        i = end;
        continue;
      }
      if (conditions.isEmpty() || conditions.peek().active) {
        pending.add(t);
      }
      i++;
    }
    out.addAll(expander.expand(pending));
    if (!conditions.isEmpty()) {
      throw new IdlException(conditions.peek().opened, "this conditional is not closed with #endif");
    }
  }

  private void directive(Token hash, List<Token> line, Deque<Conditional> conditions, Path file,
      List<Token> out, int depth) throws IdlException {
    if (line.isEmpty()) {
      return; // the null directive
    }
    Token name = line.get(0);
    List<Token> rest = line.subList(1, line.size());
    boolean active = conditions.isEmpty() || conditions.peek().active;
    switch (name.text()) {
      case "if" -> conditions.push(Conditional.open(hash.position(), active, active && condition(name, rest)));
      case "ifdef", "ifndef" -> {
        String macro = singleName(name, rest);
        boolean defined = macros.containsKey(macro);
        conditions.push(Conditional.open(hash.position(), active, active && (defined == name.text().equals("ifdef"))));
      }
      case "elif" -> {
        Conditional c = current(conditions, name);
        if (c.sawElse) {
          throw new IdlException(name.position(), "#elif after #else");
        }
        boolean take = c.parentActive && !c.taken && condition(name, rest);
        c.active = take;
        c.taken |= take;
      }
      case "else" -> {
        Conditional c = current(conditions, name);
        if (c.sawElse) {
          throw new IdlException(name.position(), "a second #else for the same #if");
        }
        c.sawElse = true;
        c.active = c.parentActive && !c.taken;
        c.taken = true;
      }
      case "endif" -> {
        current(conditions, name);
        conditions.pop();
      }
      default -> {
        if (active) {
          activeDirective(name, rest, file, out, depth);
        }
      }
    }
  }

  private void activeDirective(Token name, List<Token> rest, Path file, List<Token> out, int depth)
      throws IdlException {
    switch (name.text()) {
      case "define" -> define(name, rest);
      case "undef" -> macros.remove(singleName(name, rest));
      case "include" -> include(name, rest, file, out, depth);
      case "pragma", "line", "warning", "ident" -> {
        // No effect on the interface definition: packing, warnings and line markers are C concerns.
      }
      case "error" -> throw new IdlException(name.position(), "#error " + joined(rest));
      default -> throw new IdlException(name.position(), "unknown preprocessor directive #" + name.text());
    }
  }

  private static Conditional current(Deque<Conditional> conditions, Token name) throws IdlException {
    if (conditions.isEmpty()) {
      throw new IdlException(name.position(), "#" + name.text() + " without a matching #if");
    }
    return conditions.peek();
  }

  private static String singleName(Token directive, List<Token> rest) throws IdlException {
    if (rest.isEmpty() || rest.get(0).kind() != TokenKind.IDENTIFIER) {
      throw new IdlException(directive.position(), "#" + directive.text() + " needs a macro name");
    }
    return rest.get(0).text();
  }

  private void define(Token directive, List<Token> rest) throws IdlException {
    String name = singleName(directive, rest);
    Token nameToken = rest.get(0);
    List<String> params = null;
    int bodyStart = 1;
    // Function-like only when '(' touches the name, as in C.
    if (rest.size() > 1 && rest.get(1).is("(")
        && rest.get(1).position().line() == nameToken.position().line()
        && rest.get(1).position().column() == nameToken.position().column() + name.length()) {
      params = new ArrayList<>();
      int i = 2;
      while (true) {
        if (i >= rest.size()) {
          throw new IdlException(directive.position(), "parameter list of macro '" + name + "' is not closed");
        }
        Token p = rest.get(i++);
        if (p.is(")")) {
          break;
        }
        if (p.is(",")) {
          continue;
        }
        if (p.kind() != TokenKind.IDENTIFIER && !p.is("...")) {
          throw new IdlException(p.position(), "expected a parameter name in macro '" + name + "' but found " + p.describe());
        }
        params.add(p.text());
      }
      bodyStart = i;
    }
    macros.put(name, new Macro(name, params, List.copyOf(rest.subList(bodyStart, rest.size())), nameToken.position()));
  }

  private void include(Token directive, List<Token> rest, Path file, List<Token> out, int depth)
      throws IdlException {
    String target;
    if (rest.size() == 1 && rest.get(0).kind() == TokenKind.STRING) {
      target = rest.get(0).text();
    } else if (!rest.isEmpty() && rest.get(0).is("<") && rest.get(rest.size() - 1).is(">")) {
      target = joined(rest.subList(1, rest.size() - 1)).replace(" ", "");
    } else {
      throw new IdlException(directive.position(), "#include needs \"file\" or <file>");
    }
    Path found = includePath.resolve(target, file);
    if (found == null) {
      throw new IdlException(directive.position(), "cannot find include file '" + target + "' beside the file or on the -I path");
    }
    process(found, target, out, depth + 1, directive.position());
  }

  private boolean condition(Token directive, List<Token> rest) throws IdlException {
    if (rest.isEmpty()) {
      throw new IdlException(directive.position(), "#" + directive.text() + " needs a condition");
    }
    List<Token> resolved = new ArrayList<>();
    for (int i = 0; i < rest.size(); i++) {
      Token t = rest.get(i);
      if (t.isWord("defined")) {
        boolean paren = i + 1 < rest.size() && rest.get(i + 1).is("(");
        int nameIndex = paren ? i + 2 : i + 1;
        if (nameIndex >= rest.size() || rest.get(nameIndex).kind() != TokenKind.IDENTIFIER) {
          throw new IdlException(t.position(), "defined needs a macro name");
        }
        boolean isDefined = macros.containsKey(rest.get(nameIndex).text());
        resolved.add(new Token(TokenKind.INTEGER, isDefined ? "1" : "0", t.position(), false));
        i = nameIndex;
        if (paren) {
          if (i + 1 >= rest.size() || !rest.get(i + 1).is(")")) {
            throw new IdlException(t.position(), "defined( is not closed with ')'");
          }
          i++;
        }
      } else {
        resolved.add(t);
      }
    }
    List<Token> expanded = new ArrayList<>(expander.expand(resolved));
    SourcePosition end = rest.get(rest.size() - 1).position();
    expanded.add(new Token(TokenKind.END, "", end, true));
    TokenCursor cursor = new TokenCursor(expanded);
    Expr e = new ExpressionParser(cursor, new HashSet<>()).parse();
    if (!cursor.atEnd()) {
      throw new IdlException(cursor.peek().position(), "unexpected " + cursor.peek().describe() + " in #" + directive.text());
    }
    // Names left after expansion are undefined macros, which C evaluates as 0.
    return new ConstantEvaluator(n -> 0L, t -> null).evaluate(e) != 0;
  }

  private static String joined(List<Token> tokens) {
    StringBuilder sb = new StringBuilder();
    for (Token t : tokens) {
      sb.append(sb.length() == 0 ? "" : " ").append(t.text());
    }
    return sb.toString();
  }

  /** State of one #if … #endif group. */
  private static final class Conditional {
    final SourcePosition opened;
    final boolean parentActive;
    boolean active;
    boolean taken;
    boolean sawElse;

    private Conditional(SourcePosition opened, boolean parentActive, boolean active) {
      this.opened = opened;
      this.parentActive = parentActive;
      this.active = active;
      this.taken = active;
    }

    static Conditional open(SourcePosition at, boolean parentActive, boolean active) {
      return new Conditional(at, parentActive, active);
    }
  }
}
