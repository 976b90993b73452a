package org.msrpc4j.idl.gen;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.msrpc4j.idl.IdlException;
import org.msrpc4j.idl.ast.Attribute;
import org.msrpc4j.idl.ast.Enumerator;
import org.msrpc4j.idl.ast.Expr;
import org.msrpc4j.idl.ast.Field;
import org.msrpc4j.idl.ast.PrimitiveKind;
import org.msrpc4j.idl.ast.TypeRef;
import org.msrpc4j.idl.ast.UnionArm;
import org.msrpc4j.idl.model.ConstantEvaluator;
import org.msrpc4j.idl.model.SymbolTable;

/**
 * Gives every named IDL type a Java class name and works out the {@link Shape} of every member,
 * parameter and arm. It remembers which named types were reached, so that the generator emits
 * exactly the types a file declares plus those its declarations use. Not thread-safe.
 */
final class TypeCatalog {
  /** A structure to generate. Fields are filled after registration so that self-references resolve. */
  static final class StructInfo {
    final String javaName;
    final String idlName;
    final TypeRef.Struct def;
    final List<Member> fields = new ArrayList<>();
    int align = 1;
    boolean conformant;

    StructInfo(String javaName, String idlName, TypeRef.Struct def) {
      this.javaName = javaName;
      this.idlName = idlName;
      this.def = def;
    }

    int align() {
      return align;
    }
  }

  /** A union to generate. */
  static final class UnionInfo {
    final String javaName;
    final String idlName;
    final TypeRef.Union def;
    final List<Arm> arms = new ArrayList<>();
    int armAlign = 1;
    /** From the union typedef's switch_type, or null. */
    PrimitiveKind switchType;

    UnionInfo(String javaName, String idlName, TypeRef.Union def) {
      this.javaName = javaName;
      this.idlName = idlName;
      this.def = def;
    }

    int armAlign() {
      return armAlign;
    }
  }

  /** An enumeration to generate. */
  record EnumInfo(String javaName, String idlName, List<EnumValue> values) {}

  /** One enumerator. */
  record EnumValue(String javaName, String idlName, long value) {}

  /** A context handle type to generate. */
  record HandleInfo(String javaName, String idlName) {}

  /** A struct member or operation parameter with its Java name and shape. */
  record Member(String javaName, Field field, Shape shape) {}

  /** A union arm: its Java record name, case values, and member (null for an empty arm). */
  record Arm(String javaName, List<Long> cases, boolean isDefault, Member member) {}

  private final SymbolTable symbols;
  private final ConstantEvaluator evaluator;
  private final String pointerDefault;
  private final Map<TypeRef, StructInfo> structs = new IdentityHashMap<>();
  private final Map<TypeRef, UnionInfo> unions = new IdentityHashMap<>();
  private final Map<TypeRef, EnumInfo> enums = new IdentityHashMap<>();
  private final Map<String, HandleInfo> handles = new LinkedHashMap<>();
  private final Map<TypeRef, String> preferredNames = new IdentityHashMap<>();
  private final Set<String> usedNames = new HashSet<>();
  private final List<Object> reached = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();

  /**
   * @param symbols the compilation's names
   * @param pointerDefault the interface's pointer_default for embedded pointers
   * @param reservedNames Java names already taken (interface classes)
   */
  TypeCatalog(SymbolTable symbols, String pointerDefault, Set<String> reservedNames) {
    this.symbols = symbols;
    this.evaluator = new ConstantEvaluator(symbols::integerValue, symbols::sizeOf);
    this.pointerDefault = pointerDefault;
    this.usedNames.addAll(reservedNames);
    // The first typedef that names a definition directly gives it its Java name.
    for (SymbolTable.TypedefEntry e : symbols.typedefs().values()) {
      TypeRef t = e.def().type();
      if (t instanceof TypeRef.Tagged tg) {
        t = symbols.tag(tg.tag(), tg.name());
      }
      if (t != null && !preferredNames.containsKey(t)
          && (t instanceof TypeRef.Struct || t instanceof TypeRef.Union || t instanceof TypeRef.Enum)) {
        preferredNames.put(t, e.def().name());
      }
    }
  }

