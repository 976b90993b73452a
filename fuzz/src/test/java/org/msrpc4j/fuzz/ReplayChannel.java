package org.msrpc4j.fuzz;

import java.util.concurrent.CompletableFuture;
import org.msrpc4j.runtime.RpcClientChannel;
import org.msrpc4j.runtime.RpcRequest;

/**
 * The client side of a call whose response stub is given: what a server (honest or not) sent back,
 * handed to a generated client's decoder exactly as the runtime hands it after unsealing and
 * reassembly. The request is encoded by the client as usual and not looked at.
 *
 * <p>Not thread-safe; one per call.
 */
final class ReplayChannel implements RpcClientChannel {
  private final byte[] response;

  ReplayChannel(byte[] response) {
    this.response = response.clone();
  }

  @Override
  public byte[] call(RpcRequest request) {
    return response.clone();
  }

  @Override
  public CompletableFuture<byte[]> callAsync(RpcRequest request) {
    return CompletableFuture.completedFuture(response.clone());
  }

  @Override
  public void close() {
    // nothing held
  }
}
