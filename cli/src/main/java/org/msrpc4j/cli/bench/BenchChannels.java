package org.msrpc4j.cli.bench;

import org.msrpc4j.runtime.RpcException;
import org.msrpc4j.runtime.client.RpcChannel;

/**
 * Where a slot's calls go: the same open connection every time (pipelined calls), or a fresh
 * connection per call ({@code --new-connections}). Implementations are thread-safe.
 */
interface BenchChannels {
  /** The channel for the next call. */
  RpcChannel acquire() throws RpcException;

  /** Called once the call on {@code channel} has completed. */
  void release(RpcChannel channel);

  /** One long-lived channel (a single connection) shared by the slots of one connection. */
  static BenchChannels shared(RpcChannel channel) {
    return new BenchChannels() {
      @Override
      public RpcChannel acquire() {
        return channel;
      }

      @Override
      public void release(RpcChannel c) {
        // stays open for the next call
      }
    };
  }
}
