package org.msrpc4j.idl.parse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.msrpc4j.idl.IdlException;
import org.msrpc4j.idl.SourcePosition;
import org.msrpc4j.idl.ast.Attribute;
import org.msrpc4j.idl.ast.Definition;
import org.msrpc4j.idl.ast.Enumerator;
import org.msrpc4j.idl.ast.Expr;
import org.msrpc4j.idl.ast.Field;
import org.msrpc4j.idl.ast.IdlFile;
import org.msrpc4j.idl.ast.PrimitiveKind;
import org.msrpc4j.idl.ast.TypeRef;
import org.msrpc4j.idl.ast.UnionArm;
import org.msrpc4j.idl.lex.Token;
import org.msrpc4j.idl.lex.TokenKind;

/**
 * Recursive-descent parser for MIDL IDL as Microsoft's protocol specifications write it, over
 * preprocessed tokens. Produces the syntax tree only; names are resolved later by the model builder.
 * Not thread-safe; one instance per file.
 */
public final class IdlParser {
  /** Attributes whose argument is kept as source text rather than parsed as expressions. */
  private static final Set<String> RAW_ARGUMENT_ATTRIBUTES =
      Set.of("uuid", "version", "endpoint", "annotation", "helpstring", "helpfile", "helpcontext",
          "lcid", "id", "custom", "restricted", "propget", "propput", "dispinterface");

  /** Attributes whose argument is a type. */
  private static final Set<String> TYPE_ARGUMENT_ATTRIBUTES =
      Set.of("switch_type", "transmit_as", "represent_as", "wire_marshal", "user_marshal");

  /** Words that qualify a type or pointer without changing what goes on the wire. */
  private static final Set<String> QUALIFIERS =
      Set.of("const", "volatile", "__RPC_FAR", "__RPC_far", "__far", "far", "near", "__near",
          "_far", "__ptr64", "__ptr32", "__RPC_USER", "__RPC_API", "__stdcall", "__cdecl",
          "RPC_ENTRY", "IN", "OUT", "OPTIONAL");

  /** Bounds nesting of struct/union definitions (and attribute lists inside them). */
  private static final int MAX_TYPE_DEPTH = 64;

  private final TokenCursor in;
  private final String fileName;
  private int typeDepth;
  private final Set<String> typeNames = new HashSet<>();

  /**
   * @param fileName the file's name, recorded in the result
   * @param tokens its preprocessed tokens
   * @param knownTypeNames typedef names from imports, so that casts are recognised
   */
  public IdlParser(String fileName, List<Token> tokens, Set<String> knownTypeNames) {
    this.fileName = fileName;
    this.in = new TokenCursor(tokens);
    this.typeNames.addAll(knownTypeNames);
  }

  /** Parses the whole file. */
  public IdlFile parse() throws IdlException {
    List<Definition> defs = new ArrayList<>();
    while (!in.atEnd()) {
      definition(defs, false);
    }
    return new IdlFile(fileName, defs);
  }

  private void definition(List<Definition> out, boolean inInterface) throws IdlException {
    Token t = in.peek();
    if (in.accept(";")) {
      return;
    }
    if (t.isWord("import")) {
      in.next();
      List<String> files = new ArrayList<>();
      do {
        Token f = in.next();
        if (f.kind() != TokenKind.STRING) {
          throw new IdlException(f.position(), "expected a quoted file name after import but found " + f.describe());
        }
        files.add(f.text());
      } while (in.accept(","));
      in.expect(";", "after import");
      out.add(new Definition.Import(files, t.position()));
      return;
    }
    if (t.isWord("cpp_quote") || t.isWord("midl_pragma") || t.isWord("importlib")) {
      // C text for the generated header, MIDL warning control and type libraries: nothing for Java.
      in.next();
      if (t.isWord("midl_pragma")) {
        in.expectIdentifier("a pragma name after midl_pragma");
      }
      skipBalanced("(", ")");
      in.accept(";");
      return;
    }
    if (t.isWord("typedef")) {
      typedef(out);
      return;
    }
    if (t.isWord("const")) {
      constant(out);
      return;
    }
    List<Attribute> attrs = attributes();
    Token word = in.peek();
    if (word.isWord("interface") || word.isWord("dispinterface")) {
      interfaceDefinition(attrs, out);
      return;
    }
    if (word.isWord("library") || word.isWord("coclass") || word.isWord("module")) {
      throw new IdlException(word.position(), "'" + word.text() + "' (type libraries and COM classes) is not supported");
    }
    TypeRef base = typeSpecifier();
    if (in.accept(";")) {
      out.add(new Definition.TagDefinition(attrs, base, t.position()));
      return;
    }
    Declarator d = declarator(base, false);
    if (in.peek().is("(")) {
      if (!inInterface) {
        throw new IdlException(d.position, "operation '" + d.name + "' must be declared inside an interface");
      }
      List<Field> params = parameters();
      in.expect(";", "after the parameter list of operation '" + d.name + "'");
      out.add(new Definition.Operation(attrs, d.type, d.name, params, d.position));
      return;
    }
    throw new IdlException(in.peek().position(), "expected '(' (an operation) or ';' after '" + d.name + "' but found " + in.peek().describe());
  }

