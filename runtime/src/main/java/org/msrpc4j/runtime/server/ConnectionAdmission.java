package org.msrpc4j.runtime.server;

import io.netty.channel.Channel;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which connections a server keeps when there are more than {@code maxConnections}.
 *
 * <p>A connection that has not bound yet costs an attacker nothing (one TCP handshake), while a
 * bound one has at least sent a well-formed bind. So at the limit a new connection takes the place
 * of the oldest connection that has not bound yet; only when every open connection is bound is the
 * new one closed on arrival. A flood of half-open connections therefore keeps at most
 * {@code maxConnections} of them, never starves clients that bind promptly, and needs no timer to
 * make room. Refusals and evictions are logged at most once a second (with a count), so that a
 * flood cannot also flood the log.
 *
 * <p>Called once per accepted, bound and closed connection — never per call. Thread-safe (one
 * monitor: the event loops of all connections use it).
 */
final class ConnectionAdmission {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionAdmission.class);
  private static final long LOG_INTERVAL_NANOS = 1_000_000_000L;

  private final int maxConnections;
  private final Set<Channel> open = new LinkedHashSet<>();
  /** Open connections without a bind yet, oldest first. */
  private final Set<Channel> unbound = new LinkedHashSet<>();
  private long refused;
  private long evicted;
  private long lastLogNanos = System.nanoTime() - LOG_INTERVAL_NANOS;

  ConnectionAdmission(int maxConnections) {
    this.maxConnections = maxConnections;
  }

  /**
   * Admits {@code ch}, closing the oldest unbound connection to make room when at the limit.
   *
   * @return false when the connection must be closed (the limit is reached and every open
   *     connection is bound); the caller closes it before creating any state for it
   */
  boolean admit(Channel ch) {
    Channel victim = null;
    String log = null;
    synchronized (this) {
      if (open.size() >= maxConnections) {
        Iterator<Channel> oldest = unbound.iterator();
        if (!oldest.hasNext()) {
          refused++;
          log = summaryIfDue();
          if (log != null) {
            LOG.warn("{} connections open, all bound: closing new connections ({})", maxConnections, log);
          }
          return false;
        }
        victim = oldest.next();
        oldest.remove();
        open.remove(victim);
        evicted++;
        log = summaryIfDue();
      }
      open.add(ch);
      unbound.add(ch);
    }
    if (victim != null) {
      if (log != null) {
        LOG.warn("{} connections open: closing the oldest that has not bound yet, {} ({})", maxConnections,
            victim.remoteAddress(), log);
      }
      victim.close();
    }
    return true;
  }

  /** {@code ch} received its bind: it is no longer replaced by newcomers. */
  synchronized void bound(Channel ch) {
    unbound.remove(ch);
  }

  /** {@code ch} closed (for whatever reason). */
  synchronized void closed(Channel ch) {
    open.remove(ch);
    unbound.remove(ch);
  }

  /** Connections admitted and not closed. */
  synchronized int open() {
    return open.size();
  }

  /** Admitted connections that have not bound yet. */
  synchronized int unbound() {
    return unbound.size();
  }

  private String summaryIfDue() {
    long now = System.nanoTime();
    if (now - lastLogNanos < LOG_INTERVAL_NANOS) {
      return null;
    }
    lastLogNanos = now;
    String s = "refused " + refused + ", replaced " + evicted + " since the last message";
    refused = 0;
    evicted = 0;
    return s;
  }
}