  /** Named types reached so far, in the order they were reached (StructInfo, UnionInfo, EnumInfo, HandleInfo). */
  List<Object> reached() {
    return reached;
  }

  /** Things that will fail at run time, for the user to know. */
  List<String> warnings() {
    return warnings;
  }

  private String uniqueName(String idlName) {
    String base = JavaNames.typeName(idlName);
    String n = base;
    for (int i = 2; !usedNames.add(n); i++) {
      n = base + i;
    }
    return n;
  }

  private String idlNameOf(TypeRef def, String fallback) {
    String n = preferredNames.get(def);
    if (n != null) {
      return n;
    }
    if (def instanceof TypeRef.Struct s && s.tag() != null) {
      return s.tag();
    }
    if (def instanceof TypeRef.Union u && u.tag() != null) {
      return u.tag();
    }
    if (def instanceof TypeRef.Enum e && e.tag() != null) {
      return e.tag();
    }
    return fallback;
  }

  StructInfo struct(TypeRef.Struct def, String fallbackName) throws IdlException {
    StructInfo info = structs.get(def);
    if (info != null) {
      return info;
    }
    String idl = idlNameOf(def, fallbackName);
    info = new StructInfo(uniqueName(idl), idl, def);
    structs.put(def, info);
    reached.add(info);
    Scope scope = new Scope(def.fields());
    Set<String> javaNames = new HashSet<>();
    int anonymous = 0;
    for (Field f : def.fields()) {
      String fname = f.name() != null ? f.name() : "u" + (++anonymous);
      String jn = JavaNames.memberName(fname);
      for (int i = 2; !javaNames.add(jn); i++) {
        jn = JavaNames.memberName(fname) + i;
      }
      Shape s = shape(f.type(), f.attrs(), false, scope, info.javaName + JavaNames.typeName(fname));
      info.fields.add(new Member(jn, f, s));
      info.align = Math.max(info.align, s.align());
    }
    if (!info.fields.isEmpty()) {
      Shape last = info.fields.get(info.fields.size() - 1).shape();
      info.conformant = (last instanceof Shape.Arr a && a.conformant())
          || (last instanceof Shape.Str s && s.fixedCount() == null)
          || (last instanceof Shape.StructRef r && r.info().conformant);
      if (last instanceof Shape.Arr a && a.conformant() && a.element() instanceof Shape.Arr) {
        info.fields.set(info.fields.size() - 1, new Member(info.fields.get(info.fields.size() - 1).javaName(),
            info.fields.get(info.fields.size() - 1).field(), new Shape.NotRemotable("multidimensional conformant arrays in structures are not supported")));
      }
    }
    for (int i = 0; i < info.fields.size() - 1; i++) {
      Shape s = info.fields.get(i).shape();
      if ((s instanceof Shape.Arr a && a.conformant()) || (s instanceof Shape.StructRef r && r.info().conformant)
          || (s instanceof Shape.Str st && st.fixedCount() == null)) {
        Member m = info.fields.get(i);
        info.fields.set(i, new Member(m.javaName(), m.field(), new Shape.NotRemotable(
            "member '" + m.field().name() + "' of " + idl + " is conformant but not the last member")));
      }
    }
    return info;
  }

