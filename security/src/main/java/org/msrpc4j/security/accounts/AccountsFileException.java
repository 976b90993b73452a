package org.msrpc4j.security.accounts;

/**
 * The accounts file is malformed. The message names the file and the line, and never contains a
 * password or hash.
 */
public final class AccountsFileException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int line;

  AccountsFileException(String source, int line, String problem) {
    super(source + (line > 0 ? " line " + line : "") + ": " + problem);
    this.line = line;
  }

  /** The 1-based line the problem is on, or 0 when it concerns the whole file. */
  public int line() {
    return line;
  }
}
