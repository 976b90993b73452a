package org.msrpc4j.runtime.server;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's association groups by id. A bind with assoc_group_id 0 creates a group; a bind
 * naming an existing group joins it; when the last connection of a group closes, the group ends
 * and its context handles are run down on the executor (never on an event loop). Every group's
 * handles also count against one server-wide quota, so that a client opening many association
 * groups cannot multiply the per-group quota. Thread-safe.
 */
public final class AssociationGroupRegistry {
  private static final Logger LOG = LoggerFactory.getLogger(AssociationGroupRegistry.class);

  private final Map<Integer, AssociationGroup> groups = new HashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final int maxHandlesPerGroup;
  private final Executor rundownExecutor;
  private final int maxHandles;
  /** One permit per context handle the server can still open (all groups together). */
  private final Semaphore handlePermits;

  /** A registry without a server-wide handle quota beyond {@code Integer.MAX_VALUE}. */
  public AssociationGroupRegistry(int maxHandlesPerGroup, Executor rundownExecutor) {
    this(maxHandlesPerGroup, Integer.MAX_VALUE, rundownExecutor);
  }

  /**
   * @param maxHandlesPerGroup open context handles per group
   * @param maxHandles open context handles over all groups
   * @param rundownExecutor where rundowns run when a group ends
   */
  public AssociationGroupRegistry(int maxHandlesPerGroup, int maxHandles, Executor rundownExecutor) {
    this.maxHandlesPerGroup = maxHandlesPerGroup;
    this.maxHandles = maxHandles;
    this.handlePermits = new Semaphore(maxHandles);
    this.rundownExecutor = rundownExecutor;
  }

  /**
   * Joins group {@code requestedId} (0 = a new group).
   *
   * @return the group, or null when a non-zero id names no live group
   */
  public synchronized AssociationGroup join(int requestedId) {
    AssociationGroup g;
    if (requestedId == 0) {
      int id;
      do {
        id = random.nextInt() & 0x7FFFFFFF; // unguessable, non-zero
      } while (id == 0 || groups.containsKey(id));
      g = new AssociationGroup(id, maxHandlesPerGroup, handlePermits);
      groups.put(id, g);
    } else {
      g = groups.get(requestedId);
      if (g == null) {
        return null;
      }
    }
    g.connections(g.connections() + 1);
    return g;
  }

  /** A connection of {@code g} closed; the last one ends the group. */
  public void leave(AssociationGroup g) {
    boolean ended;
    synchronized (this) {
      g.connections(g.connections() - 1);
      ended = g.connections() == 0;
      if (ended) {
        groups.remove(g.id());
      }
    }
    if (ended && g.handles().size() > 0) {
      LOG.info("association group {} ended with {} open context handle(s): running them down", g.id(), g.handles().size());
      try {
        rundownExecutor.execute(() -> g.handles().runDownAll());
      } catch (RuntimeException e) {
        g.handles().runDownAll(); // executor already shut down: run here rather than leak
      }
    }
  }

  /** Context handles open in all groups together. */
  public int openContextHandles() {
    return maxHandles - handlePermits.availablePermits();
  }

  /** Number of live groups. */
  public synchronized int size() {
    return groups.size();
  }
}
