package org.msrpc4j.idl;

/**
 * A place in an IDL or ACF source file, used in every diagnostic so that a user can jump to it.
 *
 * @param file the file name as given (or as found on the include path)
 * @param line 1-based line number
 * @param column 1-based column number
 */
public record SourcePosition(String file, int line, int column) {

  /** Formats as {@code file:line:column}, the form compilers and editors understand. */
  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
