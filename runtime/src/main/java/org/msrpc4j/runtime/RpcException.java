package org.msrpc4j.runtime;

/**
 * The one exception family of the runtime: a failed RPC with the Windows status code that a
 * Windows caller would see (a fault status from the server, or a local status such as
 * {@link RpcStatus#RPC_S_SERVER_UNAVAILABLE}).
 *
 * <p>Match on {@link #status()} exactly as on Windows. Messages never carry secrets.
 * Immutable and thread-safe.
 */
public class RpcException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final boolean didNotExecute;

  /** A failure with {@code status} and a plain-words {@code detail} (may be null). */
  public RpcException(int status, String detail) {
    this(status, detail, false, null);
  }

  /** A failure with {@code status}, no extra detail. */
  public RpcException(int status) {
    this(status, null, false, null);
  }

  /** A failure with {@code status} caused by {@code cause}. */
  public RpcException(int status, String detail, Throwable cause) {
    this(status, detail, false, cause);
  }

  /**
   * A failure reported by a fault PDU; {@code didNotExecute} tells whether the server guaranteed
   * that the call was not executed (PFC_DID_NOT_EXECUTE), i.e. whether it is safe to retry.
   */
  public RpcException(int status, String detail, boolean didNotExecute, Throwable cause) {
    super(message(status, detail), cause);
    this.status = status;
    this.didNotExecute = didNotExecute;
  }

  private static String message(int status, String detail) {
    String d = RpcStatus.describe(status);
    return detail == null || detail.isEmpty() ? d : d + ": " + detail;
  }

  /** The Windows status code. */
  public int status() {
    return status;
  }

  /** The symbolic name of the status, e.g. {@code nca_s_op_rng_error} or {@code RPC_S_UNKNOWN_IF}. */
  public String statusName() {
    return RpcStatus.nameOf(status);
  }

  /** True when the server said the call did not execute (safe to retry). */
  public boolean didNotExecute() {
    return didNotExecute;
  }
}
