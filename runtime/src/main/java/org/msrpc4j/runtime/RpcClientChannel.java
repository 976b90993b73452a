package org.msrpc4j.runtime;

import java.util.concurrent.CompletableFuture;

/**
 * What a generated client stub calls: send one request, get the marshalled output stub back.
 *
 * <p>A channel stands for one binding (server address, object UUID, later the security settings)
 * and owns a small pool of associations that share one association group, so context handles
 * returned by one call are valid on every later call of the same channel. The runtime binds
 * presentation contexts on demand (bind, then alter_context for further interfaces).
 *
 * <p>Implementations are thread-safe: many threads may call concurrently; calls are multiplexed
 * on the associations (PFC_CONC_MPX).
 */
public interface RpcClientChannel extends AutoCloseable {
  /**
   * Performs the call and waits for its result.
   *
   * @return the output stub (NDR octets) of the response
   * @throws RpcException with the fault status, or a local status (timeout {@link RpcStatus#ERROR_TIMEOUT},
   *     server unreachable {@link RpcStatus#RPC_S_SERVER_UNAVAILABLE}, cancelled
   *     {@link RpcStatus#RPC_S_CALL_CANCELLED}, …)
   */
  byte[] call(RpcRequest request) throws RpcException;

  /**
   * Starts the call. The future completes with the output stub or exceptionally with an
   * {@link RpcException}; {@code future.cancel(true)} cancels the call (a co_cancel is sent and
   * the future fails with RPC_S_CALL_CANCELLED).
   */
  CompletableFuture<byte[]> callAsync(RpcRequest request);

  /** Shorthand for {@code call(RpcRequest.of(iface, opnum, stub))}. */
  default byte[] call(InterfaceId iface, int opnum, byte[] stub) throws RpcException {
    return call(RpcRequest.of(iface, opnum, stub));
  }

  /** Shorthand for {@code callAsync(RpcRequest.of(iface, opnum, stub))}. */
  default CompletableFuture<byte[]> callAsync(InterfaceId iface, int opnum, byte[] stub) {
    return callAsync(RpcRequest.of(iface, opnum, stub));
  }

  /** The transfer syntax negotiated for marshalling (NDR 2.0 for now). */
  default SyntaxId transferSyntax() {
    return SyntaxId.NDR20;
  }

  /** Closes the channel's associations; calls in flight fail with RPC_S_CALL_FAILED. */
  @Override
  void close();
}
