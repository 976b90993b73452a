package org.msrpc4j.runtime.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.msrpc4j.runtime.RpcException;
import org.msrpc4j.runtime.RpcStatus;
import org.msrpc4j.runtime.auth.ClientSecurity;

/**
 * The client runtime: owns the I/O threads and makes {@link RpcChannel}s for bindings.
 *
 * <pre>{@code
 * try (RpcClient client = RpcClient.create()) {
 *   RpcChannel ch = client.channel(RpcBinding.parse("ncacn_ip_tcp:127.0.0.1[1234]"));
 *   byte[] out = ch.call(iface, 0, stub);
 * }
 * }</pre>
 *
 * <p>Thread-safe. Close it to release its threads (channels made from it stop working).
 */
public final class RpcClient implements AutoCloseable {
  private final EventLoopGroup group;
  private final Bootstrap bootstrap;
  private final ClientSettings settings;
  private final EndpointResolver resolver;
  private final ClientSecurity security;

  private RpcClient(ClientSettings settings, EndpointResolver resolver, ClientSecurity security) {
    this.settings = settings;
    this.resolver = resolver;
    this.security = security;
    this.group = new NioEventLoopGroup(2, new DefaultThreadFactory("rpc-client", true));
    this.bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class);
  }

  /** A client with default settings and no endpoint mapper (bindings must name a port). */
  public static RpcClient create() {
    return new RpcClient(ClientSettings.defaults(), null, ClientSecurity.defaults());
  }

  /** A client with {@code settings}; {@code resolver} (may be null) resolves bindings without a port. */
  public static RpcClient create(ClientSettings settings, EndpointResolver resolver) {
    return new RpcClient(settings, resolver, ClientSecurity.defaults());
  }

  /**
   * A client with {@code settings}, an endpoint resolver (may be null) and the security providers
   * and credential lookup its channels authenticate with ({@code setAuthInfo}).
   */
  public static RpcClient create(ClientSettings settings, EndpointResolver resolver, ClientSecurity security) {
    return new RpcClient(settings, resolver, java.util.Objects.requireNonNull(security, "security"));
  }

  /** How this client's channels authenticate. */
  public ClientSecurity security() {
    return security;
  }

  /** A channel for {@code binding} with this client's settings. */
  public RpcChannel channel(RpcBinding binding) {
    return new RpcChannel(this, binding, settings);
  }

  /** A channel for {@code binding} with other settings. */
  public RpcChannel channel(RpcBinding binding, ClientSettings channelSettings) {
    return new RpcChannel(this, binding, channelSettings);
  }

  ClientSettings settings() {
    return settings;
  }

  Bootstrap bootstrap() {
    return bootstrap;
  }

  CompletableFuture<Integer> resolve(String host, org.msrpc4j.runtime.InterfaceId iface) {
    if (resolver == null) {
      return CompletableFuture.failedFuture(new RpcException(RpcStatus.RPC_S_NO_ENDPOINT_FOUND,
          "the binding has no endpoint and no endpoint mapper is configured"));
    }
    return resolver.resolve(this, host, iface);
  }

  @Override
  public void close() {
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
  }
}