  UnionInfo union(TypeRef.Union def, String fallbackName, List<Attribute> typedefAttrs) throws IdlException {
    UnionInfo info = unions.get(def);
    if (info != null) {
      return info;
    }
    String idl = idlNameOf(def, fallbackName);
    info = new UnionInfo(uniqueName(idl), idl, def);
    unions.put(def, info);
    reached.add(info);
    Attribute st = Attribute.find(typedefAttrs, "switch_type");
    if (st != null && st.typeArg() != null) {
      info.switchType = discriminantKind(st.typeArg());
    }
    if (def.encapsulated() != null) {
      info.switchType = discriminantKind(def.encapsulated().type());
    }
    Set<String> armNames = new HashSet<>();
    int index = 0;
    for (UnionArm arm : def.arms()) {
      index++;
      List<Long> cases = new ArrayList<>();
      for (Expr c : arm.cases()) {
        cases.add(evaluator.evaluate(c));
      }
      // Arm classes are nested in the union's interface; the "Arm" suffix keeps them from shadowing
      // a top-level type of the same name (an arm named PolicyAuditLogInfo holding a PolicyAuditLogInfo).
      String base = arm.member() != null && arm.member().name() != null
          ? JavaNames.typeName(arm.member().name()) + "Arm"
          : arm.isDefault() ? "Default" : "Empty" + (cases.isEmpty() ? index : Long.toUnsignedString(cases.get(0)));
      String name = base;
      for (int i = 2; !armNames.add(name) || name.equals(info.javaName); i++) {
        name = base + i;
      }
      Member member = null;
      if (arm.member() != null) {
        Shape s = shape(arm.member().type(), arm.member().attrs(), false, new Scope(List.of()),
            info.javaName + name);
        member = new Member("value", arm.member(), s);
        info.armAlign = Math.max(info.armAlign, s.align());
      }
      info.arms.add(new Arm(name, cases, arm.isDefault(), member));
    }
    return info;
  }

  EnumInfo enumeration(TypeRef.Enum def, String fallbackName) throws IdlException {
    EnumInfo info = enums.get(def);
    if (info != null) {
      return info;
    }
    String idl = idlNameOf(def, fallbackName);
    List<EnumValue> values = new ArrayList<>();
    Set<String> names = new HashSet<>();
    long next = 0;
    for (Enumerator v : def.values()) {
      long value = v.value() == null ? next : evaluator.evaluate(v.value());
      next = value + 1;
      String jn = JavaNames.constantName(v.name());
      for (int i = 2; !names.add(jn); i++) {
        jn = JavaNames.constantName(v.name()) + i;
      }
      values.add(new EnumValue(jn, v.name(), value));
    }
    info = new EnumInfo(uniqueName(idl), idl, values);
    enums.put(def, info);
    reached.add(info);
    return info;
  }

  HandleInfo handle(String typedefName) {
    HandleInfo h = handles.get(typedefName);
    if (h == null) {
      h = new HandleInfo(uniqueName(typedefName), typedefName);
      handles.put(typedefName, h);
      reached.add(h);
    }
    return h;
  }

  /** The names of sibling members/parameters, for switch_is and size_is lookups. */
  static final class Scope {
    final Map<String, Field> byName = new LinkedHashMap<>();

    Scope(List<Field> fields) {
      for (Field f : fields) {
        if (f.name() != null) {
          byName.put(f.name(), f);
        }
      }
    }
  }

  /** The integer kind a discriminant of type {@code t} is written as. */
  PrimitiveKind discriminantKind(TypeRef t) throws IdlException {
    SymbolTable.Resolved r = symbols.resolve(t);
    if (r.type() instanceof TypeRef.Primitive p && p.kind().isInteger()) {
      return p.kind();
    }
    if (r.type() instanceof TypeRef.Enum) {
      return r.has("v1_enum") ? PrimitiveKind.ULONG : PrimitiveKind.USHORT;
    }
    if (r.type() instanceof TypeRef.Pointer ptr) {
      return discriminantKind(ptr.target());
    }
    throw new IdlException(t.position(), "a union discriminant must be an integer, char, boolean or enum type");
  }

  /**
   * The shape of a member or parameter.
   *
   * @param type declared type (declarator applied)
   * @param attrs the member's attributes
   * @param topLevel whether it is an operation parameter (top-level pointers default to ref)
   * @param scope siblings, for switch_is
   * @param anonymousName name for an anonymous struct/union defined in place
   */
  Shape shape(TypeRef type, List<Attribute> attrs, boolean topLevel, Scope scope, String anonymousName)
      throws IdlException {
    return walk(type, new Attrs(attrs), 0, topLevel, scope, anonymousName);
  }

