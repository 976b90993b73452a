package org.msrpc4j.runtime.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.msrpc4j.runtime.InterfaceId;
import org.msrpc4j.runtime.RpcException;
import org.msrpc4j.runtime.RpcInterfaceHandler;
import org.msrpc4j.runtime.RpcStatus;
import org.msrpc4j.runtime.mgmt.MgmtDispatcher;
import org.msrpc4j.runtime.mgmt.RpcMgmt;
import org.msrpc4j.runtime.pdu.PduCodec;
import org.msrpc4j.runtime.pdu.PfcFlags;
import org.msrpc4j.runtime.pdu.ShutdownPdu;
import org.msrpc4j.runtime.transport.FragmentFrameDecoder;
import org.msrpc4j.runtime.auth.ServerAuthPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An ncacn_ip_tcp RPC server: listens on one or more TCP addresses, negotiates associations and
 * dispatches calls to registered {@link RpcInterfaceHandler}s on an executor.
 *
 * <pre>{@code
 * RpcServer server = RpcServer.builder().listen("127.0.0.1", 0).register(handler).build();
 * server.start();
 * ...
 * server.shutdown(Duration.ofSeconds(5));   // drains calls in flight
 * }</pre>
 *
 * <p>Thread-safe. Owns its event loops and (unless one was supplied) its executor.
 */
public final class RpcServer implements AutoCloseable {
  /** Flushes coalesced at most before one goes out anyway (bounds the latency a burst adds). */
  private static final int FLUSH_BATCH = 64;
  private static final Logger LOG = LoggerFactory.getLogger(RpcServer.class);

  private final List<InetSocketAddress> listen;
  private final InterfaceRegistry registry;
  private final ServerSettings settings;
  private final ExecutorService executor;
  private final boolean ownsExecutor;
  private final AssociationGroupRegistry groups;
  private final ConnectionAdmission admission;
  private final ReassemblyBudget reassembly;
  private final ServerStatistics statistics = new ServerStatistics();
  private final CallTracker tracker = new CallTracker();
  private final boolean allowRemoteStop;
  private final String principalName;
  private final ServerAuthPolicy authPolicy;
  private final List<Channel> listeners = new ArrayList<>();
  private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
  private EventLoopGroup boss;
  private EventLoopGroup workers;
  private volatile boolean listening;

  private RpcServer(Builder b) {
    this.listen = List.copyOf(b.listen);
    this.registry = b.registry;
    this.settings = b.settings;
    this.ownsExecutor = b.executor == null;
    this.executor = b.executor != null ? b.executor : defaultExecutor();
    this.groups = new AssociationGroupRegistry(settings.maxContextHandlesPerGroup(), settings.maxContextHandles(), executor);
    this.admission = new ConnectionAdmission(settings.maxConnections());
    this.reassembly = new ReassemblyBudget(settings.maxReassemblyBytes());
    this.allowRemoteStop = b.allowRemoteStop;
    this.principalName = b.principalName;
    this.authPolicy = b.authPolicy;
    // Every server answers the DCE management interface (unless the application brought its own).
    if (registry.find(RpcMgmt.INTERFACE) == null) {
      registry.register(new MgmtDispatcher(this));
    }
  }

