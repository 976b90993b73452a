package org.msrpc4j.authz;

/**
 * A security operation was refused; carries the Windows error code a caller can match on
 * (5 ERROR_ACCESS_DENIED, 87 ERROR_INVALID_PARAMETER, 1307 ERROR_INVALID_OWNER,
 * 1308 ERROR_INVALID_PRIMARY_GROUP, 1314 ERROR_PRIVILEGE_NOT_HELD).
 *
 * <p>Immutable once thrown, hence thread-safe. Messages never contain secrets.
 */
public final class SecurityOperationException extends Exception {
  private static final long serialVersionUID = 1L;

  public static final int ACCESS_DENIED = 5;
  public static final int INVALID_PARAMETER = 87;
  public static final int INVALID_OWNER = 1307;
  public static final int INVALID_PRIMARY_GROUP = 1308;
  public static final int PRIVILEGE_NOT_HELD = 1314;

  private final int status;

  public SecurityOperationException(int status, String message) {
    super(message + " (Windows error " + status + ")");
    this.status = status;
  }

  /** The Windows error code. */
  public int status() {
    return status;
  }
}
