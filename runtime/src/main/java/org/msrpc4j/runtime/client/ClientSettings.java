package org.msrpc4j.runtime.client;

import java.time.Duration;

/**
 * Client limits and timeouts. Immutable.
 *
 * @param connectTimeout TCP connect + bind
 * @param callTimeout time for one call's response (null or zero = none)
 * @param maxFragment the fragment size proposed in bind (1432..65535)
 * @param maxResponseStub largest reassembled response accepted
 * @param poolSize connections per channel (one association group)
 * @param callsPerConnection calls in flight on a connection before the pool opens another
 * @param negotiateFeatures offer bind-time feature negotiation in the first bind
 * @param retry when a call whose connection died is sent again on a new connection
 */
public record ClientSettings(Duration connectTimeout, Duration callTimeout, int maxFragment,
    int maxResponseStub, int poolSize, int callsPerConnection, boolean negotiateFeatures, RetryPolicy retry) {
  public ClientSettings {
    java.util.Objects.requireNonNull(retry, "retry");
    if (maxFragment < 1432 || maxFragment > 65535) {
      throw new IllegalArgumentException("maxFragment must be within 1432..65535");
    }
    if (poolSize < 1 || callsPerConnection < 1 || maxResponseStub < 1) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  /**
   * 10 s connect, 60 s calls, 5840-byte fragments, 16 MiB responses, 1 connection, one retry for
   * calls never sent and for idempotent calls ({@link RetryPolicy#defaults()}).
   */
  public static ClientSettings defaults() {
    return new ClientSettings(Duration.ofSeconds(10), Duration.ofSeconds(60), 5840, 16 << 20, 1, 1024, true,
        RetryPolicy.defaults());
  }

  public ClientSettings withRetry(RetryPolicy r) {
    return new ClientSettings(connectTimeout, callTimeout, maxFragment, maxResponseStub, poolSize, callsPerConnection, negotiateFeatures, r);
  }

  public ClientSettings withCallTimeout(Duration d) {
    return new ClientSettings(connectTimeout, d, maxFragment, maxResponseStub, poolSize, callsPerConnection, negotiateFeatures, retry);
  }

  public ClientSettings withConnectTimeout(Duration d) {
    return new ClientSettings(d, callTimeout, maxFragment, maxResponseStub, poolSize, callsPerConnection, negotiateFeatures, retry);
  }

  public ClientSettings withMaxFragment(int v) {
    return new ClientSettings(connectTimeout, callTimeout, v, maxResponseStub, poolSize, callsPerConnection, negotiateFeatures, retry);
  }

  public ClientSettings withPool(int size, int callsPerConn) {
    return new ClientSettings(connectTimeout, callTimeout, maxFragment, maxResponseStub, size, callsPerConn, negotiateFeatures, retry);
  }
}
