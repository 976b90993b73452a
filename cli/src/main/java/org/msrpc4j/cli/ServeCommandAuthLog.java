package org.msrpc4j.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.msrpc4j.runtime.RpcCall;
import org.msrpc4j.runtime.RpcException;
import org.msrpc4j.runtime.auth.AuthClientInfo;
import org.msrpc4j.runtime.auth.SecurityCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each authenticated caller of {@code msrpc serve} once per security context: who, with which
 * authentication service and at which level. It runs as the security callback of every served
 * interface (the runtime has no "context established" hook), so it sees the context at its first
 * call. The runtime itself logs refusals (failed logons, calls below an interface's minimum). A
 * security context is identified by the client's address and port (one connection) with the
 * principal, service and level, which tells apart the contexts a connection multiplexes. The memory
 * of contexts already logged is bounded: past {@link #MAX_REMEMBERED} the oldest are forgotten (and
 * would be logged again). Never refuses a call. Thread-safe.
 */
final class ServeCommandAuthLog implements SecurityCallback {
  static final int MAX_REMEMBERED = 4096;
  private static final Logger LOG = LoggerFactory.getLogger("org.msrpc4j.cli.serve");

  private final Map<String, Boolean> logged = new LinkedHashMap<>(64, 0.75f, false) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
      return size() > MAX_REMEMBERED;
    }
  };

  @Override
  public void check(RpcCall call) {
    AuthClientInfo who;
    try {
      who = call.inqAuthClient();
    } catch (RpcException e) {
      return; // an unauthenticated call: no security context to report
    }
    String key = call.clientAddress() + "|" + who.clientPrincipal() + "|" + who.service() + "|" + who.level();
    boolean first;
    synchronized (logged) {
      first = logged.put(key, Boolean.TRUE) == null;
    }
    if (first) {
      LOG.info("{}: authenticated {} with {} at level {} (first call: {})", call.clientAddress(),
          who.clientPrincipal(), who.service(), who.level(), call.interfaceId().uuid());
    }
  }
}
