package org.msrpc4j.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Decides the Java package of each IDL file: an explicit entry in the {@code packages} map (keyed
 * by file name) wins; otherwise the base package plus the file's directories under the IDL root and
 * its base name, each made a valid package segment ({@code lsa/ms-lsat.idl} → {@code base.lsa.mslsat}).
 * Immutable and thread-safe.
 */
public final class IdlPackageNames {
  private static final Set<String> KEYWORDS =
      Set.of("abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class",
          "const", "continue", "default", "do", "double", "else", "enum", "extends", "final",
          "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
          "interface", "long", "native", "new", "package", "private", "protected", "public",
          "return", "short", "static", "strictfp", "super", "switch", "synchronized", "this",
          "throw", "throws", "transient", "try", "void", "volatile", "while", "true", "false", "null");

  private final String basePackage;
  private final Map<String, String> overrides;

  /**
   * @param basePackage the package prefix for files without an override
   * @param overrides package per IDL file name (e.g. {@code ms-lsat.idl → org.example.lsat}); may be empty
   */
  public IdlPackageNames(String basePackage, Map<String, String> overrides) {
    this.basePackage = basePackage;
    this.overrides = Map.copyOf(overrides);
  }

  /** The package for {@code relative}, a path to an IDL file relative to the IDL root. */
  public String packageFor(Path relative) {
    String fileName = relative.getFileName().toString();
    String explicit = overrides.get(fileName);
    if (explicit != null) {
      return explicit;
    }
    List<String> segments = new ArrayList<>();
    for (int i = 0; i < relative.getNameCount() - 1; i++) {
      segments.add(segment(relative.getName(i).toString()));
    }
    segments.add(segment(fileName.replaceAll("\\.[^.]*$", "")));
    return basePackage + "." + String.join(".", segments);
  }

  private static String segment(String name) {
    String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "");
    if (s.isEmpty() || Character.isDigit(s.charAt(0)) || KEYWORDS.contains(s)) {
      s = "_" + s;
    }
    return s;
  }
}
