package org.msrpc4j.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.msrpc4j.runtime.client.RpcBinding;
import org.msrpc4j.runtime.client.RpcChannel;
import org.msrpc4j.runtime.client.RpcClient;
import org.msrpc4j.runtime.pdu.BindAckPdu;
import org.msrpc4j.runtime.pdu.BindNakPdu;
import org.msrpc4j.runtime.pdu.FaultPdu;
import org.msrpc4j.runtime.pdu.Pdu;
import org.msrpc4j.runtime.pdu.PduCodec;
import org.msrpc4j.runtime.pdu.PfcFlags;
import org.msrpc4j.runtime.pdu.RequestPdu;
import org.msrpc4j.runtime.server.RpcServer;
import org.msrpc4j.runtime.server.ServerSettings;

/**
 * Broken PDUs from a raw socket: each gets a bind_nak, a fault or a closed connection, and the
 * next client is served normally.
 */
class BadInputTest {
  private RpcServer server;

  @BeforeEach
  void start() throws Exception {
    server = RpcServer.builder().listen("127.0.0.1", 0)
        .settings(ServerSettings.defaults().withFragmentTimeout(Duration.ofMillis(1500)).withMaxRequestStub(64 * 1024))
        .register(new TestInterfaces.Loop()).build().start();
  }

  @AfterEach
  void stop() throws Exception {
    assertNextClientIsServed();
    server.shutdown(Duration.ofSeconds(2));
  }

  private void assertNextClientIsServed() throws Exception {
    try (RpcClient client = RpcClient.create(); RpcChannel ch = client.channel(RpcBinding.tcp("127.0.0.1", server.port()))) {
      assertThat(ch.call(TestInterfaces.LOOP, 0, new byte[] {42})).containsExactly(42);
    }
  }

  private RawPeer bound() throws Exception {
    RawPeer p = new RawPeer(server.port());
    p.send(RawPeer.bind(1, TestInterfaces.LOOP));
    assertThat(p.read()).isInstanceOf(BindAckPdu.class);
    return p;
  }

  private static RequestPdu request(int flags, int callId, byte[] stub) {
    return new RequestPdu(flags, callId, stub.length, 0, 0, null, stub, null);
  }

  private static final int WHOLE = PfcFlags.FIRST_FRAG | PfcFlags.LAST_FRAG;

  @Test
  void wrongVersionGetsBindNak() throws Exception {
    byte[] bind = PduCodec.encode(RawPeer.bind(1, TestInterfaces.LOOP));
    bind[0] = 4;
    try (RawPeer p = new RawPeer(server.port())) {
      p.send(bind);
      Pdu reply = p.read();
      assertThat(reply).isInstanceOfSatisfying(BindNakPdu.class,
          n -> assertThat(n.rejectReason()).isEqualTo(BindNakPdu.REASON_PROTOCOL_VERSION_NOT_SUPPORTED));
      assertThat(p.closedByServer()).isTrue();
    }
  }

  @Test
  void fragLengthBelowHeaderClosesWithBindNak() throws Exception {
    byte[] bind = PduCodec.encode(RawPeer.bind(1, TestInterfaces.LOOP));
    bind[8] = 10;
    bind[9] = 0;
    try (RawPeer p = new RawPeer(server.port())) {
      p.send(bind);
      assertThat(p.read()).isInstanceOf(BindNakPdu.class);
      assertThat(p.closedByServer()).isTrue();
    }
  }

  @Test
  void fragmentAboveNegotiatedSizeGetsFaultAndClose() throws Exception {
    try (RawPeer p = bound()) {
      // 5840 was negotiated; claim 6000 bytes.
      byte[] big = PduCodec.encode(request(WHOLE, 2, new byte[6000 - 24]));
      p.send(big);
      assertThat(p.read()).isInstanceOfSatisfying(FaultPdu.class,
          f -> assertThat(f.status()).isEqualTo(RpcStatus.NCA_S_PROTO_ERROR));
      assertThat(p.closedByServer()).isTrue();
    }
  }

  @Test
  void authLengthLargerThanFragmentGetsFault() throws Exception {
    try (RawPeer p = bound()) {
      byte[] req = PduCodec.encode(request(WHOLE, 2, new byte[8]));
      req[10] = (byte) 0xF0; // auth_length 240 in a 32-byte fragment
      p.send(req);
      assertThat(p.read()).isInstanceOfSatisfying(FaultPdu.class,
          f -> assertThat(f.status()).isEqualTo(RpcStatus.NCA_S_PROTO_ERROR));
      assertThat(p.closedByServer()).isTrue();
    }
  }

  @Test
  void unknownPacketTypeClosesTheConnection() throws Exception {
    try (RawPeer p = bound()) {
      byte[] req = PduCodec.encode(request(WHOLE, 2, new byte[8]));
      req[2] = 42;
      p.send(req);
      assertThat(p.closedByServer()).isTrue();
    }
  }

  @Test
  void connectionlessTypeClosesTheConnection() throws Exception {
    try (RawPeer p = bound()) {
      byte[] req = PduCodec.encode(request(WHOLE, 2, new byte[8]));
      req[2] = 1; // CL ping
      p.send(req);
      assertThat(p.closedByServer()).isTrue();
    }
  }

  @Test
  void requestBeforeBindGetsFaultAndClose() throws Exception {
    try (RawPeer p = new RawPeer(server.port())) {
      p.send(request(WHOLE, 1, new byte[4]));
      assertThat(p.read()).isInstanceOfSatisfying(FaultPdu.class, f -> {
        assertThat(f.status()).isEqualTo(RpcStatus.NCA_S_PROTO_ERROR);
        assertThat(f.hasFlag(PfcFlags.DID_NOT_EXECUTE)).isTrue();
      });
      assertThat(p.closedByServer()).isTrue();
    }
  }

