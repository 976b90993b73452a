package org.msrpc4j.interfaces.echo;

import java.time.Duration;
import org.msrpc4j.runtime.client.RpcBinding;
import org.msrpc4j.runtime.client.RpcChannel;
import org.msrpc4j.runtime.client.RpcClient;
import org.msrpc4j.runtime.server.RpcServer;

/**
 * A real runtime server on loopback serving {@link SambaEchoServer} through the generated
 * dispatcher, and a real client channel to it. Closed by the test that made it.
 */
final class EchoLoopback implements AutoCloseable {
  /** SourceData limit of the test server: small, so that the limit is testable. */
  static final int MAX_SOURCE_DATA = 1 << 20;

  final RpcServer server;
  final RpcClient client;
  final RpcChannel channel;

  EchoLoopback() throws Exception {
    server = RpcServer.builder().listen("127.0.0.1", 0)
        .register(new RpcechoDispatcher(new SambaEchoServer(MAX_SOURCE_DATA))).build().start();
    client = RpcClient.create();
    channel = client.channel(RpcBinding.tcp("127.0.0.1", server.port()));
  }

  @Override
  public void close() {
    channel.close();
    client.close();
    server.shutdown(Duration.ofSeconds(2));
  }
}
