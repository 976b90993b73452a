package org.msrpc4j.cli;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.msrpc4j.runtime.server.RpcServer;

/**
 * What a started {@code msrpc serve} holds: the RPC servers (main, then the endpoint mapper), the
 * served object store and the embedded KDC, each optional. {@link #stop} releases them in reverse
 * order of need. Set up by one thread; {@link #stop} may run on the shutdown-hook thread.
 */
final class ServeCommandRunning {
  private final List<RpcServer> servers;
  private final StoreCommandServing.Served store;
  private final ServeCommandKdc kdc;

  /**
   * @param servers the started servers, the main one first
   * @param store the served store, or null
   * @param kdc the running embedded KDC, or null
   */
  ServeCommandRunning(List<RpcServer> servers, StoreCommandServing.Served store, ServeCommandKdc kdc) {
    this.servers = List.copyOf(servers);
    this.store = store;
    this.kdc = kdc;
  }

  /** @return the main server's bound addresses */
  List<InetSocketAddress> boundAddresses() {
    return servers.get(0).boundAddresses();
  }

  /** @return the embedded KDC, or null when serve runs without one */
  ServeCommandKdc kdc() {
    return kdc;
  }

  /**
   * Stops the servers (calls in flight get {@code grace}), then closes the store and the KDC.
   *
   * @param grace the time given to calls in flight
   */
  synchronized void stop(Duration grace) {
    servers.forEach(s -> s.shutdown(grace));
    if (store != null) {
      store.store().close();
    }
    if (kdc != null) {
      kdc.close();
    }
  }

  /** {@code serve} could not start; the message has been printed. */
  static final class StartFailed extends Exception {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    StartFailed(int exitCode) {
      super(null, null, false, false);
      this.exitCode = exitCode;
    }

    /** @return the command's exit code (2 for usage errors, 1 otherwise) */
    int exitCode() {
      return exitCode;
    }
  }
}
