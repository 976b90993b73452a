package org.msrpc4j.idl;

/**
 * An error in an IDL or ACF source: what is wrong and where.
 *
 * <p>The message always starts with {@code file:line:column: } so that tools and editors can
 * locate it. Immutable and therefore thread-safe.
 */
public final class IdlException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient SourcePosition position;
  private final String problem;

  /**
   * @param position where the problem is; {@code null} when it concerns no particular place
   * @param problem what is wrong, in plain words
   */
  public IdlException(SourcePosition position, String problem) {
    super(position == null ? problem : position + ": " + problem);
    this.position = position;
    this.problem = problem;
  }

  /** Where the problem is, or {@code null}. */
  public SourcePosition position() {
    return position;
  }

  /** What is wrong, without the position prefix. */
  public String problem() {
    return problem;
  }
}
