package org.msrpc4j.runtime.epm;

import java.util.concurrent.CompletableFuture;
import org.msrpc4j.runtime.InterfaceId;
import org.msrpc4j.runtime.RpcException;
import org.msrpc4j.runtime.client.EndpointResolver;
import org.msrpc4j.runtime.client.RpcBinding;
import org.msrpc4j.runtime.client.RpcChannel;
import org.msrpc4j.runtime.client.RpcClient;

/**
 * Resolves a binding without an endpoint through the host's endpoint mapper (ept_map on port
 * {@code epmPort}, 135 by default). Thread-safe.
 */
public final class EpmEndpointResolver implements EndpointResolver {
  private final int epmPort;

  public EpmEndpointResolver(int epmPort) {
    this.epmPort = epmPort;
  }

  public EpmEndpointResolver() {
    this(RpcEpm.PORT);
  }

  @Override
  public CompletableFuture<Integer> resolve(RpcClient client, String host, InterfaceId iface) {
    return CompletableFuture.supplyAsync(() -> {
      try (RpcChannel ch = client.channel(RpcBinding.tcp(host, epmPort))) {
        return new EpmClient(ch).mapTcp(iface, null).orElseThrow(() -> new RpcException(
            org.msrpc4j.runtime.RpcStatus.EPT_S_NOT_REGISTERED, "interface " + iface + " is not registered with the endpoint mapper of " + host));
      } catch (RpcException e) {
        throw new java.util.concurrent.CompletionException(e);
      }
    });
  }
}
