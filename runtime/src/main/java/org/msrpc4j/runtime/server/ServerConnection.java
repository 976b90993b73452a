package org.msrpc4j.runtime.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.msrpc4j.runtime.RpcException;
import org.msrpc4j.runtime.RpcStatus;
import org.msrpc4j.runtime.auth.AuthFragmenter;
import org.msrpc4j.runtime.auth.SecurityCallback;
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
import org.msrpc4j.runtime.pdu.RequestPdu;
import org.msrpc4j.runtime.transport.FragmentFrameDecoder;
import org.msrpc4j.runtime.transport.FrameError;
import org.msrpc4j.runtime.transport.StubAssembler;
import org.msrpc4j.runtime.transport.StubFragmenter;
import org.msrpc4j.security.AuthnLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of one connection (one association): bind and alter_context negotiation,
 * request reassembly, dispatch of complete calls to the executor, faults, cancel and orphan
 * notifications.
 *
 * <p>Protocol violations are answered as C706 and Samba do: a broken or unexpected bind gets a
 * bind_nak, a broken request a fault (nca_s_proto_error) — in both cases followed by closing the
 * connection — and everything else a closed connection; each with one log line. Calls are
 * dispatched on the executor, never on the event loop.
 *
 * <p>All state is confined to the channel's event loop; executor threads hand results back with
 * {@code eventLoop().execute}.
 */
