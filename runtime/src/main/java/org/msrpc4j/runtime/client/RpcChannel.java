package org.msrpc4j.runtime.client;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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

/**
 * The {@link RpcClientChannel} of one binding: a pool of up to {@code poolSize} connections that
 * share one association group (so context handles work on all of them). A new connection is opened
 * when every open one carries {@code callsPerConnection} calls; a connection that closes is
 * dropped from the pool and replaced on demand.
 *
 * <p>Thread-safe.
 */
public final class RpcChannel implements RpcClientChannel {
  private final RpcClient client;
  private final RpcBinding binding;
  private final ClientSettings settings;
  private final List<ClientConnection> connections = new ArrayList<>();
  private CompletableFuture<ClientConnection> opening;
  private CompletableFuture<Integer> port;
  private int groupId;
  private boolean closed;

  RpcChannel(RpcClient client, RpcBinding binding, ClientSettings settings) {
    this.client = client;
    this.binding = binding;
    this.settings = settings;
  }

  /** The binding this channel serves. */
  public RpcBinding binding() {
    return binding;
  }

  @Override
  public byte[] call(RpcRequest request) throws RpcException {
    CompletableFuture<byte[]> f = callAsync(request);
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
    UUID object = request.object() != null ? request.object() : binding.object();
    CompletableFuture<byte[]> result = new CompletableFuture<>();
    // The connection-level future of the call, once it exists; cancelling it sends co_cancel.
    AtomicReference<CompletableFuture<byte[]>> onWire = new AtomicReference<>();
    CompletableFuture<byte[]> inner = connection(request.iface())
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
      if (e != null) {
        result.completeExceptionally(ClientConnection.unwrap(e));
      } else {
        result.complete(r);
      }
    });
    return result;
  }

  private CompletableFuture<ClientConnection> connection(InterfaceId iface) {
    CompletableFuture<ClientConnection> open;
    synchronized (this) {
      if (closed) {
        return CompletableFuture.failedFuture(new RpcException(RpcStatus.RPC_S_CALL_FAILED_DNE, "channel closed"));
      }
      connections.removeIf(c -> !c.usable());
      ClientConnection best = connections.stream().min(Comparator.comparingInt(ClientConnection::inFlight)).orElse(null);
      if (best != null && (best.inFlight() < settings.callsPerConnection() || connections.size() >= settings.poolSize())) {
        return CompletableFuture.completedFuture(best);
      }
      if (opening != null) {
        return opening;
      }
      int group = connections.isEmpty() ? groupId : connections.get(0).groupId();
      opening = resolvePort(iface).thenCompose(p -> ClientConnection.open(client.bootstrap(), binding.host(), p, settings, iface, group));
      open = opening;
    }
    open.whenComplete((c, e) -> {
      synchronized (this) {
        opening = null;
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