  private void interfaceDefinition(List<Attribute> attrs, List<Definition> out) throws IdlException {
    Token kw = in.next();
    Token name = in.expectIdentifier("an interface name");
    String base = null;
    if (in.accept(":")) {
      base = in.expectIdentifier("a base interface name").text();
    }
    if (in.accept(";")) {
      return; // forward declaration
    }
    in.expect("{", "to open the body of interface '" + name.text() + "'");
    List<Definition> body = new ArrayList<>();
    while (!in.peek().is("}")) {
      if (in.atEnd()) {
        throw new IdlException(kw.position(), "interface '" + name.text() + "' is not closed with '}'");
      }
      definition(body, true);
    }
    in.next();
    in.accept(";");
    out.add(new Definition.Interface(attrs, name.text(), base, body, kw.position()));
  }

  private void typedef(List<Definition> out) throws IdlException {
    in.next();
    List<Attribute> attrs = attributes();
    TypeRef base = typeSpecifier();
    do {
      Declarator d = declarator(base, false);
      typeNames.add(d.name);
      out.add(new Definition.Typedef(attrs, d.name, d.type, d.position));
    } while (in.accept(","));
    in.expect(";", "after typedef");
  }

  private void constant(List<Definition> out) throws IdlException {
    in.next();
    TypeRef type = typeSpecifier();
    Declarator d = declarator(type, true);
    in.expect("=", "after the name of constant '" + d.name + "'");
    Expr value = expression();
    in.expect(";", "after constant '" + d.name + "'");
    out.add(new Definition.Const(d.type, d.name, value, d.position));
  }

  /** Zero or more bracketed attribute lists, merged. */
  List<Attribute> attributes() throws IdlException {
    List<Attribute> attrs = new ArrayList<>();
    while (in.peek().is("[")) {
      in.next();
      if (in.accept("]")) {
        continue;
      }
      do {
        attrs.add(attribute());
      } while (in.accept(","));
      in.expect("]", "to close the attribute list");
    }
    return attrs;
  }

