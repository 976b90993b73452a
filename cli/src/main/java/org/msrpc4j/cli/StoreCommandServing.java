package org.msrpc4j.cli;

import java.nio.file.Path;
import org.msrpc4j.store.AccessListener;
import org.msrpc4j.store.ObjectStore;
import org.msrpc4j.store.StoreCallEvent;
import org.msrpc4j.store.StoreException;
import org.msrpc4j.store.StoreRpcService;
import org.msrpc4j.store.StoreStatusNames;
import org.msrpc4j.store.rpc.Msrpc4jStore;
import org.msrpc4j.store.rpc.Msrpc4jStoreDispatcher;
import org.msrpc4j.runtime.InterfaceId;

/**
 * How {@code msrpc serve --data DIR} serves the secure object store: opens the SQLite store under
 * DIR and logs each store call (who, level, status) and each access denial to standard output.
 * Thread-safe (printing is synchronized by the stream).
 */
final class StoreCommandServing {
  private StoreCommandServing() {}

  /** The store's interface, for the endpoint mapper. */
  static final InterfaceId INTERFACE = Msrpc4jStore.INTERFACE_ID;

  /** An opened store and its dispatcher; close the store when the server stops. */
  record Served(ObjectStore store, Msrpc4jStoreDispatcher dispatcher) {}

  /**
   * Opens the store under {@code dataDirectory}.
   *
   * @throws StoreException when the database cannot be opened
   */
  static Served open(Path dataDirectory) throws StoreException {
    AccessListener denials = d -> {
      if (!d.allowed()) {
        System.out.println("store: " + d.describe());
      }
    };
    ObjectStore store = ObjectStore.open(dataDirectory, denials);
    StoreRpcService service = new StoreRpcService(store, StoreCommandServing::log);
    System.out.println("store: objects in " + dataDirectory.toAbsolutePath().resolve("store.db"));
    return new Served(store, service.dispatcher());
  }

  private static void log(StoreCallEvent e) {
    System.out.println("store: " + e.operation() + (e.path().isEmpty() ? "" : " " + e.path()) + " by " + e.principal()
        + " at level " + e.authLevel() + (e.handleLevel() != 0 ? " (handle opened at " + e.handleLevel() + ")" : "")
        + " -> " + StoreStatusNames.describe(e.status()));
  }
}
