package org.msrpc4j.runtime.server;

import java.time.Duration;

/**
 * Limits and timeouts of an {@link RpcServer}. Immutable.
 *
 * @param maxFragment largest fragment received or sent (negotiated down per association; 1432..65535)
 * @param maxRequestStub largest reassembled request stub (Samba's default is 4 MiB)
 * @param maxCallsPerAssociation calls executing or queued per connection before
 *     nca_s_server_too_busy faults
 * @param fragmentTimeout time to receive one fragment once it started (slow-peer defence)
 * @param maxContextHandlesPerGroup open context handles per association group
 * @param maxPresentationContexts presentation contexts per connection
 * @param maxConnections connections open at once; further ones are closed on arrival
 */
public record ServerSettings(int maxFragment, int maxRequestStub, int maxCallsPerAssociation,
    Duration fragmentTimeout, int maxContextHandlesPerGroup, int maxPresentationContexts, int maxConnections) {

  public ServerSettings {
    if (maxFragment < 1432 || maxFragment > 65535) {
      throw new IllegalArgumentException("maxFragment must be within 1432..65535");
    }
    if (maxRequestStub <= 0 || maxCallsPerAssociation <= 0 || maxContextHandlesPerGroup <= 0
        || maxPresentationContexts <= 0 || maxConnections <= 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  /** Defaults: 5840-byte fragments (Samba's), 8 MiB requests, 256 calls, 30 s per fragment, 4096 connections. */
  public static ServerSettings defaults() {
    return new ServerSettings(5840, 8 << 20, 256, Duration.ofSeconds(30), 16384, 64, 4096);
  }

  public ServerSettings withMaxFragment(int v) {
    return new ServerSettings(v, maxRequestStub, maxCallsPerAssociation, fragmentTimeout, maxContextHandlesPerGroup, maxPresentationContexts, maxConnections);
  }

  public ServerSettings withMaxRequestStub(int v) {
    return new ServerSettings(maxFragment, v, maxCallsPerAssociation, fragmentTimeout, maxContextHandlesPerGroup, maxPresentationContexts, maxConnections);
  }

  public ServerSettings withMaxCallsPerAssociation(int v) {
    return new ServerSettings(maxFragment, maxRequestStub, v, fragmentTimeout, maxContextHandlesPerGroup, maxPresentationContexts, maxConnections);
  }

  public ServerSettings withMaxConnections(int v) {
    return new ServerSettings(maxFragment, maxRequestStub, maxCallsPerAssociation, fragmentTimeout, maxContextHandlesPerGroup, maxPresentationContexts, v);
  }

  public ServerSettings withFragmentTimeout(Duration v) {
    return new ServerSettings(maxFragment, maxRequestStub, maxCallsPerAssociation, v, maxContextHandlesPerGroup, maxPresentationContexts, maxConnections);
  }
}
