package org.msrpc4j.maven.it;

import java.util.concurrent.CompletableFuture;
import org.msrpc4j.runtime.RpcClientChannel;
import org.msrpc4j.runtime.RpcException;
import org.msrpc4j.runtime.RpcInterfaceHandler;
import org.msrpc4j.runtime.RpcRequest;

/**
 * An in-memory transport: hands each request stub to a real dispatcher and its output stub back,
 * remembering both so that a test can compare them with another implementation's bytes.
 * Not thread-safe (one test at a time).
 */
final class LoopbackChannel implements RpcClientChannel {
  private final RpcInterfaceHandler handler;
  byte[] lastRequest;
  byte[] lastResponse;

  LoopbackChannel(RpcInterfaceHandler handler) {
    this.handler = handler;
  }

  @Override
  public byte[] call(RpcRequest request) throws RpcException {
    lastRequest = request.stub();
    // No security and no call properties are needed by these operations; the dispatcher passes the
    // call through to the server only because the ACF says explicit_handle.
    lastResponse = handler.dispatch(request.opnum(), request.stub(), null);
    return lastResponse;
  }

  @Override
  public CompletableFuture<byte[]> callAsync(RpcRequest request) {
    try {
      return CompletableFuture.completedFuture(call(request));
    } catch (RpcException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public void close() {
  }
}
