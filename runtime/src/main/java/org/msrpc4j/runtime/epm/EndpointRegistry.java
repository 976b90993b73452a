package org.msrpc4j.runtime.epm;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.msrpc4j.runtime.InterfaceId;
import org.msrpc4j.runtime.SyntaxId;

/**
 * The endpoint map an endpoint mapper serves. Thread-safe (copy-on-write; registrations are rare).
 */
public final class EndpointRegistry {
  private final List<EndpointEntry> entries = new CopyOnWriteArrayList<>();

  /** Registers {@code iface} on ncacn_ip_tcp port {@code port} (address 0.0.0.0: "the one you reached"). */
  public void registerTcp(InterfaceId iface, int port, String annotation) {
    String a = annotation == null ? "" : annotation;
    if (a.length() > RpcEpm.MAX_ANNOTATION - 1) {
      a = a.substring(0, RpcEpm.MAX_ANNOTATION - 1);
    }
    entries.add(new EndpointEntry(new UUID(0, 0), Tower.tcp(iface, SyntaxId.NDR20, port, new byte[4]), a));
  }

  /** A snapshot of the map. */
  public List<EndpointEntry> entries() {
    return List.copyOf(entries);
  }
}
