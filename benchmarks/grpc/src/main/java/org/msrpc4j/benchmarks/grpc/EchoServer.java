package org.msrpc4j.benchmarks.grpc;

import io.grpc.Attributes;
import io.grpc.Server;
import io.grpc.ServerTransportFilter;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A running gRPC echo server over TLS 1.3.
 *
 * <p>The echo handler runs directly on the transport's event loop ({@code directExecutor}), the setting gRPC-java's
 * own benchmarks use for non-blocking handlers; the msrpc4j server likewise answers EchoData without a hand-off.
 * Counts the TLS connections it has accepted so a caller can check that N client channels really are N connections.
 *
 * <p>Thread-safe; {@link #close} may be called from any thread, more than once.
 */
final class EchoServer implements AutoCloseable {

  private final Server server;
  private final String tlsImplementation;
  private final AtomicLong connectionsAccepted = new AtomicLong();

  private EchoServer(InetSocketAddress bindAddress, SslContext tls) throws IOException {
    this.tlsImplementation = TlsContexts.describe(tls);
    this.server =
        NettyServerBuilder.forAddress(bindAddress)
            .sslContext(tls)
            .directExecutor()
            .maxInboundMessageSize(EchoMethod.MAX_PAYLOAD + 64)
            .addService(EchoService.definition())
            .addTransportFilter(new ConnectionCounter())
            .build()
            .start();
  }

  /** Starts a server bound to {@code bindAddress} (port 0 picks a free port) with a PEM certificate and key. */
  static EchoServer start(InetSocketAddress bindAddress, File certificate, File privateKey, TlsProvider provider)
      throws IOException {
    return new EchoServer(bindAddress, TlsContexts.server(certificate, privateKey, provider));
  }

  /** The port the server listens on. */
  int port() {
    return server.getPort();
  }

  /** The TLS implementation the server's context uses. */
  String tlsImplementation() {
    return tlsImplementation;
  }

  /** TLS connections that completed their handshake since the server started. */
  long connectionsAccepted() {
    return connectionsAccepted.get();
  }

  /** Blocks until the server has terminated. */
  void awaitTermination() throws InterruptedException {
    server.awaitTermination();
  }

  @Override
  public void close() {
    server.shutdownNow();
    try {
      server.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** gRPC reports a transport as ready once its TLS handshake and HTTP/2 preface are done. */
  private final class ConnectionCounter extends ServerTransportFilter {
    @Override
    public Attributes transportReady(Attributes transportAttrs) {
      connectionsAccepted.incrementAndGet();
      return transportAttrs;
    }
  }
}