final class ServerConnection extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(ServerConnection.class);

  private final RpcServer server;
  private final ServerSettings settings;
  private final ContextNegotiator negotiator;
  private final FragmentFrameDecoder framer;

  private ChannelHandlerContext ctx;
  private boolean bound;
  private AssociationGroup group;
  /** Our transmit fragment size; read by executor threads when fragmenting responses. */
  private volatile int xmitMax;
  private final Map<Integer, BoundContext> contexts = new HashMap<>();
  /** Calls received completely and not yet answered, by call id. */
  private final Map<Integer, ServerCall> active = new HashMap<>();
  /** The request being reassembled (fragments of one call must be contiguous). */
  private RequestPdu firstFragment;
  private StubAssembler assembler;
  /** The security context of the call being reassembled (null = unauthenticated). */
  private ServerAuthContext assemblingAuth;
  /** Ends a multi-fragment request that does not complete within the request timeout. */
  private ScheduledFuture<?> requestDeadline;
  /** Bytes of the request being reassembled charged to the server's reassembly budget. */
  private long charged;
  /** The connection's security contexts, by auth_context_id. */
  private final ServerAuthContexts auth;
  private boolean closing;

  ServerConnection(RpcServer server, FragmentFrameDecoder framer) {
    this.server = server;
    this.settings = server.settings();
    this.negotiator = new ContextNegotiator(server.registry());
    this.framer = framer;
    this.xmitMax = settings.maxFragment();
    this.auth = new ServerAuthContexts(server.authPolicy());
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    this.ctx = ctx;
    // A connection that never binds would hold a connection slot forever: give it the bind
    // timeout to send its bind.
    long bindTimeout = settings.bindTimeout().toMillis();
    if (bindTimeout > 0) {
      ctx.executor().schedule(() -> {
        if (!bound && !closing && ctx.channel().isActive()) {
          closeWithLog("no bind within " + bindTimeout + " ms");
        }
      }, bindTimeout, TimeUnit.MILLISECONDS);
    }
    super.channelActive(ctx);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    this.ctx = ctx;
    if (closing) {
      return;
    }
    try {
      if (msg instanceof FrameError e) {
        onFrameError(e);
      } else if (msg instanceof byte[] frame) {
        server.statistics().pktIn();
        onFrame(frame);
      }
    } catch (RuntimeException e) {
      // Defence in depth: a bug must not leave the connection half-alive.
      LOG.warn("{}: internal error handling a PDU, closing: {}", peer(), e.toString());
      closeNow();
    }
  }

  private void onFrameError(FrameError e) {
    LOG.info("{}: {}; closing the connection", peer(), e.reason());
    if (e.header().length >= PduHeader.LENGTH) {
      try {
        PduHeader h = PduHeader.parse(e.header());
        if (h.type() == PduType.BIND && !bound) {
          sendAndClose(new BindNakPdu(PfcFlags.FIRST_FRAG | PfcFlags.LAST_FRAG, h.callId(), BindNakPdu.REASON_NOT_SPECIFIED));
          return;
        }
        if (h.type() == PduType.REQUEST && bound) {
          sendAndClose(fault(h.callId(), 0, RpcStatus.NCA_S_PROTO_ERROR, true));
          return;
        }
      } catch (PduFormatException ignored) {
        // cannot happen with 16 bytes; fall through to close
      }
    }
    closeNow();
  }

  private void onFrame(byte[] frame) {
    PduHeader h;
    try {
      h = PduHeader.parse(frame);
    } catch (PduFormatException e) {
      closeWithLog("unreadable header");
      return;
    }
    Pdu pdu;
    try {
      // A request with a verifier is usually sealed or signed: validate it fully but leave its stub
      // in the frame, to be taken once (as plaintext) after onRequest has verified it.
      pdu = h.type() == PduType.REQUEST && h.authLength() != 0 ? PduCodec.decodeWithoutStub(frame) : PduCodec.decode(frame);
    } catch (PduFormatException e) {
      LOG.info("{}: malformed {} PDU (call {}): {}", peer(), h.type() == null ? "type-" + h.typeCode() : h.type(), h.callId(), e.getMessage());
      if (h.type() == PduType.BIND || h.type() == PduType.ALTER_CONTEXT) {
        int reason = h.versionMajor() != 5 ? BindNakPdu.REASON_PROTOCOL_VERSION_NOT_SUPPORTED : BindNakPdu.REASON_NOT_SPECIFIED;
        sendAndClose(new BindNakPdu(PfcFlags.FIRST_FRAG | PfcFlags.LAST_FRAG, h.callId(), reason));
      } else if (h.type() == PduType.REQUEST && bound) {
        sendAndClose(fault(h.callId(), 0, RpcStatus.NCA_S_PROTO_ERROR, true));
      } else {
        closeNow();
      }
      return;
    }
    switch (pdu.type()) {
      case BIND -> onBind((BindPdu) pdu);
      case ALTER_CONTEXT -> onAlterContext((BindPdu) pdu);
      case REQUEST -> onRequest((RequestPdu) pdu, frame);
      case CO_CANCEL -> onCancel(((CancelPdu) pdu).callId());
      case ORPHANED -> onOrphaned((OrphanedPdu) pdu);
      case AUTH3 -> onAuth3((Auth3Pdu) pdu);
      default -> closeWithLog("unexpected " + pdu.type() + " PDU from a client");
    }
  }

  // ---------------------------------------------------------------- bind

  private void onBind(BindPdu bind) {
    if (bound) {
      LOG.info("{}: second bind on a bound connection refused", peer());
      sendAndClose(new BindNakPdu(PfcFlags.FIRST_FRAG | PfcFlags.LAST_FRAG, bind.callId(), BindNakPdu.REASON_NOT_SPECIFIED));
      return;
    }
    AuthVerifier replyAuth = null;
    boolean headerSign = false;
    if (bind.auth() != null) {
      headerSign = bind.hasFlag(PfcFlags.SUPPORT_HEADER_SIGN);
      try {
        replyAuth = auth.onBindLeg(bind.auth(), headerSign);
      } catch (ServerAuthContexts.LegFailure e) {
        LOG.info("{}: bind refused: {}", peer(), e.getMessage());
        sendAndClose(new BindNakPdu(PfcFlags.FIRST_FRAG | PfcFlags.LAST_FRAG, bind.callId(), e.nakReason));
        return;
      }
    }
    if (server.tracker().draining()) {
      sendAndClose(new BindNakPdu(PfcFlags.FIRST_FRAG | PfcFlags.LAST_FRAG, bind.callId(), BindNakPdu.REASON_TEMPORARY_CONGESTION));
      return;
    }
    AssociationGroup g = server.groups().join(bind.assocGroupId());
    if (g == null) {
      LOG.info("{}: bind names unknown association group {}", peer(), bind.assocGroupId());
      sendAndClose(new BindNakPdu(PfcFlags.FIRST_FRAG | PfcFlags.LAST_FRAG, bind.callId(), BindNakPdu.REASON_NOT_SPECIFIED));
      return;
    }
    group = g;
    bound = true;
    server.admission().bound(ctx.channel());
    // Our receive size is bounded by what the client will send and by our own limit; never below
    // the C706 minimum, whatever the client claims.
    int recvMax = clampFragment(bind.maxXmitFrag());
    xmitMax = clampFragment(bind.maxRecvFrag());
    framer.maxFragment(recvMax);
    List<ContextResult> results = negotiator.negotiate(bind.contexts(), contexts, settings.maxPresentationContexts());
    int flags = PfcFlags.FIRST_FRAG | PfcFlags.LAST_FRAG | (bind.flags() & PfcFlags.CONC_MPX)
        | (headerSign ? PfcFlags.SUPPORT_HEADER_SIGN : 0);
    String port = ctx.channel().localAddress() instanceof InetSocketAddress a ? Integer.toString(a.getPort()) : "";
    send(new BindAckPdu(PduType.BIND_ACK, flags, bind.callId(), xmitMax, recvMax, group.id(), port, results, replyAuth));
    LOG.info("{}: association bound (group {}, fragments {}/{}, contexts {})", peer(), group.id(), recvMax, xmitMax, describe(results));
  }

  private void onAlterContext(BindPdu alter) {
    if (!bound) {
      sendAndClose(new BindNakPdu(PfcFlags.FIRST_FRAG | PfcFlags.LAST_FRAG, alter.callId(), BindNakPdu.REASON_NOT_SPECIFIED));
      return;
    }
    AuthVerifier replyAuth = null;
    boolean headerSign = false;
    if (alter.auth() != null) {
      // A handshake leg (4-leg exchanges) or the first leg of another auth context (multiplexing).
      headerSign = alter.hasFlag(PfcFlags.SUPPORT_HEADER_SIGN);
      try {
        replyAuth = auth.onBindLeg(alter.auth(), headerSign);
      } catch (ServerAuthContexts.LegFailure e) {
        LOG.info("{}: alter_context refused: {}", peer(), e.getMessage());
        sendAndClose(fault(alter.callId(), 0, RpcStatus.ERROR_ACCESS_DENIED, true));
        return;
      }
    }
    List<ContextResult> results = negotiator.negotiate(alter.contexts(), contexts, settings.maxPresentationContexts());
    int recvMax = clampFragment(alter.maxXmitFrag());
    send(new BindAckPdu(PduType.ALTER_CONTEXT_RESP, PfcFlags.FIRST_FRAG | PfcFlags.LAST_FRAG
        | (headerSign ? PfcFlags.SUPPORT_HEADER_SIGN : 0), alter.callId(),
        xmitMax, recvMax, group.id(), "", results, replyAuth));
    LOG.debug("{}: alter_context {}", peer(), describe(results));
  }

  private int clampFragment(int proposed) {
    return Math.max(StubFragmenter.MIN_FRAGMENT, Math.min(proposed, settings.maxFragment()));
  }

  private static String describe(List<ContextResult> results) {
    StringBuilder sb = new StringBuilder();
    for (ContextResult r : results) {
      sb.append(sb.length() == 0 ? "" : ",").append(r.result() == 0 ? "accepted" : r.result() == 3 ? "features" : "rejected");
    }
    return sb.toString();
  }

  // ---------------------------------------------------------------- requests

  private void onAuth3(Auth3Pdu a) {
    if (!bound) {
      closeWithLog("auth3 before bind");
      return;
    }
    auth.onAuth3(a.auth());
  }

  private void onRequest(RequestPdu received, byte[] frame) {
    RequestPdu req = received;
    if (!bound) {
      LOG.info("{}: request before bind; closing", peer());
      sendAndClose(fault(req.callId(), req.contextId(), RpcStatus.NCA_S_PROTO_ERROR, true));
      return;
    }
    ServerAuthContext ac;
    try {
      ac = auth.forRequest(req.auth());
    } catch (RpcException e) {
      LOG.info("{}: call {} refused: {}; closing", peer(), req.callId(), e.getMessage());
      sendAndClose(fault(req.callId(), req.contextId(), e.status(), true));
      return;
    }
    if (ac != null && req.auth() != null && ac.protection().protectsEachPdu()) {
      // Verify (and unseal) in receive order, then take the plaintext stub (the one copy of it).
      try {
        FragmentLayout layout = FragmentLayout.of(frame);
        ac.protection().unprotect(frame, layout);
        req = req.withStub(Arrays.copyOfRange(frame, layout.stubOffset(), layout.stubOffset() + layout.stubLength()));
      } catch (RpcException | PduFormatException e) {
        LOG.info("{}: call {}: {}; closing", peer(), req.callId(), e.getMessage());
        sendAndClose(fault(req.callId(), req.contextId(), RpcStatus.RPC_S_SEC_PKG_ERROR, true));
        return;
      }
    } else if (req.auth() != null) {
      // A verifier with nothing to verify (CONNECT level): the stub as sent.
      try {
        req = (RequestPdu) PduCodec.decode(frame);
      } catch (PduFormatException e) {
        protocolError(req, "malformed request: " + e.getMessage()); // decodeWithoutStub accepted it: not expected
        return;
      }
    }
    boolean first = req.hasFlag(PfcFlags.FIRST_FRAG);
    if (!first && firstFragment != null && assemblingAuth != ac) {
      protocolError(req, "fragments of call " + req.callId() + " use different auth contexts");
      return;
    }
    if (first) {
      if (firstFragment != null) {
        protocolError(req, "a new call started while call " + firstFragment.callId() + " was still arriving");
        return;
      }
      if (active.containsKey(req.callId())) {
        protocolError(req, "call_id " + req.callId() + " reused while the call is in progress");
        return;
      }
      if (req.hasFlag(PfcFlags.LAST_FRAG)) {
        // One fragment (most calls): its stub is the call's, no reassembly buffer or copy.
        if (req.stub().length > settings.maxRequestStub()) {
          LOG.info("{}: call {} exceeds the {}-byte request limit; closing", peer(), req.callId(), settings.maxRequestStub());
          sendAndClose(fault(req.callId(), req.contextId(), RpcStatus.NCA_S_FAULT_REMOTE_NO_MEMORY, true));
          return;
        }
        startCall(req, req.stub(), ac);
        return;
      }
      firstFragment = req;
      assemblingAuth = ac;
      assembler = new StubAssembler(req.allocHint(), settings.maxRequestStub());
      if (!req.hasFlag(PfcFlags.LAST_FRAG)) {
        armRequestDeadline(req.callId());
      }
    } else if (firstFragment == null || firstFragment.callId() != req.callId()) {
      protocolError(req, "fragment of call " + req.callId() + " without its first fragment or interleaved");
      return;
    }
    if (!(first && req.hasFlag(PfcFlags.LAST_FRAG))) {
      // Multi-fragment request: its bytes count against the server-wide budget until it completes.
      if (!server.reassembly().reserve(req.stub().length)) {
        LOG.warn("{}: call {}: incomplete requests hold the server's {}-byte reassembly budget; closing", peer(),
            req.callId(), settings.maxReassemblyBytes());
        sendAndClose(fault(req.callId(), req.contextId(), RpcStatus.NCA_S_SERVER_TOO_BUSY, true));
        return;
      }
      charged += req.stub().length;
    }
    if (!assembler.append(req.stub())) {
      LOG.info("{}: call {} exceeds the {}-byte request limit; closing", peer(), req.callId(), settings.maxRequestStub());
      sendAndClose(fault(req.callId(), req.contextId(), RpcStatus.NCA_S_FAULT_REMOTE_NO_MEMORY, true));
      return;
    }
    if (!req.hasFlag(PfcFlags.LAST_FRAG)) {
      return;
    }
    RequestPdu head = firstFragment;
    byte[] stub = assembler.toByteArray();
    ServerAuthContext callAuth = assemblingAuth;
    forgetAssembly();
    startCall(head, stub, callAuth);
  }

  /**
   * A call whose fragments each arrive within the fragment timeout could still hold up to
   * maxRequestStub bytes for ever by stopping between fragments: give the whole request a deadline.
   * Only multi-fragment requests pay for the timer.
   */
  private void armRequestDeadline(int callId) {
    long ms = settings.requestTimeout().toMillis();
    if (ms <= 0) {
      return;
    }
    requestDeadline = ctx.executor().schedule(() -> {
      requestDeadline = null;
      if (!closing && firstFragment != null && firstFragment.callId() == callId) {
        closeWithLog("call " + callId + " not received completely within " + ms + " ms");
      }
    }, ms, TimeUnit.MILLISECONDS);
  }

  /** Drops the request being reassembled (completed, orphaned or abandoned). */
  private void forgetAssembly() {
    firstFragment = null;
    assembler = null;
    assemblingAuth = null;
    server.reassembly().release(charged);
    charged = 0;
    if (requestDeadline != null) {
      requestDeadline.cancel(false);
      requestDeadline = null;
    }
  }

  private void protocolError(RequestPdu req, String what) {
    LOG.info("{}: {}; closing", peer(), what);
    sendAndClose(fault(req.callId(), req.contextId(), RpcStatus.NCA_S_PROTO_ERROR, true));
  }

  private void startCall(RequestPdu head, byte[] receivedStub, ServerAuthContext ac) {
    server.statistics().callIn();
    BoundContext bc = contexts.get(head.contextId());
    if (bc == null) {
      send(fault(head.callId(), head.contextId(), RpcStatus.NCA_S_UNK_IF, true));
      return;
    }
    byte[] stub = receivedStub;
    if (ac != null) {
      try {
        stub = VerificationTrailer.checkAndStrip(receivedStub, new VerificationTrailer.Expected(bc.requested().syntax(),
            bc.transferSyntax(), PduType.REQUEST.code(), PduHeader.DREP_LITTLE_ENDIAN, head.callId(), head.contextId(),
            head.opnum(), ac.protection().headerSigning())).stub();
      } catch (VerificationTrailer.MismatchException e) {
        LOG.info("{}: call {}: verification trailer: {}; closing", peer(), head.callId(), e.getMessage());
        sendAndClose(fault(head.callId(), head.contextId(), RpcStatus.ERROR_ACCESS_DENIED, true));
        return;
      }
    }
    AuthnLevel minimum = server.authPolicy().minimumLevel(bc.requested().uuid());
    int level = ac == null ? AuthnLevel.NONE.value() : ac.level().value();
    if (level < minimum.value()) {
      LOG.info("{}: call {} to {} at level {} below the minimum {}; access denied", peer(), head.callId(),
          bc.requested(), level, minimum);
      send(fault(head.callId(), head.contextId(), RpcStatus.ERROR_ACCESS_DENIED, true));
      return;
    }
    if (server.tracker().draining()) {
      send(fault(head.callId(), head.contextId(), RpcStatus.NCA_S_SERVER_TOO_BUSY, true));
      return;
    }
    if (active.size() >= settings.maxCallsPerAssociation()) {
      LOG.info("{}: more than {} concurrent calls; refusing call {}", peer(), settings.maxCallsPerAssociation(), head.callId());
      send(fault(head.callId(), head.contextId(), RpcStatus.NCA_S_SERVER_TOO_BUSY, true));
      return;
    }
    ServerCall call = new ServerCall(ctx.channel().remoteAddress(), ctx.channel().localAddress(), bc.requested(),
        head.opnum(), head.callId(), head.contextId(), head.object(), bc.transferSyntax(), group.handles(), ac);
    active.put(head.callId(), call);
    server.tracker().started();
    ExecutorService executor = server.executor();
    byte[] callStub = stub;
    try {
      executor.execute(() -> execute(bc, call, callStub));
    } catch (RejectedExecutionException e) {
      active.remove(head.callId());
      server.tracker().finished();
      send(fault(head.callId(), head.contextId(), RpcStatus.NCA_S_SERVER_TOO_BUSY, true));
    }
  }

  /** Runs on the executor. */
  private void execute(BoundContext bc, ServerCall call, byte[] stub) {
    List<byte[]> out;
    try {
      SecurityCallback callback = server.authPolicy().callback(call.interfaceId().uuid());
      if (callback != null) {
        try {
          callback.check(call);
        } catch (RpcException e) {
          throw new RpcException(e.status(), "refused by the security callback", true, e);
        }
      }
      byte[] result = bc.handler().dispatch(call.opnum(), stub, call);
      if (result == null) {
        result = new byte[0];
      }
      ServerAuthContext ac = call.auth();
      if (ac != null && ac.protection().protectsEachPdu()) {
        // Signing consumes sequence numbers in wire order: protect on the event loop, which writes.
        byte[] plain = result;
        ctx.channel().eventLoop().execute(() -> finish(call, protectedResponse(call, ac, plain)));
        return;
      }
      out = StubFragmenter.response(call.callId(), call.contextId(), result, xmitMax);
    } catch (RpcException e) {
      boolean dne = e.status() == RpcStatus.NCA_S_OP_RNG_ERROR || e.didNotExecute();
      out = List.of(PduCodec.encode(fault(call.callId(), call.contextId(), e.status(), dne)));
    } catch (RuntimeException | Error e) {
      LOG.warn("{}: handler for {} opnum {} failed: {}", peer(), call.interfaceId(), call.opnum(), e.toString());
      out = List.of(PduCodec.encode(fault(call.callId(), call.contextId(), RpcStatus.NCA_S_FAULT_UNSPEC, false)));
    }
    List<byte[]> fragments = out;
    ctx.channel().eventLoop().execute(() -> finish(call, fragments));
  }

  private void finish(ServerCall call, List<byte[]> fragments) {
    active.remove(call.callId());
    server.tracker().finished();
    server.statistics().callOut();
    if (!ctx.channel().isActive()) {
      return;
    }
    for (byte[] f : fragments) {
      ctx.write(Unpooled.wrappedBuffer(f));
    }
    ctx.flush();
    server.statistics().pktsOut(fragments.size());
  }

  /** Runs on the event loop. */
  private List<byte[]> protectedResponse(ServerCall call, ServerAuthContext ac, byte[] result) {
    try {
      return AuthFragmenter.response(call.callId(), call.contextId(), result, xmitMax, ac.protection());
    } catch (RpcException e) {
      LOG.warn("{}: cannot protect the response of call {}: {}", peer(), call.callId(), e.getMessage());
      return List.of(PduCodec.encode(fault(call.callId(), call.contextId(), RpcStatus.RPC_S_SEC_PKG_ERROR, false)));
    }
  }

  private void onCancel(int callId) {
    ServerCall call = active.get(callId);
    if (call != null) {
      call.cancel();
      LOG.debug("{}: call {} cancelled by the client", peer(), callId);
    }
  }

  private void onOrphaned(OrphanedPdu o) {
    if (firstFragment != null && firstFragment.callId() == o.callId()) {
      forgetAssembly();
    }
    onCancel(o.callId());
  }

  // ---------------------------------------------------------------- output

  private static FaultPdu fault(int callId, int contextId, int status, boolean didNotExecute) {
    int flags = PfcFlags.FIRST_FRAG | PfcFlags.LAST_FRAG | (didNotExecute ? PfcFlags.DID_NOT_EXECUTE : 0);
    return new FaultPdu(flags, callId, 0, contextId, 0, 0, status, new byte[0], null);
  }

  private void send(Pdu pdu) {
    ctx.writeAndFlush(Unpooled.wrappedBuffer(PduCodec.encode(pdu)));
    server.statistics().pktsOut(1);
  }

  private void sendAndClose(Pdu pdu) {
    closing = true;
    ctx.writeAndFlush(Unpooled.wrappedBuffer(PduCodec.encode(pdu))).addListener(ChannelFutureListener.CLOSE);
  }

  private void closeWithLog(String why) {
    LOG.info("{}: {}; closing", peer(), why);
    closeNow();
  }

  private void closeNow() {
    closing = true;
    ctx.close();
  }

  private String peer() {
    return ctx == null ? "?" : String.valueOf(ctx.channel().remoteAddress());
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    for (ServerCall c : new ArrayList<>(active.values())) {
      c.cancel(); // the client is gone: let long handlers notice
    }
    if (group != null) {
      server.groups().leave(group);
      group = null;
    }
    forgetAssembly();
    LOG.debug("{}: connection closed", peer());
    super.channelInactive(ctx);
  }

  /**
   * Back-pressure: a client that does not read its responses must not make us buffer without
   * bound, so stop reading its requests while the outbound buffer is above the high-water mark.
   */
  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
    ctx.channel().config().setAutoRead(ctx.channel().isWritable());
    super.channelWritabilityChanged(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.info("{}: connection error: {}", peer(), cause.toString());
    ctx.close();
  }
}
