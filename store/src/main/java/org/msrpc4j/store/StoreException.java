package org.msrpc4j.store;

/**
 * A store operation that failed, with the Windows error code the RPC interface returns. Messages
 * name the path and the right that was missing, never data or secrets. Immutable.
 */
public final class StoreException extends Exception {
  private static final long serialVersionUID = 1L;

  /** ERROR_FILE_NOT_FOUND: no object at that path. */
  public static final int NOT_FOUND = 2;
  /** ERROR_PATH_NOT_FOUND: a container on the way does not exist. */
  public static final int PATH_NOT_FOUND = 3;
  /** ERROR_ACCESS_DENIED. */
  public static final int ACCESS_DENIED = 5;
  /** ERROR_INVALID_PARAMETER: bad path, name, size or security information. */
  public static final int INVALID_PARAMETER = 87;
  /** ERROR_DIR_NOT_EMPTY: a container with children cannot be deleted. */
  public static final int NOT_EMPTY = 145;
  /** ERROR_ALREADY_EXISTS. */
  public static final int ALREADY_EXISTS = 183;
  /** ERROR_DIRECTORY: the object is not a container. */
  public static final int NOT_A_CONTAINER = 267;
  /** ERROR_INVALID_SECURITY_DESCR: the descriptor (or SDDL) given does not parse. */
  public static final int INVALID_SECURITY_DESCRIPTOR = 1338;
  /** ERROR_INTERNAL_ERROR: the database failed. */
  public static final int INTERNAL_ERROR = 1359;

  private final int status;

  /** An exception with {@code status} (a Windows error code) and a message for logs and users. */
  public StoreException(int status, String message) {
    super(message);
    this.status = status;
  }

  /** An exception with a cause (database failures). */
  public StoreException(int status, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  /** The Windows error code. */
  public int status() {
    return status;
  }
}