  @Test
  void secondBindIsRefused() throws Exception {
    try (RawPeer p = bound()) {
      p.send(RawPeer.bind(2, TestInterfaces.LOOP));
      assertThat(p.read()).isInstanceOf(BindNakPdu.class);
      assertThat(p.closedByServer()).isTrue();
    }
  }

  @Test
  void interleavedFragmentOfAnotherCallIsAProtocolError() throws Exception {
    try (RawPeer p = bound()) {
      p.send(request(PfcFlags.FIRST_FRAG, 2, new byte[100]));
      p.send(request(PfcFlags.FIRST_FRAG, 3, new byte[100]));
      assertThat(p.read()).isInstanceOfSatisfying(FaultPdu.class, f -> {
        assertThat(f.callId()).isEqualTo(3);
        assertThat(f.status()).isEqualTo(RpcStatus.NCA_S_PROTO_ERROR);
      });
      assertThat(p.closedByServer()).isTrue();
    }
  }

  @Test
  void middleFragmentWithoutFirstIsAProtocolError() throws Exception {
    try (RawPeer p = bound()) {
      p.send(request(PfcFlags.LAST_FRAG, 7, new byte[10]));
      assertThat(p.read()).isInstanceOf(FaultPdu.class);
      assertThat(p.closedByServer()).isTrue();
    }
  }

  @Test
  void callIdReuseWhileInProgressIsAProtocolError() throws Exception {
    try (RawPeer p = bound()) {
      p.send(new RequestPdu(WHOLE, 5, 4, 0, 1, null, TestInterfaces.u32(2000), null)); // sleeps 2 s
      p.send(request(WHOLE, 5, new byte[4]));
      Pdu reply = p.read();
      assertThat(reply).isInstanceOfSatisfying(FaultPdu.class,
          f -> assertThat(f.status()).isEqualTo(RpcStatus.NCA_S_PROTO_ERROR));
      assertThat(p.closedByServer()).isTrue();
    }
  }

  @Test
  void unknownContextIdGetsUnknownInterfaceFault() throws Exception {
    try (RawPeer p = bound()) {
      p.send(new RequestPdu(WHOLE, 2, 0, 9, 0, null, new byte[0], null));
      assertThat(p.read()).isInstanceOfSatisfying(FaultPdu.class, f -> {
        assertThat(f.status()).isEqualTo(RpcStatus.NCA_S_UNK_IF);
        assertThat(f.hasFlag(PfcFlags.DID_NOT_EXECUTE)).isTrue();
      });
      // The association survives.
      p.send(request(WHOLE, 3, new byte[] {1}));
      assertThat(p.read()).isNotInstanceOf(FaultPdu.class);
    }
  }

  @Test
  void requestLargerThanTheReassemblyLimitIsRefused() throws Exception {
    try (RawPeer p = bound()) {
      byte[] chunk = new byte[5000];
      // 14 x 5000 bytes: the last fragment crosses the 64 KiB limit. Sending more would race with
      // the server's close (and a reset could swallow the fault).
      p.send(request(PfcFlags.FIRST_FRAG, 2, chunk));
      for (int i = 0; i < 13; i++) {
        p.send(request(0, 2, chunk));
      }
      assertThat(p.read()).isInstanceOfSatisfying(FaultPdu.class,
          f -> assertThat(f.status()).isEqualTo(RpcStatus.NCA_S_FAULT_REMOTE_NO_MEMORY));
      assertThat(p.closedByServer()).isTrue();
    }
  }

  @Test
  void truncatedStreamIsDroppedWhenThePeerLeaves() throws Exception {
    try (RawPeer p = bound()) {
      byte[] req = PduCodec.encode(request(WHOLE, 2, new byte[100]));
      p.send(Arrays.copyOf(req, 60));
    }
    // The server must simply forget the half fragment: checked by the next client in stop().
  }

  @Test
  void peerTricklingOneBytePerIntervalIsCutOff() throws Exception {
    try (RawPeer p = bound()) {
      byte[] req = PduCodec.encode(request(WHOLE, 2, new byte[100]));
      boolean closed = false;
      // One byte every 300 ms; the fragment deadline is 1.5 s, so the server must give up long
      // before the 124 bytes are in.
      for (int i = 0; i < req.length && !closed; i++) {
        try {
          p.send(new byte[] {req[i]});
        } catch (java.io.IOException e) {
          closed = true;
          break;
        }
        Thread.sleep(300);
        if (i == 30) {
          closed = p.closedByServerWithin();
        }
      }
      assertThat(closed || p.closedByServer()).isTrue();
    }
  }

  @Test
  void aConnectionThatNeverBindsIsClosed() throws Exception {
    try (RawPeer p = new RawPeer(server.port())) {
      assertThat(p.closedByServer()).isTrue(); // fragment timeout 1.5 s, read timeout 10 s
    }
  }

  @Test
  void garbageBytesCloseTheConnection() throws Exception {
    try (RawPeer p = new RawPeer(server.port())) {
      byte[] junk = new byte[64];
      new java.util.Random(1).nextBytes(junk);
      junk[8] = 64;
      junk[9] = 0;
      p.send(junk);
      Pdu reply = p.read();
      assertThat(reply == null || reply instanceof BindNakPdu || reply instanceof FaultPdu).isTrue();
      assertThat(p.closedByServer()).isTrue();
    }
  }
}
