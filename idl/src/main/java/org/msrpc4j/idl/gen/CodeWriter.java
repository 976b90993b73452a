package org.msrpc4j.idl.gen;

/**
 * Accumulates Java source with indentation that follows braces, so generators write statements
 * without counting spaces. Not thread-safe.
 */
final class CodeWriter {
  private final StringBuilder sb = new StringBuilder();
  private int indent;

  /** Writes one line; a line starting with '}' closes a level first, one ending with '{' opens one. */
  CodeWriter line(String text) {
    String t = text.strip();
    if (t.startsWith("}") || t.startsWith(")")) {
      indent = Math.max(0, indent - 1);
    }
    if (!t.isEmpty()) {
      sb.append("  ".repeat(indent)).append(t);
    }
    sb.append('\n');
    if (t.endsWith("{")) {
      indent++;
    }
    return this;
  }

  /** Writes several lines, each through {@link #line}. */
  CodeWriter lines(String block) {
    for (String l : block.split("\n", -1)) {
      line(l);
    }
    return this;
  }

  /** Writes an empty line. */
  CodeWriter blank() {
    sb.append('\n');
    return this;
  }

  /** Writes a Javadoc comment (text may hold several lines). */
  CodeWriter javadoc(String text) {
    String[] ls = text.split("\n");
    if (ls.length == 1) {
      return line("/** " + escapeComment(ls[0]) + " */");
    }
    line("/**");
    for (String l : ls) {
      line(" * " + escapeComment(l));
    }
    return line(" */");
  }

  private static String escapeComment(String s) {
    // Generated text uses Javadoc tags on purpose; only a comment terminator and unicode escapes from
    // IDL text could break the source.
    return s.replace("*/", "*&#47;").replace("\\u", "\\\\u");
  }

  @Override
  public String toString() {
    return sb.toString();
  }
}