  private Attribute attribute() throws IdlException {
    Token name = in.expectIdentifier("an attribute name");
    if (!in.peek().is("(")) {
      return new Attribute(name.text(), List.of(), null, null, name.position());
    }
    if (RAW_ARGUMENT_ATTRIBUTES.contains(name.text())) {
      Token open = in.next();
      StringBuilder raw = new StringBuilder();
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
        // Strings keep their quotes so that endpoint("a", "b") can be split again.
        raw.append(t.kind() == TokenKind.STRING ? "\"" + t.text() + "\"" : t.text());
      }
      return new Attribute(name.text(), List.of(), raw.toString(), null, name.position());
    }
    in.next();
    if (TYPE_ARGUMENT_ATTRIBUTES.contains(name.text())) {
      TypeRef type = typeSpecifier();
      while (in.accept("*")) {
        type = new TypeRef.Pointer(type, name.position());
      }
      in.expect(")", "to close '" + name.text() + "'");
      return new Attribute(name.text(), List.of(), null, type, name.position());
    }
    List<Expr> args = new ArrayList<>();
    while (true) {
      if (in.peek().is(",") || in.peek().is(")")) {
        args.add(new Expr.Empty(in.peek().position()));
      } else {
        args.add(expression());
      }
      if (in.accept(")")) {
        break;
      }
      in.expect(",", "between arguments of '" + name.text() + "'");
    }
    return new Attribute(name.text(), List.copyOf(args), null, null, name.position());
  }

  private Expr expression() throws IdlException {
    return new ExpressionParser(in, typeNames).parse();
  }

  private void skipQualifiers() {
    while (in.peek().kind() == TokenKind.IDENTIFIER && QUALIFIERS.contains(in.peek().text())) {
      in.next();
    }
  }

  /** A type specifier: base type words, a typedef name, or a struct/union/enum/pipe. */
  TypeRef typeSpecifier() throws IdlException {
    if (++typeDepth > MAX_TYPE_DEPTH) {
      throw new IdlException(in.peek().position(), "type definitions nested more than " + MAX_TYPE_DEPTH + " deep");
    }
    try {
      return typeSpecifierUnbounded();
    } finally {
      typeDepth--;
    }
  }

  private TypeRef typeSpecifierUnbounded() throws IdlException {
    skipQualifiers();
    Token t = in.peek();
    if (t.kind() != TokenKind.IDENTIFIER) {
      throw new IdlException(t.position(), "expected a type but found " + t.describe());
    }
    switch (t.text()) {
      case "struct":
        in.next();
        return struct(t.position());
      case "union":
        in.next();
        return union(t.position());
      case "enum":
        in.next();
        return enumeration(t.position());
      case "pipe":
        in.next();
        return new TypeRef.Pipe(typeSpecifier(), t.position());
      default:
        break;
    }
    if (PrimitiveSpelling.WORDS.contains(t.text())) {
      StringBuilder words = new StringBuilder();
      boolean haveNoun = false;
      while (in.peek().kind() == TokenKind.IDENTIFIER
          && (PrimitiveSpelling.WORDS.contains(in.peek().text()) || QUALIFIERS.contains(in.peek().text()))) {
        String w = in.peek().text();
        boolean noun = PrimitiveSpelling.NOUNS.contains(w);
        if (noun && (haveNoun || !PrimitiveSpelling.canFollow(words.toString(), w))) {
          break; // "typedef unsigned short wchar_t;": the word that cannot continue the type is the name
        }
        haveNoun |= noun;
        in.next();
        if (!QUALIFIERS.contains(w)) {
          words.append(words.length() == 0 ? "" : " ").append(w);
        }
      }
      PrimitiveKind kind = PrimitiveSpelling.parse(words.toString());
      if (kind == null) {
        throw new IdlException(t.position(), "'" + words + "' is not a valid base type");
      }
      skipQualifiers();
      return new TypeRef.Primitive(kind, t.position());
    }
    in.next();
    skipQualifiers();
    return new TypeRef.Named(t.text(), t.position());
  }

  private TypeRef struct(SourcePosition at) throws IdlException {
    String tag = in.peek().kind() == TokenKind.IDENTIFIER && !in.peek(1).is("(") ? in.next().text() : null;
    if (!in.accept("{")) {
      if (tag == null) {
        throw new IdlException(in.peek().position(), "expected a structure tag or '{' but found " + in.peek().describe());
      }
      return new TypeRef.Tagged(TypeRef.Tag.STRUCT, tag, at);
    }
    List<Field> fields = new ArrayList<>();
    while (!in.accept("}")) {
      if (in.atEnd()) {
        throw new IdlException(at, "structure is not closed with '}'");
      }
      if (in.accept(";")) {
        continue;
      }
      fields(fields);
    }
    return new TypeRef.Struct(tag, fields, at);
  }

  /** One member declaration, possibly with several declarators: {@code [attrs] type a, *b;}. */
  private void fields(List<Field> out) throws IdlException {
    SourcePosition at = in.peek().position();
    List<Attribute> attrs = attributes();
    TypeRef base = typeSpecifier();
    if (in.accept(";")) {
      out.add(new Field(attrs, base, null, at)); // anonymous embedded struct or union
      return;
    }
    do {
      Declarator d = declarator(base, true);
      out.add(new Field(attrs, d.type, d.name, d.position));
    } while (in.accept(","));
    in.expect(";", "after a member declaration");
  }

  private TypeRef union(SourcePosition at) throws IdlException {
    String tag = null;
    if (in.peek().kind() == TokenKind.IDENTIFIER && !in.peek().isWord("switch")) {
      tag = in.next().text();
    }
    TypeRef.Switch sw = null;
    if (in.acceptWord("switch")) {
      in.expect("(", "after switch");
      TypeRef type = typeSpecifier();
      Token name = in.expectIdentifier("the discriminant's name");
      in.expect(")", "to close switch");
      String unionName = in.peek().kind() == TokenKind.IDENTIFIER ? in.next().text() : null;
      sw = new TypeRef.Switch(type, name.text(), unionName);
    }
    if (!in.accept("{")) {
      if (tag == null || sw != null) {
        throw new IdlException(in.peek().position(), "expected '{' to open the union but found " + in.peek().describe());
      }
      return new TypeRef.Tagged(TypeRef.Tag.UNION, tag, at);
    }
    List<UnionArm> arms = new ArrayList<>();
    while (!in.accept("}")) {
      if (in.atEnd()) {
        throw new IdlException(at, "union is not closed with '}'");
      }
      arms.add(arm());
    }
    return new TypeRef.Union(tag, sw, arms, at);
  }

  private UnionArm arm() throws IdlException {
    List<Expr> cases = new ArrayList<>();
    boolean isDefault = false;
    // C-style labels of encapsulated unions: case 1: case 2: default:
    while (in.peek().isWord("case") || in.peek().isWord("default")) {
      if (in.next().text().equals("default")) {
        isDefault = true;
      } else {
        cases.add(expression());
      }
      in.expect(":", "after a case label");
    }
    SourcePosition at = in.peek().position();
    List<Attribute> attrs = attributes();
    List<Attribute> rest = new ArrayList<>();
    for (Attribute a : attrs) {
      if (a.name().equals("case")) {
        cases.addAll(a.args());
      } else if (a.name().equals("default")) {
        isDefault = true;
      } else {
        rest.add(a);
      }
    }
    if (in.accept(";")) {
      return new UnionArm(List.copyOf(cases), isDefault, null);
    }
    TypeRef base = typeSpecifier();
    Field member;
    if (in.peek().is(";")) {
      member = new Field(rest, base, null, at);
    } else {
      Declarator d = declarator(base, true);
      member = new Field(rest, d.type, d.name, d.position);
    }
    in.expect(";", "after a union arm");
    return new UnionArm(List.copyOf(cases), isDefault, member);
  }

  private TypeRef enumeration(SourcePosition at) throws IdlException {
    String tag = in.peek().kind() == TokenKind.IDENTIFIER ? in.next().text() : null;
    if (!in.accept("{")) {
      if (tag == null) {
        throw new IdlException(in.peek().position(), "expected an enumeration tag or '{' but found " + in.peek().describe());
      }
      return new TypeRef.Tagged(TypeRef.Tag.ENUM, tag, at);
    }
    List<Enumerator> values = new ArrayList<>();
    while (!in.accept("}")) {
      Token name = in.expectIdentifier("an enumerator name");
      Expr value = null;
      if (in.accept("=")) {
        value = expression();
      }
      values.add(new Enumerator(name.text(), value, name.position()));
      if (!in.accept(",")) {
        in.expect("}", "to close the enumeration");
        break;
      }
    }
    return new TypeRef.Enum(tag, values, at);
  }

  /** Pointers, a name (optional for parameters) and array bounds, applied to {@code base}. */
  private Declarator declarator(TypeRef base, boolean nameOptional) throws IdlException {
    TypeRef type = base;
    skipQualifiers();
    while (in.peek().is("*") || in.peek().is("&")) {
      Token star = in.next();
      if (star.is("&")) {
        throw new IdlException(star.position(), "C++ references are not supported in IDL");
      }
      type = new TypeRef.Pointer(type, star.position());
      skipQualifiers();
    }
    Token nameToken = in.peek();
    String name = null;
    if (nameToken.kind() == TokenKind.IDENTIFIER) {
      name = in.next().text();
    } else if (!nameOptional) {
      throw new IdlException(nameToken.position(), "expected a name but found " + nameToken.describe());
    }
    List<Expr> dims = new ArrayList<>();
    while (in.peek().is("[")) {
      Token open = in.next();
      if (in.accept("]")) {
        dims.add(null);
      } else if (in.peek().is("*") && in.peek(1).is("]")) {
        in.next();
        in.next();
        dims.add(null);
      } else {
        dims.add(expression());
        in.expect("]", "to close the array bound opened at " + open.position());
      }
    }
    // int a[2][3] is an array of 2 arrays of 3: wrap from the innermost bound outwards.
    for (int i = dims.size() - 1; i >= 0; i--) {
      type = new TypeRef.Array(type, dims.get(i), nameToken.position());
    }
    return new Declarator(name, type, nameToken.position());
  }

  private List<Field> parameters() throws IdlException {
    Token open = in.expect("(", "to open the parameter list");
    List<Field> params = new ArrayList<>();
    if (in.peek().isWord("void") && in.peek(1).is(")")) {
      in.next();
    }
    if (in.accept(")")) {
      return params;
    }
    do {
      SourcePosition at = in.peek().position();
      List<Attribute> attrs = attributes();
      TypeRef base = typeSpecifier();
      Declarator d = declarator(base, true);
      params.add(new Field(attrs, d.type, d.name, d.name == null ? at : d.position));
    } while (in.accept(","));
    if (!in.accept(")")) {
      throw new IdlException(in.peek().position(), "expected ',' or ')' in the parameter list opened at " + open.position() + " but found " + in.peek().describe());
    }
    return params;
  }

  private void skipBalanced(String open, String close) throws IdlException {
    Token start = in.expect(open, "");
    int depth = 1;
    while (depth > 0) {
      Token t = in.next();
      if (t.kind() == TokenKind.END) {
        throw new IdlException(start.position(), "'" + open + "' is not closed with '" + close + "'");
      }
      if (t.is(open)) {
        depth++;
      } else if (t.is(close)) {
        depth--;
      }
    }
  }

  /** A declarator's result. */
  private record Declarator(String name, TypeRef type, SourcePosition position) {}
}
