package org.msrpc4j.idl.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.msrpc4j.idl.IdlException;
import org.msrpc4j.idl.IncludePath;
import org.msrpc4j.idl.SourcePosition;
import org.msrpc4j.idl.ast.AcfFile;
import org.msrpc4j.idl.ast.Attribute;
import org.msrpc4j.idl.ast.Definition;
import org.msrpc4j.idl.ast.Enumerator;
import org.msrpc4j.idl.ast.Expr;
import org.msrpc4j.idl.ast.Field;
import org.msrpc4j.idl.ast.IdlFile;
import org.msrpc4j.idl.ast.TypeRef;
import org.msrpc4j.idl.ast.UnionArm;
import org.msrpc4j.idl.parse.AcfParser;
import org.msrpc4j.idl.parse.IdlParser;
import org.msrpc4j.idl.pp.Preprocessor;

/**
 * Builds an {@link IdlModel}: preprocesses and parses the IDL and its imports, registers names,
 * evaluates constants and enumerators, checks attributes and names, assigns opnums, and applies the
 * ACF. Not thread-safe; one instance per compilation.
 */
public final class ModelBuilder {
  /** Bounds import nesting (a file importing itself is otherwise caught by the loaded set). */
  private static final int MAX_IMPORT_DEPTH = 32;

  /** The specifications' placeholders for opnums reserved for local use. */
  private static final Pattern HOLE = Pattern.compile("Opnum\\d+NotUsedOnWire");

  private final IncludePath includePath;
  private final SymbolTable symbols = new SymbolTable();
  private final Set<Path> loaded = new HashSet<>();
  private final List<String> warnings = new ArrayList<>();
  private final ConstantEvaluator evaluator;

  /** @param includePath where {@code import} and {@code #include} look */
  public ModelBuilder(IncludePath includePath) {
    this.includePath = includePath;
    this.evaluator = new ConstantEvaluator(symbols::integerValue, symbols::sizeOf);
  }

  /**
   * Compiles {@code idl} (and {@code acf} when not null) into a checked model.
   *
   * @throws IdlException on the first error, naming file:line:column
   */
  public IdlModel build(Path idl, Path acf) throws IdlException {
    IdlFile main = load(idl, idl.getFileName().toString(), 0, null);
    List<Definition> defs = new ArrayList<>();
    List<Definition.Interface> ifaces = new ArrayList<>();
    for (Definition d : main.definitions()) {
      if (d instanceof Definition.Interface i) {
        ifaces.add(i);
        for (Definition inner : i.body()) {
          if (!(inner instanceof Definition.Operation) && !(inner instanceof Definition.Import)) {
            defs.add(inner);
          }
        }
      } else if (!(d instanceof Definition.Import)) {
        defs.add(d);
      }
    }
    for (Definition d : defs) {
      checkDefinition(d);
    }
    AcfFile acfFile = acf == null ? null : parseAcf(acf);
    if (acfFile != null && ifaces.stream().noneMatch(i -> i.name().equals(acfFile.interfaceName()))) {
      throw new IdlException(acfFile.position(), "the ACF configures interface '" + acfFile.interfaceName()
          + "' but " + main.name() + " declares no such interface");
    }
    List<InterfaceModel> interfaces = new ArrayList<>();
    for (Definition.Interface i : ifaces) {
      interfaces.add(interfaceModel(i, acfFile != null && acfFile.interfaceName().equals(i.name()) ? acfFile : null));
    }
    return new IdlModel(main.name(), symbols, List.copyOf(defs), List.copyOf(interfaces), List.copyOf(warnings));
  }

  private AcfFile parseAcf(Path acf) throws IdlException {
    Preprocessor pp = new Preprocessor(includePath);
    AcfFile parsed = new AcfParser(pp.run(acf)).parse();
    for (Attribute a : parsed.interfaceAttrs()) {
      checkAcfAttribute(a);
    }
    for (List<Attribute> attrs : parsed.typeAttrs().values()) {
      for (Attribute a : attrs) {
        checkAcfAttribute(a);
      }
    }
    for (AcfFile.Operation op : parsed.operations().values()) {
      for (Attribute a : op.attrs()) {
        checkAcfAttribute(a);
      }
      for (List<Attribute> attrs : op.params().values()) {
        for (Attribute a : attrs) {
          checkAcfAttribute(a);
        }
      }
    }
    return parsed;
  }

