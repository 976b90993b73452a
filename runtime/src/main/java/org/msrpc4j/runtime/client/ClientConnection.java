package org.msrpc4j.runtime.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPromise;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.flush.FlushConsolidationHandler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.msrpc4j.runtime.InterfaceId;
import org.msrpc4j.runtime.RpcException;
import org.msrpc4j.runtime.RpcStatus;
import org.msrpc4j.runtime.SyntaxId;
import org.msrpc4j.runtime.auth.AuthFragmenter;
import org.msrpc4j.runtime.auth.ClientAuthInfo;
import org.msrpc4j.runtime.auth.ClientSecurity;
import org.msrpc4j.runtime.auth.SecurityContextProtection;
import org.msrpc4j.runtime.auth.VerificationTrailer;
import org.msrpc4j.runtime.pdu.Auth3Pdu;
import org.msrpc4j.runtime.pdu.AuthVerifier;
import org.msrpc4j.runtime.pdu.BindAckPdu;
import org.msrpc4j.runtime.pdu.BindNakPdu;
import org.msrpc4j.runtime.pdu.BindPdu;
import org.msrpc4j.runtime.pdu.CancelPdu;
import org.msrpc4j.runtime.pdu.ContextResult;
import org.msrpc4j.runtime.pdu.FaultPdu;
import org.msrpc4j.runtime.pdu.FragmentLayout;
import org.msrpc4j.runtime.pdu.OrphanedPdu;
import org.msrpc4j.runtime.pdu.Pdu;
import org.msrpc4j.runtime.pdu.PduCodec;
import org.msrpc4j.runtime.pdu.PduFormatException;
import org.msrpc4j.runtime.pdu.PduHeader;
import org.msrpc4j.runtime.pdu.PduType;
import org.msrpc4j.runtime.pdu.PfcFlags;
import org.msrpc4j.runtime.pdu.PresentationContext;
import org.msrpc4j.runtime.pdu.ResponsePdu;
import org.msrpc4j.runtime.transport.FragmentFrameDecoder;
import org.msrpc4j.runtime.transport.FrameError;
import org.msrpc4j.runtime.transport.StubAssembler;
import org.msrpc4j.runtime.transport.StubFragmenter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client side of one connection (one association): bind, alter_context for further
 * interfaces, concurrent calls matched by call_id (PFC_CONC_MPX), response reassembly, faults,
 * timeouts and cancellation.
 *
 * <p>Thread-safe: calls may start from any thread; network input is handled on the channel's event
 * loop; a call's fragments go out in one write so they stay contiguous on the wire.
 */
