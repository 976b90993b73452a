package org.msrpc4j.runtime.client;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.msrpc4j.runtime.InterfaceId;
import org.msrpc4j.runtime.RpcClientChannel;
import org.msrpc4j.runtime.RpcException;
import org.msrpc4j.runtime.RpcRequest;
import org.msrpc4j.runtime.RpcStatus;
import org.msrpc4j.runtime.auth.ClientAuthInfo;
import org.msrpc4j.security.AuthnLevel;
import org.msrpc4j.security.AuthnService;
import org.msrpc4j.security.AuthzService;
import org.msrpc4j.security.ClientIdentity;
import org.msrpc4j.security.IdentityTracking;
import org.msrpc4j.security.SecurityContextException;
import org.msrpc4j.security.SecurityQos;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link RpcClientChannel} of one binding: a pool of up to {@code poolSize} connections that
 * share one association group (so context handles work on all of them). A new connection is opened
 * when every open one carries {@code callsPerConnection} calls; a connection that closes is
 * dropped from the pool and replaced on demand.
 *
 * <p>Recovery: when a connection dies (the server restarted, the network dropped it), the next
 * call opens a new connection, binds and authenticates again with the channel's settings, in a
 * new association group (the server ran the old one down, and with it every context handle, whose
 * later use fails with nca_s_fault_context_mismatch). Calls caught by the loss are sent again as
 * {@link ClientSettings#retry()} allows (by default once if never sent or {@code [idempotent]}).
 *
 * <p>Thread-safe.
 */
public final class RpcChannel implements RpcClientChannel {
  private static final Logger LOG = LoggerFactory.getLogger(RpcChannel.class);
  private final RpcClient client;
  private final RpcBinding binding;
  private final ClientSettings settings;
  private final List<ClientConnection> connections = new ArrayList<>();
  private CompletableFuture<Integer> port;
  private int groupId;
  private boolean closed;
  /** The binding's auth settings; null = unauthenticated. */
  private volatile AuthSetting authInfo;
  /** Connections being opened, per auth settings (the null key stands for unauthenticated). */
  private final Map<ClientAuthInfo, CompletableFuture<ClientConnection>> openingByAuth = new HashMap<>();
  private static final ClientAuthInfo NO_AUTH = new ClientAuthInfo("", AuthnLevel.NONE, AuthnService.NONE, null, null, null);

  RpcChannel(RpcClient client, RpcBinding binding, ClientSettings settings) {
    this.client = client;
    this.binding = binding;
    this.settings = settings;
  }

  /**
   * RpcBindingSetAuthInfo: every later call on this channel is authenticated with these settings
   * (the default QoS: static identity tracking, impersonation allowed). Level NONE or service NONE
   * turns authentication off. Connections already made keep their security context (and so do
   * channels from {@link #withCurrentSecurity()}).
   *
   * @param spn the server principal name (e.g. from {@code Spn.make}); NTLM may leave it empty
   * @param identity credentials, or null for the current thread's
   * @throws RpcException RPC_S_UNKNOWN_AUTHN_SERVICE (1747) when no provider serves {@code service},
   *     or the resolver's status when {@code identity} is null and the thread has no credentials
   */
  public void setAuthInfo(String spn, AuthnLevel level, AuthnService service, ClientIdentity identity,
      AuthzService authzService) throws RpcException {
    setAuthInfoEx(spn, level, service, identity, authzService, SecurityQos.DEFAULT);
  }

  /**
   * RpcBindingSetAuthInfoEx: as {@link #setAuthInfo} with a quality of service. With static
   * identity tracking and a null identity, the current thread's credentials are captured now; with
   * dynamic tracking they are read again on every call (so a call made inside an impersonation, or
   * under another Subject, runs with those credentials). The impersonation level and capabilities
   * go to the provider.
   */
  public void setAuthInfoEx(String spn, AuthnLevel level, AuthnService service, ClientIdentity identity,
      AuthzService authzService, SecurityQos qos) throws RpcException {
    if (level == AuthnLevel.NONE || service == AuthnService.NONE) {
      authInfo = null;
      return;
    }
    ClientAuthInfo info = new ClientAuthInfo(spn, level, service, identity, authzService, qos);
    if (client.security().providers().find(service).isEmpty()) {
      throw new RpcException(RpcStatus.RPC_S_UNKNOWN_AUTHN_SERVICE, "no security provider for " + service.resolveDefault());
    }
    ClientIdentity captured = identity;
    if (identity == null && info.qos().identityTracking() == IdentityTracking.STATIC) {
      captured = resolve();
    }
    authInfo = new AuthSetting(info, captured);
  }

  /**
   * What setAuthInfoEx stored: the settings as given (for inqAuthInfo) and the credentials to use
   * (null = read the current thread's on every call: dynamic tracking).
   */
  private record AuthSetting(ClientAuthInfo requested, ClientIdentity captured) {}

  /**
   * RpcBindingInqAuthInfo: the settings last given to {@link #setAuthInfoEx}.
   *
   * @throws RpcException RPC_S_BINDING_HAS_NO_AUTH (1746) when the channel is unauthenticated
   */
  public ClientAuthInfo inqAuthInfo() throws RpcException {
    AuthSetting a = authInfo;
    if (a == null) {
      throw new RpcException(RpcStatus.RPC_S_BINDING_HAS_NO_AUTH, "the binding has no authentication information");
    }
    return a.requested();
  }

  /**
   * A channel fixed to the security settings in effect now: its calls always travel on connections
   * authenticated with them, whatever {@link #setAuthInfoEx} sets later. Open a context handle
   * through it and make the calls on that handle through it: that is how a context handle keeps the
   * security context of the binding it was created on. Closing it does nothing; close this channel.
   */
  public RpcClientChannel withCurrentSecurity() throws RpcException {
    ClientAuthInfo fixed = effectiveAuth(authInfo);
    RpcChannel owner = this;
    return new RpcClientChannel() {
      @Override
      public byte[] call(RpcRequest request) throws RpcException {
        return owner.await(callAsync(request));
      }

      @Override
      public CompletableFuture<byte[]> callAsync(RpcRequest request) {
        return owner.callAsync(request, fixed);
      }

      @Override
      public void close() {
        // the owner channel holds the connections
      }
    };
  }

  /** The settings with a concrete identity (the current thread's when none was given). */
  private ClientAuthInfo effectiveAuth(AuthSetting a) throws RpcException {
    if (a == null) {
      return null;
    }
    return a.requested().withIdentity(a.captured() != null ? a.captured() : resolve());
  }

  private ClientIdentity resolve() throws RpcException {
    try {
      return client.security().currentCredentials().resolveOrThrow();
    } catch (SecurityContextException e) {
      throw new RpcException(e.rpcStatus(), e.getMessage());
    }
  }

  /** The binding this channel serves. */
  public RpcBinding binding() {
    return binding;
  }

  @Override
  public byte[] call(RpcRequest request) throws RpcException {
    return await(callAsync(request));
  }

  private byte[] await(CompletableFuture<byte[]> f) throws RpcException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      f.cancel(true);
      Thread.currentThread().interrupt();
      throw new RpcException(RpcStatus.RPC_S_CALL_CANCELLED, "interrupted");
    } catch (CancellationException e) {
      throw new RpcException(RpcStatus.RPC_S_CALL_CANCELLED, "cancelled");
    } catch (ExecutionException e) {
      Throwable c = ClientConnection.unwrap(e.getCause());
      if (c instanceof RpcException r) {
        // Re-throw a fresh exception so the caller's stack trace is in it, keeping the status.
        throw new RpcException(r.status(), messageDetail(r), r.didNotExecute(), r);
      }
      throw new RpcException(RpcStatus.RPC_S_INTERNAL_ERROR, String.valueOf(c), c);
    }
  }

  private static String messageDetail(RpcException r) {
    String m = r.getMessage();
    int i = m.indexOf(": ");
    return i < 0 ? null : m.substring(i + 2);
  }

  @Override
  public CompletableFuture<byte[]> callAsync(RpcRequest request) {
    ClientAuthInfo auth;
    try {
      // Resolved on the caller's thread: dynamic identity tracking reads this thread's credentials.
      auth = effectiveAuth(authInfo);
    } catch (RpcException e) {
      return CompletableFuture.failedFuture(e);
    }
    return callAsync(request, auth);
  }

  private CompletableFuture<byte[]> callAsync(RpcRequest request, ClientAuthInfo auth) {
    CompletableFuture<byte[]> result = new CompletableFuture<>();
    attempt(request, auth, result, 0);
    return result;
  }

  /**
   * Sends the call once (attempt 0, 1, …). When its connection dies and the retry policy allows,
   * the next attempt takes a connection from the pool again: the dead one has left it, so a new
   * one is opened, bound and authenticated with the same settings.
   */
  private void attempt(RpcRequest request, ClientAuthInfo auth, CompletableFuture<byte[]> result, int attempt) {
    UUID object = request.object() != null ? request.object() : binding.object();
    // The connection-level future of the call, once it exists; cancelling it sends co_cancel.
    AtomicReference<CompletableFuture<byte[]>> onWire = new AtomicReference<>();
    CompletableFuture<byte[]> inner = connection(request.iface(), auth)
        .thenCompose(conn -> conn.context(request.iface())
            .thenCompose(ctxId -> {
              CompletableFuture<byte[]> f = conn.call(ctxId, request.opnum(), object, request.stub());
              onWire.set(f);
              if (result.isCancelled()) {
                f.cancel(true);
              }
              return f;
            }));
    result.whenComplete((r, e) -> {
      if (e instanceof CancellationException) {
        CompletableFuture<byte[]> f = onWire.get();
        if (f != null) {
          f.cancel(true);
        }
        inner.cancel(true);
      }
    });
    inner.whenComplete((r, e) -> {
      if (e == null) {
        result.complete(r);
        return;
      }
      Throwable cause = ClientConnection.unwrap(e);
      if (cause instanceof ConnectionLostException lost && !result.isDone()
          && settings.retry().allows(lost, request.idempotent(), attempt)) {
        LOG.debug("{}: opnum {} of {} again on a new connection ({})", binding, request.opnum(), request.iface(),
            lost.getMessage());
        attempt(request, auth, result, attempt + 1);
        return;
      }
      result.completeExceptionally(cause);
    });
  }

  private CompletableFuture<ClientConnection> connection(InterfaceId iface, ClientAuthInfo auth) {
    CompletableFuture<ClientConnection> open;
    ClientAuthInfo key = auth == null ? NO_AUTH : auth;
    synchronized (this) {
      if (closed) {
        return CompletableFuture.failedFuture(new RpcException(RpcStatus.RPC_S_CALL_FAILED_DNE, "channel closed"));
      }
      connections.removeIf(c -> !c.usable());
      // Only connections authenticated with exactly these settings (and identity) may carry the call.
      // A plain loop: this runs on every call, streams and lists here showed in the allocation profile.
      ClientConnection best = null;
      int bestInFlight = Integer.MAX_VALUE;
      int same = 0;
      for (int i = 0; i < connections.size(); i++) {
        ClientConnection c = connections.get(i);
        if (java.util.Objects.equals(c.auth(), auth)) {
          same++;
          int n = c.inFlight();
          if (n < bestInFlight) {
            best = c;
            bestInFlight = n;
          }
        }
      }
      if (best != null && (bestInFlight < settings.callsPerConnection() || same >= settings.poolSize())) {
        return CompletableFuture.completedFuture(best);
      }
      CompletableFuture<ClientConnection> already = openingByAuth.get(key);
      if (already != null) {
        return already;
      }
      // Join the group of a live connection; with none left the server has ended the group (and
      // run down its context handles), so start a new one rather than be refused with bind_nak.
      int group = connections.isEmpty() ? 0 : connections.get(0).groupId();
      open = resolvePort(iface).thenCompose(p -> ClientConnection.open(client.bootstrap(), binding.host(), p, settings,
          iface, group, auth, client.security()));
      openingByAuth.put(key, open);
    }
    open.whenComplete((c, e) -> {
      synchronized (this) {
        openingByAuth.remove(key);
        if (c != null) {
          if (closed) {
            c.close();
          } else {
            connections.add(c);
            groupId = c.groupId();
          }
        }
      }
    });
    return open;
  }

  private synchronized CompletableFuture<Integer> resolvePort(InterfaceId iface) {
    if (binding.port() != null) {
      return CompletableFuture.completedFuture(binding.port());
    }
    if (port == null || port.isCompletedExceptionally()) {
      port = client.resolve(binding.host(), iface);
    }
    return port;
  }

  /** Number of open connections (for tests and diagnostics). */
  public synchronized int connectionCount() {
    connections.removeIf(c -> !c.usable());
    return connections.size();
  }

  /** The association group id the server assigned (0 before the first bind). */
  public synchronized int associationGroupId() {
    return groupId;
  }

  @Override
  public void close() {
    List<ClientConnection> all;
    synchronized (this) {
      closed = true;
      all = List.copyOf(connections);
      connections.clear();
    }
    for (ClientConnection c : all) {
      c.close();
    }
  }
}