  private static ExecutorService defaultExecutor() {
    AtomicInteger n = new AtomicInteger();
    ThreadFactory tf = r -> {
      Thread t = new Thread(r, "rpc-call-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
    // Direct hand-off: a call never waits behind a sleeping one; beyond the cap the connection
    // answers nca_s_server_too_busy instead of queueing without bound.
    return new ThreadPoolExecutor(0, 1024, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), tf);
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Configures a server. Not thread-safe. */
  public static final class Builder {
    private final List<InetSocketAddress> listen = new ArrayList<>();
    private final InterfaceRegistry registry = new InterfaceRegistry();
    private ServerSettings settings = ServerSettings.defaults();
    private ExecutorService executor;
    private boolean allowRemoteStop;
    private String principalName = "";
    private ServerAuthPolicy authPolicy = ServerAuthPolicy.none();

    /** Adds a listening address; port 0 picks a free port. */
    public Builder listen(String host, int port) {
      listen.add(new InetSocketAddress(host, port));
      return this;
    }

    /** Adds a listening address. */
    public Builder listen(InetSocketAddress address) {
      listen.add(address);
      return this;
    }

    /** Registers an interface. */
    public Builder register(RpcInterfaceHandler handler) {
      registry.register(handler);
      return this;
    }

    /** Limits and timeouts. */
    public Builder settings(ServerSettings s) {
      this.settings = s;
      return this;
    }

    /** The executor for handlers (the server does not shut it down). */
    public Builder executor(ExecutorService e) {
      this.executor = e;
      return this;
    }

    /** Lets the management interface's stop_server_listening stop this server (off by default). */
    public Builder allowRemoteStop(boolean allow) {
      this.allowRemoteStop = allow;
      return this;
    }

    /** The principal name reported by mgmt inq_princ_name. */
    public Builder principalName(String name) {
      this.principalName = name == null ? "" : name;
      return this;
    }

    /**
     * How callers authenticate: providers, default and per-interface minimum levels, security
     * callbacks (default: no providers, every call unauthenticated).
     */
    public Builder authentication(ServerAuthPolicy policy) {
      this.authPolicy = java.util.Objects.requireNonNull(policy, "policy");
      return this;
    }

    public RpcServer build() {
      if (listen.isEmpty()) {
        throw new IllegalStateException("no listening address");
      }
      return new RpcServer(this);
    }
  }

  /**
   * Binds the listening sockets.
   *
   * @throws RpcException RPC_S_CANNOT_SUPPORT... when an address cannot be bound (the message says which)
   */
  public synchronized RpcServer start() throws RpcException {
    if (boss != null) {
      throw new IllegalStateException("already started");
    }
    boss = new NioEventLoopGroup(1);
    workers = new NioEventLoopGroup(Math.max(2, Runtime.getRuntime().availableProcessors()));
    ServerBootstrap b = new ServerBootstrap()
        .group(boss, workers)
        .channel(NioServerSocketChannel.class)
        .option(ChannelOption.SO_REUSEADDR, true)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            if (!admission.admit(ch)) {
              // Bounded memory: beyond the limit a connection is refused before any state exists
              // (ConnectionAdmission logs it, rate-limited).
              ch.close();
              return;
            }
            ch.closeFuture().addListener(f -> admission.closed(ch));
            connections.add(ch);
            // Before the bind negotiates sizes, accept any fragment up to 64 KiB: a bind carrying a
            // Kerberos ticket with a large PAC can exceed the 5840 bytes negotiated afterwards.
            FragmentFrameDecoder framer = new FragmentFrameDecoder(65535, settings.fragmentTimeout().toMillis());
            // Responses finish on the event loop one task each, and each flushed: coalesce those
            // flushes into one write syscall per event-loop turn.
            ch.pipeline().addLast("flush", new FlushConsolidationHandler(FLUSH_BATCH, true));
            ch.pipeline().addLast("framer", framer);
            ch.pipeline().addLast("connection", new ServerConnection(RpcServer.this, framer));
          }
        });
    for (InetSocketAddress a : listen) {
      try {
        Channel ch = b.bind(a).syncUninterruptibly().channel();
        listeners.add(ch);
        LOG.info("listening on {}", ch.localAddress());
      } catch (RuntimeException e) {
        shutdownNow();
        throw new RpcException(RpcStatus.RPC_S_CANNOT_SUPPORT, "cannot listen on " + a + ": " + e.getMessage(), e);
      }
    }
    listening = true;
    return this;
  }

  /** The addresses actually bound (with the chosen ports). */
  public synchronized List<InetSocketAddress> boundAddresses() {
    return listeners.stream().map(c -> (InetSocketAddress) c.localAddress()).toList();
  }

  /** The first bound port (convenient with port 0). */
  public int port() {
    return boundAddresses().get(0).getPort();
  }

  /** True while the server accepts new connections. */
  public boolean isListening() {
    return listening;
  }

  /** The interfaces registered. */
  public List<InterfaceId> interfaces() {
    return registry.interfaces();
  }

  /** Registers another interface on a running server. */
  public void register(RpcInterfaceHandler handler) {
    registry.register(handler);
  }

  /** Whether stop_server_listening from the management interface is honoured. */
  public boolean allowsRemoteStop() {
    return allowRemoteStop;
  }

  /** The principal name reported by mgmt inq_princ_name. */
  public String principalName() {
    return principalName;
  }

  /** Counters for mgmt inq_stats. */
  public ServerStatistics statistics() {
    return statistics;
  }

  /**
   * Connections open now (admitted and not closed), at most {@link ServerSettings#maxConnections()}:
   * for monitoring.
   */
  public int openConnections() {
    return admission.open();
  }

  /** Open connections that have not sent their bind yet: for monitoring. */
  public int unboundConnections() {
    return admission.unbound();
  }

  /**
   * Context handles open in all association groups together, at most
   * {@link ServerSettings#maxContextHandles()}: for monitoring.
   */
  public int openContextHandles() {
    return groups.openContextHandles();
  }

  /**
   * Stub bytes held by incomplete multi-fragment requests, at most
   * {@link ServerSettings#maxReassemblyBytes()}: for monitoring.
   */
  public long reassemblyBytes() {
    return reassembly.used();
  }

  /** Stops accepting connections; existing ones go on. */
  public synchronized void stopListening() {
    listening = false;
    for (Channel c : listeners) {
      c.close();
    }
  }

  /**
   * Graceful shutdown: stop listening, refuse new calls (nca_s_server_too_busy, did not execute),
   * wait up to {@code grace} for calls in flight to answer, then close every connection.
   *
   * @return true when every call in flight completed within the grace period
   */
  public boolean shutdown(Duration grace) {
    stopListening();
    tracker.startDraining();
    boolean drained;
    try {
      drained = tracker.awaitIdle(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      drained = false;
    }
    if (!drained) {
      LOG.warn("shutdown: {} call(s) still running after {}", tracker.inFlight(), grace);
    }
    shutdownNow();
    return drained;
  }

  private synchronized void shutdownNow() {
    // C706 12.6.4.10: tell clients the server is going away before closing their connections.
    byte[] shutdownPdu = PduCodec.encode(new ShutdownPdu(PfcFlags.FIRST_FRAG | PfcFlags.LAST_FRAG, 0));
    connections.writeAndFlush(Unpooled.wrappedBuffer(shutdownPdu)).awaitUninterruptibly(2, TimeUnit.SECONDS);
    connections.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    if (boss != null) {
      boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
      workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
    if (ownsExecutor) {
      executor.shutdownNow();
    }
  }

  @Override
  public void close() {
    shutdown(Duration.ofSeconds(5));
  }

  // package-private collaborators for ServerConnection
  ServerSettings settings() {
    return settings;
  }

  InterfaceRegistry registry() {
    return registry;
  }

  ServerAuthPolicy authPolicy() {
    return authPolicy;
  }

  AssociationGroupRegistry groups() {
    return groups;
  }

  ReassemblyBudget reassembly() {
    return reassembly;
  }

  ConnectionAdmission admission() {
    return admission;
  }

  CallTracker tracker() {
    return tracker;
  }

  ExecutorService executor() {
    return executor;
  }
}
