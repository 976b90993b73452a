package org.msrpc4j.idl.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.msrpc4j.idl.IdlException;
import org.msrpc4j.idl.ast.AcfFile;
import org.msrpc4j.idl.ast.Attribute;
import org.msrpc4j.idl.lex.Token;
import org.msrpc4j.idl.lex.TokenKind;

/**
 * Parses an ACF: {@code [attrs] interface name { typedef [attrs] T; [attrs] Op([attrs] p, …); include "x.h"; }}.
 * Not thread-safe; one instance per file.
 */
public final class AcfParser {
  private final TokenCursor in;

  /** @param tokens preprocessed ACF tokens */
  public AcfParser(List<Token> tokens) {
    this.in = new TokenCursor(tokens);
  }

  /** Parses the single interface an ACF configures. */
  public AcfFile parse() throws IdlException {
    List<Attribute> ifAttrs = attributes();
    Token kw = in.peek();
    if (!in.acceptWord("interface")) {
      throw new IdlException(kw.position(), "expected 'interface' in the ACF but found " + kw.describe());
    }
    Token name = in.expectIdentifier("the interface name");
    in.expect("{", "to open the ACF interface body");
    Map<String, List<Attribute>> types = new LinkedHashMap<>();
    Map<String, AcfFile.Operation> ops = new LinkedHashMap<>();
    while (!in.accept("}")) {
      Token t = in.peek();
      if (t.kind() == TokenKind.END) {
        throw new IdlException(name.position(), "ACF interface '" + name.text() + "' is not closed with '}'");
      }
      if (in.accept(";")) {
        continue;
      }
      if (in.acceptWord("include") || in.acceptWord("import")) {
        do {
          Token f = in.next();
          if (f.kind() != TokenKind.STRING) {
            throw new IdlException(f.position(), "expected a quoted file name but found " + f.describe());
          }
        } while (in.accept(","));
        in.expect(";", "after include");
        continue;
      }
      if (in.acceptWord("typedef")) {
        List<Attribute> attrs = attributes();
        do {
          Token typeName = in.expectIdentifier("a type name");
          types.computeIfAbsent(typeName.text(), k -> new ArrayList<>()).addAll(attrs);
        } while (in.accept(","));
        in.expect(";", "after typedef");
        continue;
      }
      List<Attribute> attrs = attributes();
      Token opName = in.expectIdentifier("an operation name");
      in.expect("(", "after operation name '" + opName.text() + "'");
      Map<String, List<Attribute>> params = new LinkedHashMap<>();
      if (!in.accept(")")) {
        do {
          List<Attribute> pa = attributes();
          Token p = in.expectIdentifier("a parameter name");
          params.put(p.text(), pa);
        } while (in.accept(","));
        in.expect(")", "to close the parameters of '" + opName.text() + "'");
      }
      in.expect(";", "after operation '" + opName.text() + "'");
      if (ops.containsKey(opName.text())) {
        throw new IdlException(opName.position(), "operation '" + opName.text() + "' appears twice in the ACF");
      }
      ops.put(opName.text(), new AcfFile.Operation(attrs, params, opName.position()));
    }
    in.accept(";");
    if (!in.atEnd()) {
      throw new IdlException(in.peek().position(), "unexpected " + in.peek().describe() + " after the ACF interface");
    }
    return new AcfFile(name.text(), ifAttrs, types, ops, kw.position());
  }

  private List<Attribute> attributes() throws IdlException {
    // ACF attributes use the same bracket syntax as IDL ones (implicit_handle(handle_t h) included).
    List<Attribute> attrs = new ArrayList<>();
    while (in.accept("[")) {
      if (in.accept("]")) {
        continue;
      }
      do {
        Token name = in.expectIdentifier("an ACF attribute name");
        String raw = null;
        if (in.peek().is("(")) {
          Token open = in.next();
          StringBuilder sb = new StringBuilder();
          int depth = 0;
          while (true) {
            Token t = in.next();
            if (t.kind() == TokenKind.END) {
              throw new IdlException(open.position(), "arguments of '" + name.text() + "' are not closed with ')'");
            }
            if (t.is("(")) {
              depth++;
            } else if (t.is(")") && depth-- == 0) {
              break;
            }
            sb.append(sb.length() == 0 ? "" : " ").append(t.text());
          }
          raw = sb.toString();
        }
        attrs.add(new Attribute(name.text(), List.of(), raw, null, name.position()));
      } while (in.accept(","));
      in.expect("]", "to close the ACF attribute list");
    }
    return attrs;
  }
}
