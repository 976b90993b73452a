package org.msrpc4j.authz;

/**
 * A security descriptor, ACL, ACE, SID or SDDL string could not be decoded.
 *
 * <p>This is a checked exception on purpose: binary security data comes from the network and SDDL
 * from users, so a caller must decide what a malformed value means for it. The message names the
 * position (a byte offset for binary input, a character index for SDDL) and the reason; it never
 * contains the input itself beyond a short excerpt of SDDL text, which is not secret.
 *
 * <p>Immutable once thrown, hence thread-safe.
 */
public final class SecurityFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int position;
  private final String reason;

  /**
   * @param position byte offset or character index where the problem was found
   * @param reason what is wrong, in plain words
   */
  public SecurityFormatException(int position, String reason) {
    super("at position " + position + ": " + reason);
    this.position = position;
    this.reason = reason;
  }

  /** What is wrong, without the position. */
  public String reason() {
    return reason;
  }

  /** The byte offset (binary input) or character index (SDDL) of the problem. */
  public int position() {
    return position;
  }
}
