package org.msrpc4j.idl.parse;

import java.util.Map;
import java.util.Set;
import org.msrpc4j.idl.ast.PrimitiveKind;

/** Maps C/MIDL spellings of base types ("unsigned long int", "__int64", …) to {@link PrimitiveKind}. */
public final class PrimitiveSpelling {
  /** Words that may appear in a base type's spelling. */
  public static final Set<String> WORDS =
      Set.of("unsigned", "signed", "int", "long", "short", "char", "small", "hyper", "byte",
          "boolean", "wchar_t", "float", "double", "__int8", "__int16", "__int32", "__int64",
          "__int3264", "void", "handle_t", "error_status_t");

  /**
   * Words that name a base type by themselves (as opposed to the modifiers unsigned, signed, short,
   * long); a second one ends the type, as in {@code typedef unsigned short wchar_t;}.
   */
  public static final Set<String> NOUNS =
      Set.of("int", "char", "small", "hyper", "byte", "boolean", "wchar_t", "float", "double",
          "__int8", "__int16", "__int32", "__int64", "__int3264", "void", "handle_t", "error_status_t");

  /** Whether base-type noun {@code noun} may follow the modifier words read so far. */
  public static boolean canFollow(String modifiers, String noun) {
    if (modifiers.isEmpty()) {
      return true;
    }
    if (modifiers.contains("short") || modifiers.contains("long")) {
      return noun.equals("int");
    }
    // only signed/unsigned so far
    return Set.of("int", "char", "small", "hyper", "__int8", "__int16", "__int32", "__int64", "__int3264")
        .contains(noun);
  }

  private static final Map<String, PrimitiveKind> BASE =
      Map.ofEntries(
          Map.entry("boolean", PrimitiveKind.BOOLEAN),
          Map.entry("byte", PrimitiveKind.BYTE),
          Map.entry("char", PrimitiveKind.CHAR),
          Map.entry("small", PrimitiveKind.SMALL),
          Map.entry("__int8", PrimitiveKind.SMALL),
          Map.entry("short", PrimitiveKind.SHORT),
          Map.entry("__int16", PrimitiveKind.SHORT),
          Map.entry("int", PrimitiveKind.LONG),
          Map.entry("long", PrimitiveKind.LONG),
          Map.entry("__int32", PrimitiveKind.LONG),
          Map.entry("hyper", PrimitiveKind.HYPER),
          Map.entry("__int64", PrimitiveKind.HYPER),
          Map.entry("long long", PrimitiveKind.HYPER),
          Map.entry("__int3264", PrimitiveKind.INT3264),
          Map.entry("wchar_t", PrimitiveKind.WCHAR),
          Map.entry("float", PrimitiveKind.FLOAT),
          Map.entry("double", PrimitiveKind.DOUBLE),
          Map.entry("void", PrimitiveKind.VOID),
          Map.entry("handle_t", PrimitiveKind.HANDLE_T),
          Map.entry("error_status_t", PrimitiveKind.ERROR_STATUS_T));

  private PrimitiveSpelling() {}

  /**
   * @param spelling specifier words separated by single spaces, e.g. {@code "unsigned long int"}
   * @return the kind, or null when the words do not name a base type
   */
  public static PrimitiveKind parse(String spelling) {
    boolean unsigned = false;
    boolean signed = false;
    StringBuilder rest = new StringBuilder();
    for (String w : spelling.split(" ")) {
      switch (w) {
        case "unsigned" -> unsigned = true;
        case "signed" -> signed = true;
        default -> rest.append(rest.length() == 0 ? "" : " ").append(w);
      }
    }
    String base = rest.toString();
    // "short int", "long int" and "long long int" are the same as without "int".
    if (base.endsWith(" int") && !base.equals("int")) {
      base = base.substring(0, base.length() - 4);
    }
    if (base.isEmpty() && (unsigned || signed)) {
      base = "int";
    }
    PrimitiveKind kind = BASE.get(base);
    if (kind == null) {
      return null;
    }
    if (signed && kind == PrimitiveKind.CHAR) {
      return PrimitiveKind.SMALL;
    }
    if (unsigned) {
      return switch (kind) {
        case SMALL -> PrimitiveKind.USMALL;
        case SHORT -> PrimitiveKind.USHORT;
        case LONG -> PrimitiveKind.ULONG;
        case HYPER -> PrimitiveKind.UHYPER;
        case INT3264 -> PrimitiveKind.UINT3264;
        default -> kind;
      };
    }
    return kind;
  }
}
