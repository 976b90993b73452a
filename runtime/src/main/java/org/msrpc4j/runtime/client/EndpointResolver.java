package org.msrpc4j.runtime.client;

import java.util.concurrent.CompletableFuture;
import org.msrpc4j.runtime.InterfaceId;

/**
 * Finds the TCP port of an interface on a host when a binding has no endpoint (the endpoint
 * mapper's ept_map on port 135 by default). Implementations must be thread-safe.
 */
@FunctionalInterface
public interface EndpointResolver {
  /** The port of {@code iface} on {@code host}, or a future failed with EPT_S_NOT_REGISTERED. */
  CompletableFuture<Integer> resolve(RpcClient client, String host, InterfaceId iface);
}