  private static void checkAcfAttribute(Attribute a) throws IdlException {
    if (!KnownAttributes.ACF.contains(a.name())) {
      throw new IdlException(a.position(), "unknown ACF attribute '" + a.name() + "'");
    }
  }

  private IdlFile load(Path file, String shownName, int depth, SourcePosition from) throws IdlException {
    if (depth > MAX_IMPORT_DEPTH) {
      throw new IdlException(from, "imports nested more than " + MAX_IMPORT_DEPTH + " deep");
    }
    loaded.add(file.toAbsolutePath().normalize());
    Preprocessor pp = new Preprocessor(includePath);
    var tokens = pp.run(file);
    IdlFile parsed = new IdlParser(shownName, tokens, symbols.typedefs.keySet()).parse();
    register(parsed.definitions(), file, shownName, depth);
    return parsed;
  }

  private void register(List<Definition> defs, Path file, String shownName, int depth) throws IdlException {
    for (Definition d : defs) {
      if (d instanceof Definition.Import imp) {
        for (String name : imp.files()) {
          Path found = includePath.resolve(name, file);
          if (found == null) {
            throw new IdlException(imp.position(), "cannot find imported file '" + name + "' beside the file or on the -I path");
          }
          if (!loaded.contains(found.toAbsolutePath().normalize())) {
            load(found, name, depth + 1, imp.position());
          }
        }
      } else if (d instanceof Definition.Typedef t) {
        checkAttributes(t.attrs());
        registerTags(t.type(), shownName);
        if (isBuiltinName(t.name())) {
          continue; // e.g. "typedef unsigned short wchar_t;" restates a MIDL base type
        }
        String warning = symbols.addTypedef(t, shownName);
        if (warning != null) {
          warnings.add(warning);
        }
      } else if (d instanceof Definition.TagDefinition t) {
        checkAttributes(t.attrs());
        registerTags(t.type(), shownName);
      } else if (d instanceof Definition.Const c) {
        registerConst(c, shownName);
      } else if (d instanceof Definition.Interface i) {
        checkAttributes(i.attrs());
        register(i.body(), file, shownName, depth);
      }
    }
  }

  private static boolean isBuiltinName(String name) {
    return org.msrpc4j.idl.parse.PrimitiveSpelling.NOUNS.contains(name);
  }

  private void registerConst(Definition.Const c, String file) throws IdlException {
    if (c.value() instanceof Expr.StringLiteral s) {
      symbols.constants.put(c.name(), new SymbolTable.ConstEntry(c.name(), null, s.value(), c.type(), file));
    } else {
      long v = evaluator.evaluate(c.value());
      symbols.constants.put(c.name(), new SymbolTable.ConstEntry(c.name(), v, null, c.type(), file));
    }
  }

  /** Registers struct/union/enum tags and enumerators found anywhere inside {@code t}. */
  private void registerTags(TypeRef t, String file) throws IdlException {
    if (t instanceof TypeRef.Struct s) {
      symbols.addTag(s);
      for (Field f : s.fields()) {
        checkAttributes(f.attrs());
        registerTags(f.type(), file);
      }
    } else if (t instanceof TypeRef.Union u) {
      symbols.addTag(u);
      for (UnionArm a : u.arms()) {
        if (a.member() != null) {
          checkAttributes(a.member().attrs());
          registerTags(a.member().type(), file);
        }
      }
    } else if (t instanceof TypeRef.Enum e) {
      symbols.addTag(e);
      long next = 0;
      for (Enumerator v : e.values()) {
        long value = v.value() == null ? next : evaluator.evaluate(v.value());
        symbols.addEnumerator(v.name(), value, v.position(), file);
        next = value + 1;
      }
    } else if (t instanceof TypeRef.Pointer p) {
      registerTags(p.target(), file);
    } else if (t instanceof TypeRef.Array a) {
      registerTags(a.element(), file);
    } else if (t instanceof TypeRef.Pipe p) {
      registerTags(p.element(), file);
    }
  }

  private static void checkAttributes(List<Attribute> attrs) throws IdlException {
    for (Attribute a : attrs) {
      if (!KnownAttributes.IDL.contains(a.name())) {
        throw new IdlException(a.position(), "unknown attribute '" + a.name() + "'");
      }
    }
  }

  // ------------------------------------------------------------------ checks of the main file

  private void checkDefinition(Definition d) throws IdlException {
    if (d instanceof Definition.Typedef t) {
      checkType(t.type(), t.name());
    } else if (d instanceof Definition.TagDefinition t) {
      checkType(t.type(), null);
    }
  }

