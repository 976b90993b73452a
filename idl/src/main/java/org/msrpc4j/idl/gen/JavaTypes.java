package org.msrpc4j.idl.gen;

import org.msrpc4j.idl.ast.PrimitiveKind;

/**
 * The Java type that holds a value of a {@link Shape}: {@code int} for a DWORD, {@code String} for a
 * string or wchar_t array, {@code byte[]} for an octet array, {@code List<T>} for other arrays, the
 * generated class for named types; pointers are nullable references to their target's type.
 * Stateless and thread-safe.
 */
final class JavaTypes {
  private JavaTypes() {}

  /** The declared Java type. */
  static String of(Shape s) {
    if (s instanceof Shape.Prim p) {
      return primitive(p.kind());
    } else if (s instanceof Shape.EnumRef e) {
      return e.javaName();
    } else if (s instanceof Shape.StructRef r) {
      return r.javaName();
    } else if (s instanceof Shape.UnionRef u) {
      return u.javaName();
    } else if (s instanceof Shape.Handle h) {
      return h.javaName();
    } else if (s instanceof Shape.Str) {
      return "String";
    } else if (s instanceof Shape.Arr a) {
      String bulk = bulkArrayType(a.element());
      return bulk != null ? bulk : "List<" + boxed(a.element()) + ">";
    } else if (s instanceof Shape.Ptr p) {
      return boxed(p.target());
    }
    return "Object";
  }

  /** The type usable as a generic argument (primitives boxed). */
  static String boxed(Shape s) {
    if (s instanceof Shape.Prim p) {
      return switch (primitive(p.kind())) {
        case "boolean" -> "Boolean";
        case "byte" -> "Byte";
        case "short" -> "Short";
        case "char" -> "Character";
        case "int" -> "Integer";
        case "long" -> "Long";
        case "float" -> "Float";
        case "double" -> "Double";
        default -> "Object";
      };
    }
    return of(s);
  }

  /** A class literal for the type's erasure, for full pointers. */
  static String classLiteral(Shape s) {
    String t = boxed(s);
    int generic = t.indexOf('<');
    return (generic >= 0 ? t.substring(0, generic) : t) + ".class";
  }

  static String primitive(PrimitiveKind k) {
    return switch (k) {
      case BOOLEAN -> "boolean";
      case BYTE, CHAR, SMALL, USMALL -> "byte";
      case SHORT -> "short";
      case USHORT, LONG, ULONG, ERROR_STATUS_T -> "int";
      case WCHAR -> "char";
      case INT3264, UINT3264, HYPER, UHYPER -> "long";
      case FLOAT -> "float";
      case DOUBLE -> "double";
      default -> "Object";
    };
  }

  /**
   * The Java array type used for arrays of {@code element} that the engine writes in bulk, or null
   * when elements are written one by one into a List. wchar_t arrays become Strings.
   */
  static String bulkArrayType(Shape element) {
    if (!(element instanceof Shape.Prim p)) {
      return null;
    }
    return switch (p.kind()) {
      case BYTE, CHAR, SMALL, USMALL -> "byte[]";
      case SHORT, USHORT -> "short[]";
      case LONG, ULONG, ERROR_STATUS_T -> "int[]";
      case HYPER, UHYPER -> "long[]";
      case WCHAR -> "String";
      default -> null;
    };
  }

  /** Whether the Java type is a primitive (fields need no null handling). */
  static boolean isPrimitive(Shape s) {
    return s instanceof Shape.Prim;
  }

  /** The Java expression of a value as an unsigned-aware long, for size and switch expressions. */
  static String asLong(Shape s, String value) {
    if (s instanceof Shape.Ptr p) {
      return asLong(p.target(), value);
    }
    if (s instanceof Shape.EnumRef) {
      return "(long) " + value + ".value()";
    }
    if (s instanceof Shape.Prim p) {
      return switch (p.kind()) {
        case BOOLEAN -> "(" + value + " ? 1L : 0L)";
        case BYTE, CHAR, USMALL -> "Byte.toUnsignedLong(" + value + ")";
        case ULONG, ERROR_STATUS_T -> "Integer.toUnsignedLong(" + value + ")";
        case FLOAT, DOUBLE -> "(long) " + value;
        default -> "((long) " + value + ")";
      };
    }
    return null;
  }

  /** The zero value of a type, for fields of a fresh object. */
  static String defaultValue(Shape s) {
    if (s instanceof Shape.Prim p) {
      return switch (primitive(p.kind())) {
        case "boolean" -> "false";
        case "char" -> "'\\0'";
        case "long" -> "0L";
        case "float" -> "0f";
        case "double" -> "0d";
        case "int" -> "0";
        default -> "(" + primitive(p.kind()) + ") 0";
      };
    }
    return "null";
  }
}
