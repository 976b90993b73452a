package org.msrpc4j.idl.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.msrpc4j.idl.IdlException;
import org.msrpc4j.idl.SourcePosition;
import org.msrpc4j.idl.ast.Attribute;
import org.msrpc4j.idl.ast.Definition;
import org.msrpc4j.idl.ast.PrimitiveKind;
import org.msrpc4j.idl.ast.TypeRef;

/**
 * Every name a compilation defines: typedefs, struct/union/enum tags, constants and enumerators,
 * with the file each came from. Mutable while the model is built, read-only afterwards; not
 * thread-safe during building.
 */
public final class SymbolTable {
  /** Bounds typedef chains so that a cycle ({@code typedef A B; typedef B A;}) is reported. */
  private static final int MAX_TYPEDEF_CHAIN = 100;

  /**
   * A typedef name.
   *
   * @param def the declaration
   * @param file the file that declares it
   */
  public record TypedefEntry(Definition.Typedef def, String file) {}

  /**
   * A constant: integer ({@code value}) or string ({@code text}).
   *
   * @param name its name
   * @param value integer value, or null for a string constant
   * @param text string value, or null
   * @param type declared type
   * @param file the declaring file
   */
  public record ConstEntry(String name, Long value, String text, TypeRef type, String file) {}

  /**
   * A type after following typedef names and tags.
   *
   * @param type a Primitive, Struct, Union, Enum, Pointer, Array or Pipe
   * @param attrs attributes of the typedefs followed, nearest first
   * @param typedefNames the typedef names followed, nearest first
   */
  public record Resolved(TypeRef type, List<Attribute> attrs, List<String> typedefNames) {
    /** Whether a followed typedef (or {@code extra}) carries attribute {@code name}. */
    public boolean has(String name) {
      return Attribute.has(attrs, name);
    }
  }

  final Map<String, TypedefEntry> typedefs = new LinkedHashMap<>();
  final Map<String, TypeRef> structTags = new HashMap<>();
  final Map<String, TypeRef> unionTags = new HashMap<>();
  final Map<String, TypeRef> enumTags = new HashMap<>();
  final Map<String, ConstEntry> constants = new LinkedHashMap<>();
  final Map<String, Long> enumerators = new HashMap<>();
  final Map<String, String> enumeratorFiles = new HashMap<>();

  /** Typedefs by name, in declaration order. */
  public Map<String, TypedefEntry> typedefs() {
    return Collections.unmodifiableMap(typedefs);
  }

  /** Constants by name, in declaration order. */
  public Map<String, ConstEntry> constants() {
    return Collections.unmodifiableMap(constants);
  }

  /** Value of an enumerator or integer constant, or null. */
  public Long integerValue(String name) {
    Long v = enumerators.get(name);
    if (v != null) {
      return v;
    }
    ConstEntry c = constants.get(name);
    return c == null ? null : c.value();
  }

  /** The definition a tag refers to, or null. */
  public TypeRef tag(TypeRef.Tag tag, String name) {
    return switch (tag) {
      case STRUCT -> structTags.get(name);
      case UNION -> unionTags.get(name);
      case ENUM -> enumTags.get(name);
    };
  }

  /** Follows typedef names and tags down to a definition, collecting typedef attributes. */
  public Resolved resolve(TypeRef type) throws IdlException {
    List<Attribute> attrs = new ArrayList<>();
    List<String> names = new ArrayList<>();
    TypeRef t = type;
    for (int i = 0; i < MAX_TYPEDEF_CHAIN; i++) {
      if (t instanceof TypeRef.Named n) {
        TypedefEntry e = typedefs.get(n.name());
        if (e == null) {
          throw new IdlException(n.position(), "unknown type '" + n.name() + "'");
        }
        attrs.addAll(e.def().attrs());
        names.add(n.name());
        t = e.def().type();
      } else if (t instanceof TypeRef.Tagged tg) {
        TypeRef def = tag(tg.tag(), tg.name());
        if (def == null) {
          // A tag used but never defined is an opaque forward reference; treat as an error only if used on the wire.
          throw new IdlException(tg.position(), tg.tag().name().toLowerCase() + " '" + tg.name() + "' is declared but never defined");
        }
        t = def;
      } else {
        return new Resolved(t, attrs, names);
      }
    }
    throw new IdlException(type.position(), "typedef chain too long or circular");
  }

  /** Wire size of a type for {@code sizeof}, or null when it has none that MIDL would compute simply. */
  public Long sizeOf(TypeRef type) {
    try {
      TypeRef t = resolve(type).type();
      if (t instanceof TypeRef.Primitive p) {
        return p.kind() == PrimitiveKind.VOID ? null : (long) p.kind().size();
      }
      if (t instanceof TypeRef.Pointer) {
        return 4L; // a 32-bit C pointer, as MIDL's sizeof sees it on the platforms the specs assume
      }
      if (t instanceof TypeRef.Enum) {
        return 4L;
      }
      return null;
    } catch (IdlException e) {
      return null;
    }
  }

  /**
   * Registers a typedef. An identical redefinition is ignored; a different one is an error in the
   * same file, while a file may replace an imported definition (returned as a warning) because the
   * specifications do so: MS-LSAT defines {@code STRING} as a structure although MS-DTYP, which it
   * imports, defines it as {@code UCHAR*}.
   *
   * @return a warning to report, or null
   */
  String addTypedef(Definition.Typedef def, String file) throws IdlException {
    TypedefEntry old = typedefs.get(def.name());
    if (old != null) {
      if (TypeDescriber.describe(old.def().type()).equals(TypeDescriber.describe(def.type()))) {
        return null; // an identical redefinition, as ms-dtyp.idl repeats DWORD: harmless
      }
      if (old.file().equals(file)) {
        throw new IdlException(def.position(), "type '" + def.name() + "' is already defined differently at "
            + old.def().position());
      }
      typedefs.put(def.name(), new TypedefEntry(def, file));
      return def.position() + ": type '" + def.name() + "' replaces the different definition imported from "
          + old.def().position();
    }
    typedefs.put(def.name(), new TypedefEntry(def, file));
    return null;
  }

  void addTag(TypeRef def) {
    if (def instanceof TypeRef.Struct s && s.tag() != null) {
      structTags.putIfAbsent(s.tag(), s);
    } else if (def instanceof TypeRef.Union u && u.tag() != null) {
      unionTags.putIfAbsent(u.tag(), u);
    } else if (def instanceof TypeRef.Enum e && e.tag() != null) {
      enumTags.putIfAbsent(e.tag(), e);
    }
  }

  void addEnumerator(String name, long value, SourcePosition at, String file) throws IdlException {
    Long old = enumerators.get(name);
    if (old != null && old != value) {
      throw new IdlException(at, "enumerator '" + name + "' is already defined with value " + old);
    }
    enumerators.put(name, value);
    enumeratorFiles.put(name, file);
  }
}
