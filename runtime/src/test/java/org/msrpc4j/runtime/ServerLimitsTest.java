package org.msrpc4j.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.msrpc4j.runtime.pdu.BindAckPdu;
import org.msrpc4j.runtime.pdu.BindPdu;
import org.msrpc4j.runtime.pdu.ContextResult;
import org.msrpc4j.runtime.pdu.FaultPdu;
import org.msrpc4j.runtime.pdu.Pdu;
import org.msrpc4j.runtime.pdu.PduType;
import org.msrpc4j.runtime.pdu.PfcFlags;
import org.msrpc4j.runtime.pdu.PresentationContext;
import org.msrpc4j.runtime.pdu.RequestPdu;
import org.msrpc4j.runtime.pdu.ResponsePdu;
import org.msrpc4j.runtime.server.RpcServer;
import org.msrpc4j.runtime.server.ServerSettings;

/** Per-association call limit, bind negotiation details, draining refusal. */
class ServerLimitsTest {
  private RpcServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.shutdown(Duration.ofSeconds(2));
    }
  }

  private static final int WHOLE = PfcFlags.FIRST_FRAG | PfcFlags.LAST_FRAG;

  @Test
  void callsBeyondThePerAssociationLimitGetServerTooBusy() throws Exception {
    server = RpcServer.builder().listen("127.0.0.1", 0)
        .settings(ServerSettings.defaults().withMaxCallsPerAssociation(2))
        .register(new TestInterfaces.Loop()).build().start();
    try (RawPeer p = new RawPeer(server.port())) {
      p.send(RawPeer.bind(1, TestInterfaces.LOOP));
      assertThat(p.read()).isInstanceOf(BindAckPdu.class);
      for (int id = 2; id <= 4; id++) {
        p.send(new RequestPdu(WHOLE, id, 4, 0, 1, null, TestInterfaces.u32(700), null));
      }
      List<Pdu> replies = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        replies.add(p.read());
      }
      assertThat(replies).filteredOn(r -> r instanceof FaultPdu).singleElement().satisfies(r -> {
        FaultPdu f = (FaultPdu) r;
        assertThat(f.callId()).isEqualTo(4);
        assertThat(f.status()).isEqualTo(RpcStatus.NCA_S_SERVER_TOO_BUSY);
        assertThat(f.hasFlag(PfcFlags.DID_NOT_EXECUTE)).isTrue();
      });
      assertThat(replies).filteredOn(r -> r instanceof ResponsePdu).extracting(Pdu::callId).containsExactlyInAnyOrder(2, 3);
    }
  }

  @Test
  void bindNegotiatesFragmentSizesFeaturesAndRejectsUnknownContexts() throws Exception {
    server = RpcServer.builder().listen("127.0.0.1", 0).register(new TestInterfaces.Loop()).build().start();
    InterfaceId unknown = InterfaceId.of("aaaaaaaa-0000-0000-0000-000000000001", 1, 0);
    SyntaxId bogusTransfer = new SyntaxId(java.util.UUID.randomUUID(), 1, 0);
    BindPdu bind = new BindPdu(PduType.BIND, WHOLE, 1, 1000, 70000 & 0xFFFF, 0, List.of(
        new PresentationContext(0, TestInterfaces.LOOP.syntax(), List.of(bogusTransfer, SyntaxId.NDR20)),
        new PresentationContext(1, unknown.syntax(), List.of(SyntaxId.NDR20)),
        new PresentationContext(2, TestInterfaces.LOOP.syntax(), List.of(bogusTransfer)),
        new PresentationContext(3, TestInterfaces.LOOP.syntax(), List.of(SyntaxId.bindTimeFeatureNegotiation(0xFF)))), null);
    try (RawPeer p = new RawPeer(server.port())) {
      p.send(bind);
      BindAckPdu ack = (BindAckPdu) p.read();
      // A client offering less than the C706 minimum still gets 1432; the server's own limit caps the rest.
      assertThat(ack.maxRecvFrag()).isEqualTo(1432);
      assertThat(ack.maxXmitFrag()).isEqualTo(4464);
      assertThat(ack.assocGroupId()).isNotZero();
      assertThat(ack.secondaryAddress()).isEqualTo(Integer.toString(server.port()));
      assertThat(ack.results()).hasSize(4);
      assertThat(ack.results().get(0)).isEqualTo(new ContextResult(ContextResult.ACCEPTANCE, 0, SyntaxId.NDR20));
      assertThat(ack.results().get(1).result()).isEqualTo(ContextResult.PROVIDER_REJECTION);
      assertThat(ack.results().get(1).reason()).isEqualTo(ContextResult.REASON_ABSTRACT_SYNTAX_NOT_SUPPORTED);
      assertThat(ack.results().get(2).reason()).isEqualTo(ContextResult.REASON_TRANSFER_SYNTAXES_NOT_SUPPORTED);
      assertThat(ack.results().get(3).result()).isEqualTo(ContextResult.NEGOTIATE_ACK);
      assertThat(ack.results().get(3).reason()).isEqualTo(0x3); // only the bits the server supports
    }
  }

  @Test
  void aBindLargerThanTheDefaultFragmentSizeIsAccepted() throws Exception {
    server = RpcServer.builder().listen("127.0.0.1", 0).register(new TestInterfaces.Loop()).build().start();
    List<PresentationContext> many = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      many.add(new PresentationContext(i, TestInterfaces.LOOP.syntax(), List.of(SyntaxId.NDR20)));
    }
    // 200 contexts are about 8.8 KB, like a bind carrying a Kerberos ticket with a large PAC.
    try (RawPeer p = new RawPeer(server.port())) {
      p.send(new BindPdu(PduType.BIND, WHOLE, 1, 5840, 5840, 0, many, null));
      BindAckPdu ack = (BindAckPdu) p.read();
      assertThat(ack.results()).hasSize(200);
      assertThat(ack.results().get(0).accepted()).isTrue();
      // Beyond the per-connection context limit the server refuses with "local limit exceeded".
      assertThat(ack.results().get(199).reason()).isEqualTo(ContextResult.REASON_LOCAL_LIMIT_EXCEEDED);
    }
  }

  @Test
  void connectionsBeyondTheLimitAreClosedAndLaterOnesServed() throws Exception {
    server = RpcServer.builder().listen("127.0.0.1", 0).settings(ServerSettings.defaults().withMaxConnections(2))
        .register(new TestInterfaces.Loop()).build().start();
    try (RawPeer a = new RawPeer(server.port()); RawPeer b = new RawPeer(server.port())) {
      a.send(RawPeer.bind(1, TestInterfaces.LOOP));
      b.send(RawPeer.bind(1, TestInterfaces.LOOP));
      assertThat(a.read()).isInstanceOf(BindAckPdu.class);
      assertThat(b.read()).isInstanceOf(BindAckPdu.class);
      try (RawPeer c = new RawPeer(server.port())) {
        assertThat(c.closedByServer()).isTrue();
      }
    }
    Thread.sleep(300); // let the server notice the two closes
    try (RawPeer d = new RawPeer(server.port())) {
      d.send(RawPeer.bind(1, TestInterfaces.LOOP));
      assertThat(d.read()).isInstanceOf(BindAckPdu.class);
    }
  }

  @Test
  void shutdownSendsAShutdownPduBeforeClosing() throws Exception {
    server = RpcServer.builder().listen("127.0.0.1", 0).register(new TestInterfaces.Loop()).build().start();
    try (RawPeer p = new RawPeer(server.port())) {
      p.send(RawPeer.bind(1, TestInterfaces.LOOP));
      assertThat(p.read()).isInstanceOf(BindAckPdu.class);
      server.shutdown(Duration.ofSeconds(1));
      server = null;
      assertThat(p.read()).isInstanceOf(org.msrpc4j.runtime.pdu.ShutdownPdu.class);
      assertThat(p.closedByServer()).isTrue();
    }
  }

  @Test
  void aDrainingServerRefusesNewCallsAsDidNotExecute() throws Exception {
    server = RpcServer.builder().listen("127.0.0.1", 0).register(new TestInterfaces.Loop()).build().start();
    try (RawPeer p = new RawPeer(server.port())) {
      p.send(RawPeer.bind(1, TestInterfaces.LOOP));
      assertThat(p.read()).isInstanceOf(BindAckPdu.class);
      p.send(new RequestPdu(WHOLE, 2, 4, 0, 1, null, TestInterfaces.u32(1500), null));
      Thread.sleep(200);
      Thread stopper = new Thread(() -> server.shutdown(Duration.ofSeconds(10)));
      stopper.start();
      Thread.sleep(300);
      p.send(new RequestPdu(WHOLE, 3, 1, 0, 0, null, new byte[] {1}, null));
      Pdu first = p.read();
      assertThat(first).isInstanceOfSatisfying(FaultPdu.class, f -> {
        assertThat(f.callId()).isEqualTo(3);
        assertThat(f.hasFlag(PfcFlags.DID_NOT_EXECUTE)).isTrue();
      });
      assertThat(p.read()).isInstanceOfSatisfying(ResponsePdu.class, r -> assertThat(r.callId()).isEqualTo(2));
      stopper.join(15_000);
      server = null;
    }
  }
}
