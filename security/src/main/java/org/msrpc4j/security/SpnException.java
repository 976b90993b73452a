package org.msrpc4j.security;

/** {@link Spn#make} refused its arguments; carries the Windows status DsMakeSpn would return. */
public final class SpnException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  SpnException(String message) {
    super(message);
  }

  /** The Windows status: 87 (ERROR_INVALID_PARAMETER). */
  public int status() {
    return Spn.ERROR_INVALID_PARAMETER;
  }
}
