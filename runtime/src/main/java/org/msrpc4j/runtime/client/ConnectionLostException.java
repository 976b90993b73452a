package org.msrpc4j.runtime.client;

import org.msrpc4j.runtime.RpcException;
import org.msrpc4j.runtime.RpcStatus;

/**
 * A call ended because its connection is gone, not because the server answered. {@link #sent()}
 * tells whether its request had been written: if not, the status is RPC_S_CALL_FAILED_DNE (1727,
 * did not execute); if so, RPC_S_CALL_FAILED (1726), since the server may have run it. The channel
 * reads this to decide on a retry ({@link RetryPolicy}); callers see a plain {@link RpcException}.
 */
final class ConnectionLostException extends RpcException {
  private static final long serialVersionUID = 1L;
  private final boolean sent;

  private ConnectionLostException(int status, String detail, boolean sent) {
    super(status, detail, !sent, null);
    this.sent = sent;
  }

  /** The request never left this client. */
  static ConnectionLostException notSent(String why) {
    return new ConnectionLostException(RpcStatus.RPC_S_CALL_FAILED_DNE, why + "; the call was not sent", false);
  }

  /** The request was written, then the connection died before the response. */
  static ConnectionLostException inFlight(String why) {
    return new ConnectionLostException(RpcStatus.RPC_S_CALL_FAILED,
        why + " while the call was in flight; the server may have executed it", true);
  }

  boolean sent() {
    return sent;
  }
}
