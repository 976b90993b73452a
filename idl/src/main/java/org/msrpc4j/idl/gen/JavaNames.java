package org.msrpc4j.idl.gen;

import java.util.Locale;
import java.util.Set;

/**
 * Turns IDL names into Java names: {@code RPC_UNICODE_STRING} → {@code RpcUnicodeString},
 * {@code MaximumLength} → {@code maximumLength}, {@code LsarOpenPolicy2} → {@code lsarOpenPolicy2}.
 * Names that would clash with Java keywords or with the {@code java.lang}/{@code java.util} types the
 * generated code uses are adjusted. Stateless and thread-safe.
 */
final class JavaNames {
  private static final Set<String> KEYWORDS =
      Set.of("abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class",
          "const", "continue", "default", "do", "double", "else", "enum", "extends", "final",
          "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
          "interface", "long", "native", "new", "package", "private", "protected", "public",
          "return", "short", "static", "strictfp", "super", "switch", "synchronized", "this",
          "throw", "throws", "transient", "try", "void", "volatile", "while", "true", "false",
          "null", "var", "record", "yield", "sealed", "permits", "_");

  /** Simple names the generated code refers to unqualified, so a generated type must not take them. */
  private static final Set<String> RESERVED_TYPES =
      Set.of("String", "Object", "Integer", "Long", "Short", "Byte", "Character", "Boolean",
          "Float", "Double", "Math", "List", "ArrayList", "Collections", "Objects", "Arrays",
          "Override", "Void", "Record", "Enum", "Exception", "Class", "System", "Iterable",
          "Number", "Error", "Runtime", "Thread", "Deprecated", "UUID", "Optional",
          "NdrEncoder", "NdrDecoder", "NdrException", "NdrEncodable", "NdrContextHandle",
          "NotRemotable", "RpcException", "RpcStatus", "RpcCall", "RpcClientChannel",
          "RpcInterfaceHandler", "InterfaceId", "ContextHandle", "StringBuilder");

  private JavaNames() {}

  /** A Java type name for an IDL type name. */
  static String typeName(String idl) {
    String n = camel(idl, true);
    if (RESERVED_TYPES.contains(n) || KEYWORDS.contains(n)) {
      n = "Idl" + n;
    }
    return n;
  }

  /** A Java field, parameter or method name for an IDL member or operation name. */
  static String memberName(String idl) {
    String n = camel(idl, false);
    if (KEYWORDS.contains(n) || n.isEmpty()) {
      n = n + "_";
    }
    return n;
  }

  /** A Java constant name: upper case with underscores, as the IDL usually already spells it. */
  static String constantName(String idl) {
    String n = idl.replaceAll("[^A-Za-z0-9_$]", "_");
    if (!n.isEmpty() && Character.isDigit(n.charAt(0))) {
      n = "_" + n;
    }
    return KEYWORDS.contains(n) ? n + "_" : n;
  }

  private static String camel(String idl, boolean upperFirst) {
    String[] parts = idl.replaceAll("^_+", "").split("_+");
    StringBuilder sb = new StringBuilder();
    for (String p : parts) {
      if (p.isEmpty()) {
        continue;
      }
      boolean allUpper = p.equals(p.toUpperCase(Locale.ROOT));
      String word = allUpper ? p.charAt(0) + p.substring(1).toLowerCase(Locale.ROOT) : p;
      if (sb.length() == 0 && !upperFirst) {
        word = allUpper ? word.toLowerCase(Locale.ROOT) : decapitalize(word);
      } else {
        word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
      }
      sb.append(word);
    }
    String n = sb.toString();
    if (n.isEmpty()) {
      n = upperFirst ? "Unnamed" : "unnamed";
    }
    if (Character.isDigit(n.charAt(0))) {
      n = (upperFirst ? "T" : "v") + n;
    }
    return n;
  }

  /** {@code "LSAPRHandle"} → {@code "lsaprHandle"}, {@code "MaximumLength"} → {@code "maximumLength"}. */
  private static String decapitalize(String w) {
    int upper = 0;
    while (upper < w.length() && Character.isUpperCase(w.charAt(upper))) {
      upper++;
    }
    if (upper <= 1) {
      return w.isEmpty() ? w : Character.toLowerCase(w.charAt(0)) + w.substring(1);
    }
    // An acronym at the start: lower all of it but the letter that begins the next word.
    int keep = upper == w.length() ? upper : upper - 1;
    return w.substring(0, keep).toLowerCase(Locale.ROOT) + w.substring(keep);
  }

  /** A Java string literal for {@code s}. */
  static String literal(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