  /** Every name used resolves; bounds are constant; size_is and friends name a sibling. */
  private void checkType(TypeRef t, String context) throws IdlException {
    if (t instanceof TypeRef.Named || t instanceof TypeRef.Tagged) {
      symbols.resolve(t);
    } else if (t instanceof TypeRef.Pointer p) {
      checkType(p.target(), context);
    } else if (t instanceof TypeRef.Array a) {
      if (a.size() != null) {
        long n = evaluator.evaluate(a.size());
        if (n <= 0 || n > Integer.MAX_VALUE) {
          throw new IdlException(a.size().position(), "array bound " + n + " is not a positive 32-bit count");
        }
      }
      checkType(a.element(), context);
    } else if (t instanceof TypeRef.Pipe p) {
      checkType(p.element(), context);
    } else if (t instanceof TypeRef.Struct s) {
      checkFields(s.fields(), Set.of());
    } else if (t instanceof TypeRef.Union u) {
      Set<Long> seen = new HashSet<>();
      boolean sawDefault = false;
      for (UnionArm arm : u.arms()) {
        for (Expr c : arm.cases()) {
          long v = evaluator.evaluate(c);
          if (!seen.add(v)) {
            throw new IdlException(c.position(), "case " + v + " appears twice in the union");
          }
        }
        if (arm.isDefault()) {
          if (sawDefault) {
            throw new IdlException(u.position(), "the union has two default arms");
          }
          sawDefault = true;
        }
        if (arm.member() != null) {
          checkType(arm.member().type(), context);
        }
      }
      if (u.encapsulated() != null) {
        checkType(u.encapsulated().type(), context);
      }
    }
  }

  private void checkFields(List<Field> fields, Set<String> outer) throws IdlException {
    Set<String> names = new HashSet<>(outer);
    for (Field f : fields) {
      if (f.name() != null && !names.add(f.name())) {
        throw new IdlException(f.position(), "member '" + f.name() + "' is declared twice");
      }
    }
    for (Field f : fields) {
      checkType(f.type(), f.name());
      checkFieldReferences(f, names);
    }
  }

  private static final Set<String> SIZE_ATTRIBUTES =
      Set.of("size_is", "length_is", "first_is", "last_is", "max_is", "min_is", "switch_is", "byte_count");

  private void checkFieldReferences(Field f, Set<String> siblings) throws IdlException {
    for (Attribute a : f.attrs()) {
      if (SIZE_ATTRIBUTES.contains(a.name())) {
        for (Expr e : a.args()) {
          checkNames(e, siblings, a.name());
        }
      }
    }
  }

  private void checkNames(Expr e, Set<String> siblings, String attr) throws IdlException {
    if (e instanceof Expr.Name n) {
      if (!siblings.contains(n.name()) && symbols.integerValue(n.name()) == null) {
        throw new IdlException(n.position(), attr + " refers to '" + n.name() + "', which is neither a member/parameter beside it nor a constant");
      }
    } else if (e instanceof Expr.Unary u) {
      checkNames(u.operand(), siblings, attr);
    } else if (e instanceof Expr.Binary b) {
      checkNames(b.left(), siblings, attr);
      checkNames(b.right(), siblings, attr);
    } else if (e instanceof Expr.Conditional c) {
      checkNames(c.condition(), siblings, attr);
      checkNames(c.whenTrue(), siblings, attr);
      checkNames(c.whenFalse(), siblings, attr);
    } else if (e instanceof Expr.Cast c) {
      checkNames(c.operand(), siblings, attr);
    } else if (e instanceof Expr.Member m) {
      checkNames(m.target(), siblings, attr);
    }
  }

  // ------------------------------------------------------------------ interfaces

