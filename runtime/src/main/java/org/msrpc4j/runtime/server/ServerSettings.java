package org.msrpc4j.runtime.server;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits and timeouts of an {@link RpcServer}. Immutable; copy with the {@code with…} methods.
 * docs/SECURITY.md explains what each one defends against and how to size it.
 *
 * @param maxFragment largest fragment received or sent (negotiated down per association; 1432..65535)
 * @param maxRequestStub largest reassembled request stub (Samba's default is 4 MiB)
 * @param maxCallsPerAssociation calls executing or queued per connection before
 *     nca_s_server_too_busy faults
 * @param fragmentTimeout time to receive one fragment once its first byte arrived (slow-peer defence)
 * @param maxContextHandlesPerGroup open context handles per association group
 * @param maxPresentationContexts presentation contexts per connection
 * @param maxConnections connections open at once; beyond it a new connection replaces the oldest
 *     one that has not bound yet, or is closed on arrival when every open connection is bound
 * @param bindTimeout time from accepting a connection to receiving its bind; 0 = no limit
 * @param requestTimeout time from a request's first fragment to its last (a multi-fragment call
 *     holds up to {@code maxRequestStub} bytes while it arrives); 0 = no limit
 * @param maxContextHandles open context handles in the whole server, over all association groups
 * @param maxReassemblyBytes stub bytes held by all incomplete multi-fragment requests of the server
 *     together; a fragment that would exceed it ends its connection with nca_s_server_too_busy
 */