  /** A member's attributes plus those of typedefs crossed on the way. */
  private static final class Attrs {
    final List<Attribute> own;
    final List<Attribute> inherited = new ArrayList<>();

    Attrs(List<Attribute> own) {
      this.own = own;
    }


    boolean has(String name) {
      return Attribute.has(own, name) || Attribute.has(inherited, name);
    }

    Attribute find(String name) {
      Attribute a = Attribute.find(own, name);
      return a != null ? a : Attribute.find(inherited, name);
    }

    /** The argument of a size attribute for pointer/array level {@code level}, or null. */
    Expr levelArg(String name, int level) {
      Attribute a = Attribute.find(own, name);
      if (a == null || level >= a.args().size() || a.args().get(level) instanceof Expr.Empty) {
        return null;
      }
      return a.args().get(level);
    }
  }

  private Shape walk(TypeRef t, Attrs a, int level, boolean topLevel, Scope scope, String anonymousName)
      throws IdlException {
    // Follow typedef names one step at a time: their attributes (context_handle, string, switch_type,
    // v1_enum, …) apply, and a name that denotes a struct/union/enum definition gives it its class.
    String lastTypedef = null;
    for (int guard = 0; guard < 100; guard++) {
      if (t instanceof TypeRef.Named n) {
        SymbolTable.TypedefEntry e = symbols.typedefs().get(n.name());
        if (e == null) {
          throw new IdlException(n.position(), "unknown type '" + n.name() + "'");
        }
        if (Attribute.has(e.def().attrs(), "context_handle")) {
          return new Shape.Handle(handle(n.name()).javaName());
        }
        a.inherited.addAll(e.def().attrs());
        lastTypedef = n.name();
        t = e.def().type();
      } else if (t instanceof TypeRef.Tagged tg) {
        TypeRef def = symbols.tag(tg.tag(), tg.name());
        if (def == null) {
          return new Shape.NotRemotable(tg.tag().name().toLowerCase() + " " + tg.name() + " is never defined");
        }
        t = def;
      } else {
        break;
      }
    }
    String fallback = lastTypedef != null ? lastTypedef : anonymousName;
    if (t instanceof TypeRef.Primitive p) {
      return switch (p.kind()) {
        case VOID -> new Shape.NotRemotable("void data (a void* that is not a context handle) cannot be transmitted");
        case HANDLE_T -> new Shape.NotRemotable("handle_t is not transmitted");
        default -> new Shape.Prim(p.kind());
      };
    }
    if (t instanceof TypeRef.Enum e) {
      return new Shape.EnumRef(enumeration(e, fallback).javaName(), a.has("v1_enum"));
    }
    if (t instanceof TypeRef.Struct s) {
      return new Shape.StructRef(struct(s, fallback).javaName, struct(s, fallback));
    }
    if (t instanceof TypeRef.Union u) {
      UnionInfo info = union(u, fallback, a.inherited);
      if (u.encapsulated() != null) {
        return new Shape.UnionRef(info.javaName, info, info.switchType, null);
      }
      Expr switchIs = a.levelArg("switch_is", 0);
      if (switchIs == null) {
        return new Shape.NotRemotable("union " + info.idlName + " is used without switch_is");
      }
      PrimitiveKind kind = info.switchType;
      Attribute st = a.find("switch_type");
      if (kind == null && st != null && st.typeArg() != null) {
        kind = discriminantKind(st.typeArg());
      }
      if (kind == null) {
        kind = switchKindFromScope(switchIs, scope);
      }
      return new Shape.UnionRef(info.javaName, info, kind, switchIs);
    }
    if (t instanceof TypeRef.Pointer p) {
      String kind = pointerKind(a, level, topLevel);
      Integer charKind = charKind(p.target());
      if (a.has("string") && charKind != null && a.levelArg("size_is", level) == null) {
        return new Shape.Ptr(kind, new Shape.Str(charKind == 2, null));
      }
      Expr size = a.levelArg("size_is", level);
      Expr max = a.levelArg("max_is", level);
      Expr length = a.levelArg("length_is", level);
      Expr first = a.levelArg("first_is", level);
      Expr last = a.levelArg("last_is", level);
      if (size == null && max != null) {
        size = plusOne(max);
      }
      if (length == null && last != null) {
        length = lastToLength(last, first);
      }
      if (size != null || length != null) {
        Shape element = walk(p.target(), a, level + 1, false, scope, anonymousName);
        return new Shape.Ptr(kind, new Shape.Arr(element, null, size != null ? size : length, length, first));
      }
      return new Shape.Ptr(kind, walk(p.target(), a, level + 1, false, scope, anonymousName));
    }
    if (t instanceof TypeRef.Array arr) {
      Integer charKind = charKind(arr.element());
      Long fixed = arr.size() == null ? null : evaluator.evaluate(arr.size());
      if (a.has("string") && charKind != null) {
        return new Shape.Str(charKind == 2, fixed);
      }
      Expr size = a.levelArg("size_is", level);
      Expr max = a.levelArg("max_is", level);
      Expr length = a.levelArg("length_is", level);
      Expr first = a.levelArg("first_is", level);
      Expr last = a.levelArg("last_is", level);
      if (size == null && max != null) {
        size = plusOne(max);
      }
      if (length == null && last != null) {
        length = lastToLength(last, first);
      }
      if (fixed == null && size == null) {
        return new Shape.NotRemotable("a conformant array needs size_is or max_is");
      }
      Shape element = walk(arr.element(), a, level + 1, false, scope, anonymousName);
      return new Shape.Arr(element, fixed, fixed == null ? size : null, length, first);
    }
    if (t instanceof TypeRef.Pipe) {
      return new Shape.NotRemotable("pipes are not supported yet");
    }
    return new Shape.NotRemotable("unsupported type");
  }

