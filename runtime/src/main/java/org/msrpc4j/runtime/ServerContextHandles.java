package org.msrpc4j.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.msrpc4j.ndr.NdrContextHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The context-handle table of one association group on the server. Every connection of the group
 * sees the same handles; when the group ends (the client went away without closing its handles)
 * the runtime calls each remaining handle's rundown callback once.
 *
 * <p>Handles are typed: {@link #get} and {@link #acquire} check the stored value's class and fail
 * with {@code nca_s_fault_context_mismatch} for a handle of another type, an unknown or a null
 * handle. Calls that use a handle "serialized" (the MIDL default) take it with {@link #acquire} and
 * run one at a time per handle; {@code [context_handle_noserialize]} calls use {@link #get}.
 *
 * <p>Thread-safe.
 */
public final class ServerContextHandles {
  private static final Logger LOG = LoggerFactory.getLogger(ServerContextHandles.class);

  private final Map<UUID, Entry<?>> entries = new ConcurrentHashMap<>();
  private final int maxHandles;
  /** Permits shared with the other tables of the server (one per open handle), or null. */
  private final Semaphore serverWide;

  private static final class Entry<T> {
    final T value;
    final Consumer<? super T> rundown;
    final ReentrantLock lock = new ReentrantLock();

    Entry(T value, Consumer<? super T> rundown) {
      this.value = value;
      this.rundown = rundown;
    }

    void runDown() {
      if (rundown != null) {
        rundown.accept(value);
      }
    }
  }

  /** A table that holds at most {@code maxHandles} open handles (bounded memory per client). */
  public ServerContextHandles(int maxHandles) {
    this(maxHandles, null);
  }

  /**
   * A table that holds at most {@code maxHandles} open handles and also takes one permit of
   * {@code serverWide} (shared by every table of a server; null = no shared quota) per open handle,
   * returned when the handle is closed or run down.
   */
  public ServerContextHandles(int maxHandles, Semaphore serverWide) {
    if (maxHandles <= 0) {
      throw new IllegalArgumentException("maxHandles must be positive");
    }
    this.maxHandles = maxHandles;
    this.serverWide = serverWide;
  }

  /**
   * Opens a handle for {@code value}; {@code rundown} (may be null) runs if the client disappears
   * without closing it.
   *
   * @throws RpcException RPC_S_OUT_OF_RESOURCES when the table is full
   */
  public <T> NdrContextHandle create(T value, Consumer<? super T> rundown) throws RpcException {
    if (value == null) {
      throw new IllegalArgumentException("a context handle needs a value");
    }
    if (entries.size() >= maxHandles) {
      throw new RpcException(RpcStatus.RPC_S_OUT_OF_RESOURCES, "too many open context handles");
    }
    if (serverWide != null && !serverWide.tryAcquire()) {
      throw new RpcException(RpcStatus.RPC_S_OUT_OF_RESOURCES, "too many open context handles in the server");
    }
    UUID id = UUID.randomUUID();
    entries.put(id, new Entry<>(value, rundown));
    return new NdrContextHandle(0, id);
  }

  /** The value of an open handle, without serialization ({@code [context_handle_noserialize]}). */
  public <T> T get(NdrContextHandle handle, Class<T> type) throws RpcException {
    return type.cast(find(handle, type).value);
  }

  /** A held handle; close it to let the next serialized call on the same handle run. */
  public interface Lease<T> extends AutoCloseable {
    /** The handle's value. */
    T value();

    @Override
    void close();
  }

  /** Takes the handle exclusively for a serialized call (blocks while another call holds it). */
  public <T> Lease<T> acquire(NdrContextHandle handle, Class<T> type) throws RpcException {
    Entry<?> e = find(handle, type);
    e.lock.lock();
    T v = type.cast(e.value);
    return new Lease<>() {
      @Override
      public T value() {
        return v;
      }

      @Override
      public void close() {
        e.lock.unlock();
      }
    };
  }

  /**
   * Closes the handle (the server routine destroyed it): removes it without running its rundown.
   *
   * @return the value it held
   */
  public <T> T close(NdrContextHandle handle, Class<T> type) throws RpcException {
    find(handle, type);
    Entry<?> e = entries.remove(handle.uuid());
    if (e == null) {
      throw new RpcException(RpcStatus.NCA_S_FAULT_CONTEXT_MISMATCH, "context handle already closed");
    }
    releaseServerWide(1);
    return type.cast(e.value);
  }

  /** The number of open handles. */
  public int size() {
    return entries.size();
  }

  /**
   * Runs down every open handle (called by the runtime when the association group ends). Each
   * rundown runs once; a failing rundown is logged and does not stop the others.
   */
  public void runDownAll() {
    List<Entry<?>> all = new ArrayList<>();
    for (UUID id : List.copyOf(entries.keySet())) {
      Entry<?> e = entries.remove(id);
      if (e != null) {
        all.add(e);
      }
    }
    releaseServerWide(all.size());
    for (Entry<?> e : all) {
      try {
        e.runDown();
      } catch (RuntimeException ex) {
        LOG.warn("context handle rundown failed: {}", ex.toString());
      }
    }
  }

  private void releaseServerWide(int n) {
    if (serverWide != null && n > 0) {
      serverWide.release(n);
    }
  }

  private Entry<?> find(NdrContextHandle handle, Class<?> type) throws RpcException {
    if (handle == null || handle.isNull()) {
      throw new RpcException(RpcStatus.NCA_S_FAULT_CONTEXT_MISMATCH, "null context handle");
    }
    Entry<?> e = entries.get(handle.uuid());
    if (e == null || !type.isInstance(e.value)) {
      throw new RpcException(RpcStatus.NCA_S_FAULT_CONTEXT_MISMATCH, "unknown context handle");
    }
    return e;
  }
}
