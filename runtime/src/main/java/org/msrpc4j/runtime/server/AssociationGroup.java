package org.msrpc4j.runtime.server;

import java.util.concurrent.Semaphore;
import org.msrpc4j.runtime.ServerContextHandles;

/**
 * One association group on the server: the connections a client made with the same
 * assoc_group_id, and the context handles they share. Its connection count is managed by
 * {@link AssociationGroupRegistry}, which runs the handles down when the last connection leaves.
 * Thread-safe.
 */
public final class AssociationGroup {
  private final int id;
  private final ServerContextHandles handles;
  private int connections; // guarded by the registry

  AssociationGroup(int id, int maxHandles, Semaphore serverWideHandles) {
    this.id = id;
    this.handles = new ServerContextHandles(maxHandles, serverWideHandles);
  }

  /** The assoc_group_id on the wire. */
  public int id() {
    return id;
  }

  /** The group's context handles. */
  public ServerContextHandles handles() {
    return handles;
  }

  int connections() {
    return connections;
  }

  void connections(int n) {
    connections = n;
  }
}
