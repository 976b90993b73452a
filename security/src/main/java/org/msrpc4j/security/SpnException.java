package org.msrpc4j.security;

/**
 * {@link Spn#make} refused its arguments; carries the Windows status DsMakeSpn would return: 87
 * (ERROR_INVALID_PARAMETER) or 111 (ERROR_BUFFER_OVERFLOW, with the length needed).
 */
public final class SpnException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final int requiredLength;

  SpnException(String message) {
    this(message, Spn.ERROR_INVALID_PARAMETER, 0);
  }

  SpnException(String message, int status, int requiredLength) {
    super(message);
    this.status = status;
    this.requiredLength = requiredLength;
  }

  /** The Windows status: 87 (ERROR_INVALID_PARAMETER) or 111 (ERROR_BUFFER_OVERFLOW). */
  public int status() {
    return status;
  }

  /** For ERROR_BUFFER_OVERFLOW: the buffer length needed, counting the terminating NUL; else 0. */
  public int requiredLength() {
    return requiredLength;
  }
}