final class ClientConnection extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(ClientConnection.class);
  /** Flushes coalesced at most before one goes out anyway (bounds the latency a burst adds). */
  private static final int FLUSH_BATCH = 64;

  private final ClientSettings settings;
  private final AtomicInteger nextCallId = new AtomicInteger(1);
  private final Map<Integer, PendingCall> pending = new ConcurrentHashMap<>();
  /** True while a timeout sweep is scheduled. */
  private final AtomicBoolean sweepArmed = new AtomicBoolean();
  private final Object bindLock = new Object();
  /** Context id per interface; guarded by bindLock. */
  private final Map<InterfaceId, CompletableFuture<Integer>> contexts = new HashMap<>();
  private int nextContextId;
  /** The bind or alter_context waiting for its answer (only one at a time); guarded by bindLock. */
  private CompletableFuture<BindAckPdu> bindReply;
  private CompletableFuture<Void> bindChain = CompletableFuture.completedFuture(null);
  private volatile Channel channel;
  private volatile int xmitMax = StubFragmenter.MIN_FRAGMENT;
  private volatile int groupId;
  private volatile boolean shutdownRequested;
  private volatile boolean closed;
  /** Security: the handshake (null = unauthenticated), the client settings, and the protection once established. */
  private final ClientAuthHandshake handshake;
  private final ClientSecurity security;
  private volatile SecurityContextProtection protection;
  private volatile boolean headerSigning;
  /** True once the server answered a call: the authentication (which auth3 leaves unconfirmed) worked. */
  private volatile boolean authConfirmed;
  /** Serializes protecting and writing request fragments: sequence numbers follow wire order. */
  private final Object sendLock = new Object();
  /** The interface bound on each presentation context (for the verification trailer). */
  private final Map<Integer, InterfaceId> boundInterfaces = new ConcurrentHashMap<>();

  private static final class PendingCall {
    final CompletableFuture<byte[]> future;
    StubAssembler assembler; // event loop only
    /** System.nanoTime() after which the call times out; 0 = no timeout. */
    long deadline;
    /** Set once the request is written: from then on the server may have executed it. */
    volatile boolean sent;

    PendingCall(CompletableFuture<byte[]> future) {
      this.future = future;
    }
  }

  private ClientConnection(ClientSettings settings, ClientAuthHandshake handshake, ClientSecurity security) {
    this.settings = settings;
    this.handshake = handshake;
    this.security = security;
  }

  /**
   * Connects to {@code host:port} and binds {@code iface} in association group {@code groupId}
   * (0 = new group).
   */
  static CompletableFuture<ClientConnection> open(Bootstrap base, String host, int port, ClientSettings settings,
      InterfaceId iface, int groupId) {
    return open(base, host, port, settings, iface, groupId, null, null);
  }

  /**
   * Connects, binds and authenticates with {@code auth} (null = unauthenticated; its identity must
   * be concrete).
   */
  static CompletableFuture<ClientConnection> open(Bootstrap base, String host, int port, ClientSettings settings,
      InterfaceId iface, int groupId, ClientAuthInfo auth, ClientSecurity security) {
    ClientAuthHandshake handshake = null;
    if (auth != null) {
      try {
        handshake = new ClientAuthHandshake(auth, security, 0);
      } catch (RpcException e) {
        return CompletableFuture.failedFuture(e);
      }
    }
    ClientConnection conn = new ClientConnection(settings, handshake, security);
    CompletableFuture<ClientConnection> result = new CompletableFuture<>();
    Bootstrap b = base.clone()
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, settings.connectTimeout().toMillis()))
        .option(ChannelOption.TCP_NODELAY, true)
        .handler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            // Calls started by many threads (or by completions on the event loop) each write and
            // flush: coalesce those flushes into one per event-loop turn instead of one syscall per call.
            ch.pipeline().addLast("flush", new FlushConsolidationHandler(FLUSH_BATCH, true));
            ch.pipeline().addLast("framer", new FragmentFrameDecoder(settings.maxFragment(), settings.connectTimeout().toMillis()));
            ch.pipeline().addLast("connection", conn);
          }
        });
    ChannelFuture cf = b.connect(host, port);
    cf.addListener(f -> {
      if (!f.isSuccess()) {
        result.completeExceptionally(new RpcException(RpcStatus.RPC_S_SERVER_UNAVAILABLE,
            "cannot connect to " + host + ":" + port + ": " + f.cause().getMessage()));
        return;
      }
      conn.channel = cf.channel();
      conn.bind(iface, groupId).whenComplete((ctxId, err) -> {
        if (err != null) {
          conn.close();
          result.completeExceptionally(unwrap(err));
        } else {
          result.complete(conn);
        }
      });
    });
    return result;
  }

  private CompletableFuture<Integer> bind(InterfaceId iface, int group) {
    List<PresentationContext> offer = new ArrayList<>();
    CompletableFuture<Integer> ctxFuture = new CompletableFuture<>();
    int ctxId;
    AuthVerifier verifier = null;
    int flags = PfcFlags.FIRST_FRAG | PfcFlags.LAST_FRAG | PfcFlags.CONC_MPX;
    if (handshake != null) {
      try {
        verifier = handshake.first();
      } catch (RpcException e) {
        ctxFuture.completeExceptionally(e);
        return ctxFuture;
      }
      flags |= security.headerSigning() ? PfcFlags.SUPPORT_HEADER_SIGN : 0;
    }
    synchronized (bindLock) {
      ctxId = nextContextId++;
      contexts.put(iface, ctxFuture);
      boundInterfaces.put(ctxId, iface);
      offer.add(new PresentationContext(ctxId, iface.syntax(), List.of(SyntaxId.NDR20)));
      if (settings.negotiateFeatures()) {
        offer.add(new PresentationContext(nextContextId++, iface.syntax(), List.of(SyntaxId.bindTimeFeatureNegotiation(0x3))));
      }
    }
    int bindCallId = nextCallId.getAndIncrement();
    BindPdu bind = new BindPdu(PduType.BIND, flags, bindCallId, settings.maxFragment(), settings.maxFragment(), group,
        offer, verifier);
    exchange(bind).whenComplete((ack, err) -> {
      if (err != null) {
        ctxFuture.completeExceptionally(unwrap(err));
        return;
      }
      xmitMax = Math.max(StubFragmenter.MIN_FRAGMENT, Math.min(ack.maxRecvFrag(), 65535));
      groupId = ack.assocGroupId();
      if (handshake == null) {
        completeContext(iface, ctxFuture, ctxId, ack);
        return;
      }
      headerSigning = security.headerSigning() && ack.hasFlag(PfcFlags.SUPPORT_HEADER_SIGN);
      continueHandshake(ack.auth(), bindCallId, iface, ctxId).whenComplete((v, e) -> {
        if (e != null) {
          ctxFuture.completeExceptionally(unwrap(e));
        } else {
          completeContext(iface, ctxFuture, ctxId, ack);
        }
      });
    });
    return ctxFuture;
  }

  /** Feeds an answer to the handshake and sends the next leg, until the context is established. */
  private CompletableFuture<Void> continueHandshake(AuthVerifier answer, int bindCallId, InterfaceId iface, int ctxId) {
    ClientAuthHandshake.Next next;
    try {
      next = handshake.onAnswer(answer);
    } catch (RpcException e) {
      return CompletableFuture.failedFuture(e);
    }
    switch (next) {
      case AUTH3 -> {
        // No answer comes to auth3; calls start after it on the wire, since the context future
        // completes only once the write is queued. auth3 reuses the bind's call_id (as Windows).
        protection = handshake.protection(headerSigning);
        channel.writeAndFlush(Unpooled.wrappedBuffer(PduCodec.encode(
            new Auth3Pdu(PfcFlags.FIRST_FRAG | PfcFlags.LAST_FRAG, bindCallId, handshake.pendingVerifier()))));
        return CompletableFuture.completedFuture(null);
      }
      case ALTER_CONTEXT -> {
        BindPdu alter = new BindPdu(PduType.ALTER_CONTEXT, PfcFlags.FIRST_FRAG | PfcFlags.LAST_FRAG
            | (security.headerSigning() ? PfcFlags.SUPPORT_HEADER_SIGN : 0), nextCallId.getAndIncrement(),
            settings.maxFragment(), settings.maxFragment(), groupId,
            List.of(new PresentationContext(ctxId, iface.syntax(), List.of(SyntaxId.NDR20))), handshake.pendingVerifier());
        return exchange(alter).thenCompose(resp -> continueHandshake(resp.auth(), bindCallId, iface, ctxId));
      }
      default -> {
        protection = handshake.protection(headerSigning);
        return CompletableFuture.completedFuture(null);
      }
    }
  }

  /** The settings this connection authenticated with (identity resolved), or null. */
  ClientAuthInfo auth() {
    return handshake == null ? null : handshake.info();
  }

  private void completeContext(InterfaceId iface, CompletableFuture<Integer> f, int ctxId, BindAckPdu ack) {
    if (ack.results().isEmpty()) {
      f.completeExceptionally(new RpcException(RpcStatus.RPC_S_PROTOCOL_ERROR, "bind_ack without results"));
      return;
    }
    ContextResult r = ack.results().get(0);
    if (r.accepted()) {
      f.complete(ctxId);
      return;
    }
    synchronized (bindLock) {
      contexts.remove(iface);
    }
    int status = r.reason() == ContextResult.REASON_TRANSFER_SYNTAXES_NOT_SUPPORTED
        ? RpcStatus.RPC_S_UNSUPPORTED_TRANS_SYN : RpcStatus.RPC_S_UNKNOWN_IF;
    f.completeExceptionally(new RpcException(status, "the server does not offer interface " + iface));
  }

  /** The presentation context id for {@code iface}, negotiating it with alter_context if needed. */
  CompletableFuture<Integer> context(InterfaceId iface) {
    CompletableFuture<Integer> f;
    int ctxId;
    synchronized (bindLock) {
      CompletableFuture<Integer> existing = contexts.get(iface);
      if (existing != null) {
        return existing;
      }
      f = new CompletableFuture<>();
      contexts.put(iface, f);
      ctxId = nextContextId++;
      boundInterfaces.put(ctxId, iface);
    }
    BindPdu alter = new BindPdu(PduType.ALTER_CONTEXT, PfcFlags.FIRST_FRAG | PfcFlags.LAST_FRAG,
        nextCallId.getAndIncrement(), settings.maxFragment(), settings.maxFragment(), groupId,
        List.of(new PresentationContext(ctxId, iface.syntax(), List.of(SyntaxId.NDR20))), null);
    exchange(alter).whenComplete((ack, err) -> {
      if (err != null) {
        synchronized (bindLock) {
          contexts.remove(iface);
        }
        f.completeExceptionally(unwrap(err));
      } else {
        completeContext(iface, f, ctxId, ack);
      }
    });
    return f;
  }

  /** Sends a bind/alter_context after any earlier one finished, and waits for its answer. */
  private CompletableFuture<BindAckPdu> exchange(BindPdu pdu) {
    CompletableFuture<BindAckPdu> reply = new CompletableFuture<>();
    synchronized (bindLock) {
      CompletableFuture<Void> prev = bindChain;
      bindChain = reply.handle((a, e) -> null);
      prev.whenComplete((v, e) -> {
        synchronized (bindLock) {
          bindReply = reply;
        }
        if (closed) {
          reply.completeExceptionally(ConnectionLostException.notSent("the connection was closed before " + pdu.type()));
          return;
        }
        channel.writeAndFlush(Unpooled.wrappedBuffer(PduCodec.encode(pdu)));
      });
    }
    channel.eventLoop().schedule(() -> reply.completeExceptionally(
        new RpcException(RpcStatus.ERROR_TIMEOUT, "no answer to " + pdu.type() + " in time")),
        settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
    return reply;
  }

  /** Starts a call on presentation context {@code ctxId}. */
  CompletableFuture<byte[]> call(int ctxId, int opnum, UUID object, byte[] stub) {
    CompletableFuture<byte[]> future = new CompletableFuture<>();
    if (closed || shutdownRequested) {
      future.completeExceptionally(ConnectionLostException.notSent("the connection is closing"));
      return future;
    }
    int callId = nextCallId.getAndIncrement();
    PendingCall pc = new PendingCall(future);
    pending.put(callId, pc);
    if (settings.callTimeout() != null && !settings.callTimeout().isZero()) {
      pc.deadline = System.nanoTime() + settings.callTimeout().toNanos() | 1; // never 0
      armTimeoutSweep();
    }
    future.whenComplete((r, e) -> {
      if (e instanceof CancellationException && pending.remove(callId) != null) {
        sendQuietly(new CancelPdu(PfcFlags.FIRST_FRAG | PfcFlags.LAST_FRAG, callId, null));
      }
    });
    synchronized (sendLock) {
      List<byte[]> fragments;
      try {
        fragments = requestFragments(callId, ctxId, opnum, object, stub);
      } catch (RpcException e) {
        fail(callId, e);
        return future;
      }
      // One buffer for the whole call: its fragments stay contiguous on the wire.
      ByteBuf buf = fragments.size() == 1 ? Unpooled.wrappedBuffer(fragments.get(0))
          : Unpooled.wrappedBuffer(fragments.toArray(new byte[0][]));
      // The listener is on the promise before the write starts: added afterwards (from this thread)
      // it could run only after the server had answered and closed, leaving a sent call marked
      // unsent (and then retried as if it could not have run).
      ChannelPromise written = channel.newPromise();
      written.addListener(f -> {
        if (f.isSuccess()) {
          pc.sent = true;
        } else {
          fail(callId, ConnectionLostException.notSent("could not write the request (" + f.cause() + ")"));
        }
      });
      Runnable write = () -> channel.writeAndFlush(buf, written);
      if (channel.eventLoop().inEventLoop()) {
        // On the event loop a write goes out at once, ahead of the writes other threads queued
        // earlier as tasks (with lower sequence numbers): queue it behind them, so the wire order
        // stays the order of the sequence numbers given out under sendLock.
        channel.eventLoop().execute(write);
      } else {
        write.run();
      }
    }
    return future;
  }

  /**
   * Call timeouts: rather than a timer scheduled and cancelled for every call (a task handed to
   * the event loop from the caller's thread, and a priority-queue removal, per call), one sweep
   * per connection runs while calls are pending, every eighth of the timeout (at least 10 ms), and
   * times out the calls past their deadline; a timeout so fires at most an eighth late.
   */
  private void armTimeoutSweep() {
    if (sweepArmed.compareAndSet(false, true)) {
      channel.eventLoop().schedule(this::sweepTimeouts, sweepPeriodNanos(), TimeUnit.NANOSECONDS);
    }
  }

  private long sweepPeriodNanos() {
    return Math.max(TimeUnit.MILLISECONDS.toNanos(10), settings.callTimeout().toNanos() / 8);
  }

  /** Event loop. */
  private void sweepTimeouts() {
    long now = System.nanoTime();
    for (Map.Entry<Integer, PendingCall> e : pending.entrySet()) {
      PendingCall pc = e.getValue();
      if (pc.deadline != 0 && now - pc.deadline >= 0 && pending.remove(e.getKey(), pc)) {
        int callId = e.getKey();
        sendQuietly(new OrphanedPdu(PfcFlags.FIRST_FRAG | PfcFlags.LAST_FRAG, callId, null));
        pc.future.completeExceptionally(new RpcException(RpcStatus.ERROR_TIMEOUT,
            "no response within " + settings.callTimeout().toMillis() + " ms"));
      }
    }
    // Disarm first, then look: a call added meanwhile either sees the sweep disarmed and arms it,
    // or is seen here.
    sweepArmed.set(false);
    if (!pending.isEmpty() && !closed) {
      armTimeoutSweep();
    }
  }

  /** Plain fragments, or protected ones (with the verification trailer) at PKT level and above. */
  private List<byte[]> requestFragments(int callId, int ctxId, int opnum, UUID object, byte[] stub) throws RpcException {
    SecurityContextProtection p = protection;
    if (p == null || !p.protectsEachPdu()) {
      // CONNECT level: requests carry no verifier ([MS-RPCE] 2.2.2.12).
      return StubFragmenter.request(callId, ctxId, opnum, object, stub, xmitMax, 0);
    }
    byte[] tail = null;
    InterfaceId iface = boundInterfaces.get(ctxId);
    if (security.verificationTrailer() && iface != null) {
      tail = VerificationTrailer.tail(stub.length, new VerificationTrailer.Expected(iface.syntax(), SyntaxId.NDR20,
          PduType.REQUEST.code(), PduHeader.DREP_LITTLE_ENDIAN, callId, ctxId, opnum,
          // What we asked for in the bind, not what came back: a man in the middle who strips
          // PFC_SUPPORT_HEADER_SIGN is then caught by the server ([MS-RPCE] 2.2.2.13.2).
          security.headerSigning()));
    }
    // The trailer goes on the wire after the stub without concatenating the two.
    return AuthFragmenter.request(callId, ctxId, opnum, object, stub, tail, xmitMax, p);
  }

  private void sendQuietly(Pdu pdu) {
    Channel ch = channel;
    if (ch != null && ch.isActive()) {
      ch.writeAndFlush(Unpooled.wrappedBuffer(PduCodec.encode(pdu)));
    }
  }

  /** Calls waiting for their response. */
  int inFlight() {
    return pending.size();
  }

  /** True while new calls may use this connection. */
  boolean usable() {
    return !closed && !shutdownRequested && channel != null && channel.isActive();
  }

  int groupId() {
    return groupId;
  }

  /** Completes when the connection is gone. */
  CompletableFuture<Void> closeFuture() {
    CompletableFuture<Void> f = new CompletableFuture<>();
    channel.closeFuture().addListener(x -> f.complete(null));
    return f;
  }

  void close() {
    closed = true;
    Channel ch = channel;
    if (ch != null) {
      ch.close();
    }
  }

  // ------------------------------------------------------------------ inbound (event loop)

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof FrameError e) {
      failAll(new RpcException(RpcStatus.RPC_S_PROTOCOL_ERROR, "bad fragment from the server: " + e.reason()));
      ctx.close();
      return;
    }
    if (!(msg instanceof byte[] frame)) {
      return;
    }
    SecurityContextProtection p = protection;
    if (p != null && p.protectsEachPdu() && frame.length >= PduHeader.LENGTH) {
      int type = frame[2] & 0xFF;
      boolean authenticated = (frame[10] | frame[11]) != 0; // auth_length
      if (type == PduType.RESPONSE.code() || type == PduType.FAULT.code()) {
        if (authenticated) {
          // Verify (and unseal) in receive order before the one decode of the plaintext: decoding
          // the sealed fragment first would copy its stub for nothing.
          try {
            p.unprotect(frame, FragmentLayout.of(frame));
          } catch (RpcException | PduFormatException e) {
            LOG.info("{}: a PDU from the server failed verification: {}", ctx.channel().remoteAddress(), e.getMessage());
            failAll(new RpcException(RpcStatus.RPC_S_SEC_PKG_ERROR, "a response from the server failed verification"));
            ctx.close();
            return;
          }
        } else if (type == PduType.RESPONSE.code()) {
          // Faults may come unsigned (Windows and Samba send them so); responses may not.
          failAll(new RpcException(RpcStatus.RPC_S_SEC_PKG_ERROR, "an unprotected response on a protected connection"));
          ctx.close();
          return;
        }
      }
    }
    Pdu pdu;
    try {
      pdu = PduCodec.decode(frame);
    } catch (PduFormatException e) {
      LOG.info("{}: malformed PDU from the server: {}", ctx.channel().remoteAddress(), e.getMessage());
      failAll(new RpcException(RpcStatus.RPC_S_PROTOCOL_ERROR, "malformed PDU from the server: " + e.getMessage()));
      ctx.close();
      return;
    }
    switch (pdu.type()) {
      case BIND_ACK, ALTER_CONTEXT_RESP -> bindAnswer().complete((BindAckPdu) pdu);
      case BIND_NAK -> bindAnswer().completeExceptionally(bindNak((BindNakPdu) pdu, handshake != null));
      case RESPONSE -> onResponse((ResponsePdu) pdu);
      case FAULT -> onFault((FaultPdu) pdu);
      case SHUTDOWN -> shutdownRequested = true;
      default -> {
        failAll(new RpcException(RpcStatus.RPC_S_PROTOCOL_ERROR, "unexpected " + pdu.type() + " from the server"));
        ctx.close();
      }
    }
  }

  private CompletableFuture<BindAckPdu> bindAnswer() {
    synchronized (bindLock) {
      CompletableFuture<BindAckPdu> r = bindReply;
      bindReply = null;
      return r != null ? r : new CompletableFuture<>(); // an unsolicited answer is dropped
    }
  }

  private static RpcException bindNak(BindNakPdu nak, boolean authenticated) {
    int status = switch (nak.rejectReason()) {
      case BindNakPdu.REASON_TEMPORARY_CONGESTION, BindNakPdu.REASON_LOCAL_LIMIT_EXCEEDED -> RpcStatus.RPC_S_SERVER_TOO_BUSY;
      case BindNakPdu.REASON_PROTOCOL_VERSION_NOT_SUPPORTED -> RpcStatus.RPC_S_PROTOCOL_ERROR;
      case BindNakPdu.REASON_INVALID_AUTH_TYPE -> RpcStatus.RPC_S_UNKNOWN_AUTHN_SERVICE;
      case BindNakPdu.REASON_INVALID_CHECKSUM -> RpcStatus.ERROR_ACCESS_DENIED;
      default -> RpcStatus.RPC_S_CALL_FAILED_DNE;
    };
    String why = "the server refused the association (bind_nak reason " + nak.rejectReason() + ")";
    if (authenticated && nak.rejectReason() == BindNakPdu.REASON_INVALID_CHECKSUM) {
      // The server's acceptor refused our token; bind_nak cannot say why, so name the usual causes.
      why += ": it did not accept the authentication token (Kerberos: clocks more than 5 minutes apart, a"
          + " ticket for another service principal or key version, a replay; NTLM: wrong credentials)";
    }
    return new RpcException(status, why, true, null);
  }

  private void onResponse(ResponsePdu r) {
    PendingCall pc = pending.get(r.callId());
    if (pc == null) {
      return; // cancelled, timed out or unknown: drop
    }
    if (r.hasFlag(PfcFlags.FIRST_FRAG) && r.hasFlag(PfcFlags.LAST_FRAG)) {
      // One fragment: its stub is the response, no reassembly copy.
      if (r.stub().length > settings.maxResponseStub()) {
        fail(r.callId(), new RpcException(RpcStatus.RPC_S_PROTOCOL_ERROR,
            "response larger than the " + settings.maxResponseStub() + "-byte limit"));
        return;
      }
      pc.assembler = null;
      complete(r.callId(), pc, r.stub());
      return;
    }
    if (r.hasFlag(PfcFlags.FIRST_FRAG) || pc.assembler == null) {
      pc.assembler = new StubAssembler(r.allocHint(), settings.maxResponseStub());
    }
    if (!pc.assembler.append(r.stub())) {
      fail(r.callId(), new RpcException(RpcStatus.RPC_S_PROTOCOL_ERROR,
          "response larger than the " + settings.maxResponseStub() + "-byte limit"));
      return;
    }
    if (r.hasFlag(PfcFlags.LAST_FRAG)) {
      complete(r.callId(), pc, pc.assembler.toByteArray());
    }
  }

  private void complete(int callId, PendingCall pc, byte[] stub) {
    authConfirmed = true;
    if (pending.remove(callId) != null) {
      pc.future.complete(stub);
    }
  }

  private void onFault(FaultPdu f) {
    if (f.callId() == 0 && !pending.containsKey(0)) {
      // A fault on call 0 is about the connection (Samba sends it before disconnecting).
      failAll(new RpcException(f.status(), "the server reported a connection fault", f.hasFlag(PfcFlags.DID_NOT_EXECUTE), null));
      return;
    }
    if (handshake != null && !authConfirmed
        && (f.status() == RpcStatus.ERROR_ACCESS_DENIED || f.status() == RpcStatus.NCA_S_PROTO_ERROR)) {
      // The first call after auth3 is where a refused logon shows: Windows faults with access
      // denied, Samba with nca_s_proto_error. Either way the caller should read "access denied".
      fail(f.callId(), new RpcException(RpcStatus.ERROR_ACCESS_DENIED,
          "the server refused the authentication or the call (wrong user name, domain or password, or a level below the server's minimum?)", true, null));
      return;
    }
    String detail = handshake != null && f.status() == RpcStatus.ERROR_ACCESS_DENIED
        ? "the server denied access (the caller may not make this call)"
        : f.status() == RpcStatus.NCA_S_FAULT_CONTEXT_MISMATCH
        ? "the server does not know this context handle (closed, run down, from another association group,"
            + " or the server restarted since it was opened)"
        : null;
    fail(f.callId(), new RpcException(f.status(), detail, f.hasFlag(PfcFlags.DID_NOT_EXECUTE), null));
  }

  private void fail(int callId, RpcException e) {
    PendingCall pc = pending.remove(callId);
    if (pc != null) {
      pc.future.completeExceptionally(e);
    }
  }

  private void failAll(RpcException e) {
    for (Integer id : List.copyOf(pending.keySet())) {
      fail(id, e);
    }
    failBindReply(e);
  }

  /**
   * The connection is gone: calls not yet written fail as not sent (1727), calls written as in
   * flight (1726), so that the channel can tell which ones may be retried.
   */
  private void failAllLost(String why) {
    for (Map.Entry<Integer, PendingCall> e : List.copyOf(pending.entrySet())) {
      fail(e.getKey(), e.getValue().sent ? ConnectionLostException.inFlight(why) : ConnectionLostException.notSent(why));
    }
    failBindReply(ConnectionLostException.notSent(why));
  }

  private void failBindReply(RpcException e) {
    CompletableFuture<BindAckPdu> b;
    synchronized (bindLock) {
      b = bindReply;
      bindReply = null;
    }
    if (b != null) {
      b.completeExceptionally(e);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    closed = true;
    failAllLost("the connection to the server was closed");
    super.channelInactive(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.debug("connection error: {}", cause.toString());
    ctx.close();
  }

  static Throwable unwrap(Throwable t) {
    while (t instanceof java.util.concurrent.CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
