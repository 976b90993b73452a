package org.msrpc4j.runtime;

/**
 * A server-side interface implementation as the runtime sees it: typically a generated dispatcher
 * that unmarshals the input stub, calls the user's implementation and marshals the output.
 *
 * <p>{@link #dispatch} runs on the server's executor, never on an I/O thread, and may block. It is
 * called concurrently for concurrent calls: implementations must be thread-safe.
 */
public interface RpcInterfaceHandler {
  /** The interface and the highest minor version served (clients with minor ≤ this are accepted). */
  InterfaceId interfaceId();

  /**
   * Executes operation {@code opnum}.
   *
   * @param opnum the operation number from the request
   * @param stubIn the input stub (NDR octets in {@link RpcCall#transferSyntax()})
   * @param call the call context
   * @return the output stub
   * @throws RpcException to answer with a fault carrying its status; use
   *     {@link RpcStatus#NCA_S_OP_RNG_ERROR} for an unknown opnum and
   *     {@link RpcStatus#RPC_X_BAD_STUB_DATA} for input that does not unmarshal. Any other
   *     exception becomes a nca_s_fault_unspec fault and a log line.
   */
  byte[] dispatch(int opnum, byte[] stubIn, RpcCall call) throws RpcException;
}