  private InterfaceModel interfaceModel(Definition.Interface i, AcfFile acf) throws IdlException {
    boolean local = Attribute.has(i.attrs(), "local") || Attribute.has(i.attrs(), "object");
    Attribute uuidAttr = Attribute.find(i.attrs(), "uuid");
    UUID uuid = null;
    if (uuidAttr != null) {
      try {
        String raw = uuidAttr.raw().replace("\"", "");
        if (!raw.matches("[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}")) {
          throw new IllegalArgumentException();
        }
        uuid = UUID.fromString(raw);
      } catch (IllegalArgumentException e) {
        throw new IdlException(uuidAttr.position(), "'" + uuidAttr.raw() + "' is not a UUID (expected 8-4-4-4-12 hex digits)");
      }
    } else if (!local) {
      throw new IdlException(i.position(), "interface '" + i.name() + "' needs a uuid attribute (or [local])");
    }
    int major = 0;
    int minor = 0;
    Attribute ver = Attribute.find(i.attrs(), "version");
    if (ver != null) {
      String[] parts = ver.raw().split("\\.");
      try {
        major = Integer.parseInt(parts[0]);
        minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
        if (parts.length > 2 || major < 0 || major > 0xffff || minor < 0 || minor > 0xffff) {
          throw new NumberFormatException();
        }
      } catch (NumberFormatException e) {
        throw new IdlException(ver.position(), "'" + ver.raw() + "' is not a version (expected major.minor, each 0..65535)");
      }
    }
    String pointerDefault = "unique";
    Attribute pd = Attribute.find(i.attrs(), "pointer_default");
    if (pd != null) {
      if (pd.args().size() != 1 || !(pd.args().get(0) instanceof Expr.Name n)
          || !Set.of("ref", "unique", "ptr").contains(n.name())) {
        throw new IdlException(pd.position(), "pointer_default takes ref, unique or ptr");
      }
      pointerDefault = n.name();
    }
    List<String> endpoints = new ArrayList<>();
    Attribute ep = Attribute.find(i.attrs(), "endpoint");
    if (ep != null) {
      java.util.regex.Matcher m = Pattern.compile("\"([^\"]*)\"").matcher(ep.raw());
      while (m.find()) {
        endpoints.add(m.group(1));
      }
    }
    List<OperationModel> ops = new ArrayList<>();
    Set<String> opNames = new HashSet<>();
    int opnum = 0;
    for (Definition d : i.body()) {
      if (!(d instanceof Definition.Operation op)) {
        continue;
      }
      if (!opNames.add(op.name())) {
        throw new IdlException(op.position(), "operation '" + op.name() + "' is declared twice");
      }
      checkAttributes(op.attrs());
      checkOperation(op);
      boolean opLocal = Attribute.has(op.attrs(), "local");
      Attribute callAs = Attribute.find(op.attrs(), "call_as");
      String callAsName = null;
      if (callAs != null) {
        if (callAs.args().size() != 1 || !(callAs.args().get(0) instanceof Expr.Name n)) {
          throw new IdlException(callAs.position(), "call_as takes the name of a [local] operation");
        }
        callAsName = n.name();
      }
      AcfFile.Operation acfOp = acf == null ? null : acf.operations().get(op.name());
      ops.add(new OperationModel(opLocal ? -1 : opnum++, op, HOLE.matcher(op.name()).matches(), callAsName,
          acfOp == null ? List.of() : acfOp.attrs(), acfOp == null ? Map.of() : acfOp.params()));
    }
    if (acf != null) {
      for (Map.Entry<String, AcfFile.Operation> e : acf.operations().entrySet()) {
        if (!opNames.contains(e.getKey())) {
          throw new IdlException(e.getValue().position(), "the ACF names operation '" + e.getKey() + "', which the IDL does not declare");
        }
      }
      for (String type : acf.typeAttrs().keySet()) {
        if (!symbols.typedefs.containsKey(type)) {
          throw new IdlException(acf.position(), "the ACF names type '" + type + "', which the IDL does not declare");
        }
      }
    }
    return new InterfaceModel(i.name(), uuid, major, minor, pointerDefault,
        Attribute.has(i.attrs(), "ms_union"), List.copyOf(endpoints), local, List.copyOf(ops),
        acf == null ? List.of() : acf.interfaceAttrs(), i.position());
  }

  private void checkOperation(Definition.Operation op) throws IdlException {
    checkType(op.returnType(), op.name());
    Set<String> names = new HashSet<>();
    for (Field p : op.params()) {
      checkAttributes(p.attrs());
      if (p.name() != null && !names.add(p.name())) {
        throw new IdlException(p.position(), "parameter '" + p.name() + "' is declared twice in '" + op.name() + "'");
      }
    }
    for (Field p : op.params()) {
      if (p.name() == null && !isVoid(p.type())) {
        throw new IdlException(p.position(), "a parameter of '" + op.name() + "' has no name");
      }
      checkType(p.type(), p.name());
      checkFieldReferences(p, names);
    }
  }

  private static boolean isVoid(TypeRef t) {
    return t instanceof TypeRef.Primitive p && p.kind() == org.msrpc4j.idl.ast.PrimitiveKind.VOID;
  }
}