public record ServerSettings(int maxFragment, int maxRequestStub, int maxCallsPerAssociation,
    Duration fragmentTimeout, int maxContextHandlesPerGroup, int maxPresentationContexts, int maxConnections,
    Duration bindTimeout, Duration requestTimeout, int maxContextHandles, long maxReassemblyBytes) {

  public ServerSettings {
    if (maxFragment < 1432 || maxFragment > 65535) {
      throw new IllegalArgumentException("maxFragment must be within 1432..65535");
    }
    if (maxRequestStub <= 0 || maxCallsPerAssociation <= 0 || maxContextHandlesPerGroup <= 0
        || maxPresentationContexts <= 0 || maxConnections <= 0 || maxContextHandles <= 0 || maxReassemblyBytes <= 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
    for (Duration d : new Duration[] {fragmentTimeout, bindTimeout, requestTimeout}) {
      if (Objects.requireNonNull(d, "timeouts must not be null").isNegative()) {
        throw new IllegalArgumentException("timeouts must not be negative");
      }
    }
  }

  /**
   * The settings of earlier versions; the bind timeout is the fragment timeout, the request timeout,
   * the server-wide handle quota and the reassembly budget take their defaults.
   */
  public ServerSettings(int maxFragment, int maxRequestStub, int maxCallsPerAssociation, Duration fragmentTimeout,
      int maxContextHandlesPerGroup, int maxPresentationContexts, int maxConnections) {
    this(maxFragment, maxRequestStub, maxCallsPerAssociation, fragmentTimeout, maxContextHandlesPerGroup,
        maxPresentationContexts, maxConnections, fragmentTimeout, DEFAULT_REQUEST_TIMEOUT, DEFAULT_MAX_CONTEXT_HANDLES,
        defaultReassemblyBytes());
  }

  /** A quarter of the JVM's maximum heap, at least 64 MiB. */
  private static long defaultReassemblyBytes() {
    return Math.max(64L << 20, Runtime.getRuntime().maxMemory() / 4);
  }

  private static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofMinutes(2);
  private static final int DEFAULT_MAX_CONTEXT_HANDLES = 65536;

  /**
   * Defaults: 5840-byte fragments (Samba's), 8 MiB requests, 256 calls per connection, 30 s per
   * fragment and to bind, 2 min per multi-fragment request, 16384 context handles per association
   * group and 65536 in the server, 64 presentation contexts, 4096 connections, incomplete requests
   * holding at most a quarter of the maximum heap (at least 64 MiB).
   */
  public static ServerSettings defaults() {
    return new ServerSettings(5840, 8 << 20, 256, Duration.ofSeconds(30), 16384, 64, 4096,
        Duration.ofSeconds(30), DEFAULT_REQUEST_TIMEOUT, DEFAULT_MAX_CONTEXT_HANDLES, defaultReassemblyBytes());
  }

  public ServerSettings withMaxFragment(int v) {
    return new ServerSettings(v, maxRequestStub, maxCallsPerAssociation, fragmentTimeout, maxContextHandlesPerGroup,
        maxPresentationContexts, maxConnections, bindTimeout, requestTimeout, maxContextHandles, maxReassemblyBytes);
  }

  public ServerSettings withMaxRequestStub(int v) {
    return new ServerSettings(maxFragment, v, maxCallsPerAssociation, fragmentTimeout, maxContextHandlesPerGroup,
        maxPresentationContexts, maxConnections, bindTimeout, requestTimeout, maxContextHandles, maxReassemblyBytes);
  }

  public ServerSettings withMaxCallsPerAssociation(int v) {
    return new ServerSettings(maxFragment, maxRequestStub, v, fragmentTimeout, maxContextHandlesPerGroup,
        maxPresentationContexts, maxConnections, bindTimeout, requestTimeout, maxContextHandles, maxReassemblyBytes);
  }

  public ServerSettings withMaxConnections(int v) {
    return new ServerSettings(maxFragment, maxRequestStub, maxCallsPerAssociation, fragmentTimeout,
        maxContextHandlesPerGroup, maxPresentationContexts, v, bindTimeout, requestTimeout, maxContextHandles, maxReassemblyBytes);
  }

  /**
   * The fragment timeout; for compatibility with earlier versions it also sets the bind timeout
   * (call {@link #withBindTimeout} afterwards to choose another).
   */
  public ServerSettings withFragmentTimeout(Duration v) {
    return new ServerSettings(maxFragment, maxRequestStub, maxCallsPerAssociation, v, maxContextHandlesPerGroup,
        maxPresentationContexts, maxConnections, v, requestTimeout, maxContextHandles, maxReassemblyBytes);
  }

  public ServerSettings withBindTimeout(Duration v) {
    return new ServerSettings(maxFragment, maxRequestStub, maxCallsPerAssociation, fragmentTimeout,
        maxContextHandlesPerGroup, maxPresentationContexts, maxConnections, v, requestTimeout, maxContextHandles, maxReassemblyBytes);
  }

  public ServerSettings withRequestTimeout(Duration v) {
    return new ServerSettings(maxFragment, maxRequestStub, maxCallsPerAssociation, fragmentTimeout,
        maxContextHandlesPerGroup, maxPresentationContexts, maxConnections, bindTimeout, v, maxContextHandles, maxReassemblyBytes);
  }

  public ServerSettings withMaxContextHandlesPerGroup(int v) {
    return new ServerSettings(maxFragment, maxRequestStub, maxCallsPerAssociation, fragmentTimeout, v,
        maxPresentationContexts, maxConnections, bindTimeout, requestTimeout, maxContextHandles, maxReassemblyBytes);
  }

  public ServerSettings withMaxReassemblyBytes(long v) {
    return new ServerSettings(maxFragment, maxRequestStub, maxCallsPerAssociation, fragmentTimeout,
        maxContextHandlesPerGroup, maxPresentationContexts, maxConnections, bindTimeout, requestTimeout,
        maxContextHandles, v);
  }

  public ServerSettings withMaxContextHandles(int v) {
    return new ServerSettings(maxFragment, maxRequestStub, maxCallsPerAssociation, fragmentTimeout,
        maxContextHandlesPerGroup, maxPresentationContexts, maxConnections, bindTimeout, requestTimeout, v, maxReassemblyBytes);
  }
}