  private String pointerKind(Attrs a, int level, boolean topLevel) {
    if (level == 0) {
      for (String k : new String[] {"ref", "unique", "ptr"}) {
        if (Attribute.has(a.own, k)) {
          return k;
        }
      }
      if (topLevel) {
        return "ref";
      }
    }
    for (String k : new String[] {"ref", "unique", "ptr"}) {
      if (Attribute.has(a.inherited, k)) {
        return k;
      }
    }
    return pointerDefault;
  }

  /** 1 for char-like and 2 for wchar_t-like element types (strings), else null. */
  private Integer charKind(TypeRef t) throws IdlException {
    SymbolTable.Resolved r;
    try {
      r = symbols.resolve(t);
    } catch (IdlException e) {
      return null;
    }
    if (r.type() instanceof TypeRef.Primitive p) {
      return switch (p.kind()) {
        case CHAR, BYTE, SMALL, USMALL -> 1;
        case WCHAR, USHORT, SHORT -> 2;
        default -> null;
      };
    }
    return null;
  }

  private PrimitiveKind switchKindFromScope(Expr switchIs, Scope scope) throws IdlException {
    Expr e = switchIs;
    while (e instanceof Expr.Unary u && u.op().equals("*")) {
      e = u.operand();
    }
    if (e instanceof Expr.Name n && scope.byName.containsKey(n.name())) {
      return discriminantKind(scope.byName.get(n.name()).type());
    }
    return PrimitiveKind.ULONG;
  }

  private static Expr plusOne(Expr max) {
    return new Expr.Binary("+", max, new Expr.IntLiteral(1, max.position()), max.position());
  }

  private static Expr lastToLength(Expr last, Expr first) {
    Expr len = plusOne(last);
    return first == null ? len : new Expr.Binary("-", len, first, last.position());
  }
}
