package org.msrpc4j.runtime.server;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.msrpc4j.runtime.InterfaceId;
import org.msrpc4j.runtime.RpcInterfaceHandler;

/**
 * The interfaces a server offers. Lookup applies the C706 version rule (major equal, server minor
 * ≥ client minor). Thread-safe (copy-on-write: registrations are rare, lookups frequent).
 */
public final class InterfaceRegistry {
  private final List<RpcInterfaceHandler> handlers = new CopyOnWriteArrayList<>();

  /** Adds {@code handler}; a handler for the same UUID and major version replaces the old one. */
  public void register(RpcInterfaceHandler handler) {
    InterfaceId id = handler.interfaceId();
    handlers.removeIf(h -> h.interfaceId().uuid().equals(id.uuid()) && h.interfaceId().major() == id.major());
    handlers.add(handler);
  }

  /** The handler serving {@code requested}, or null. */
  public RpcInterfaceHandler find(InterfaceId requested) {
    for (RpcInterfaceHandler h : handlers) {
      if (h.interfaceId().serves(requested)) {
        return h;
      }
    }
    return null;
  }

  /** The registered interfaces, in registration order. */
  public List<InterfaceId> interfaces() {
    return handlers.stream().map(RpcInterfaceHandler::interfaceId).toList();
  }
}
