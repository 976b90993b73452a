package org.msrpc4j.benchmarks.grpc;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * N independent gRPC channels to one target, each with its own TCP connection and TLS session.
 *
 * <p>gRPC multiplexes every call of a channel over one HTTP/2 connection, so "N connections" means N channels.
 * Responses are handled on the transport's event loop ({@code directExecutor}), as gRPC-java's own benchmarks do; the
 * benchmark's completion handlers only record a latency and start the next call.
 *
 * <p>The list of channels is fixed at construction; the channels themselves are thread-safe. {@link #close} is not
 * meant to race with calls still being made.
 */
final class EchoChannels implements AutoCloseable {

  private final List<ManagedChannel> channels;

  EchoChannels(String target, SslContext tls, int count) {
    List<ManagedChannel> opened = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      opened.add(
          NettyChannelBuilder.forTarget(target)
              .sslContext(tls)
              .directExecutor()
              .maxInboundMessageSize(EchoMethod.MAX_PAYLOAD + 64)
              .build());
    }
    this.channels = List.copyOf(opened);
  }

  /** The channels, in a fixed order. */
  List<ManagedChannel> channels() {
    return channels;
  }

  /**
   * Connects every channel with one echo call and checks that they are distinct TLS 1.3 connections.
   *
   * @return what each channel's connection negotiated, in channel order
   * @throws IllegalStateException if two channels share a connection or a handshake settled below TLS 1.3
   */
  List<ConnectionInfo> connect(byte[] payload) {
    List<ConnectionInfo> infos = new ArrayList<>(channels.size());
    Set<Object> localAddresses = new HashSet<>();
    for (ManagedChannel channel : channels) {
      ConnectionInfo info = ConnectionProbe.probe(channel, payload);
      if (!TlsContexts.TLS_1_3.equals(info.tlsProtocol())) {
        throw new IllegalStateException("negotiated " + info.tlsProtocol() + ", not " + TlsContexts.TLS_1_3);
      }
      localAddresses.add(info.localAddress());
      infos.add(info);
    }
    if (localAddresses.size() != channels.size()) {
      throw new IllegalStateException(
          channels.size() + " channels share " + localAddresses.size() + " TCP connection(s)");
    }
    return infos;
  }

  @Override
  public void close() throws InterruptedException {
    for (ManagedChannel channel : channels) {
      channel.shutdownNow();
    }
    for (ManagedChannel channel : channels) {
      channel.awaitTermination(5, TimeUnit.SECONDS);
    }
  }
}
