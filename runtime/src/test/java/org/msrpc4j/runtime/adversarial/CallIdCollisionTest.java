package org.msrpc4j.runtime.adversarial;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.msrpc4j.runtime.RpcStatus;
import org.msrpc4j.runtime.pdu.FaultPdu;
import org.msrpc4j.runtime.pdu.Pdu;
import org.msrpc4j.runtime.pdu.PfcFlags;
import org.msrpc4j.runtime.pdu.ResponsePdu;
import org.msrpc4j.runtime.server.ServerSettings;

/**
 * call_id collisions and interleaving on one connection (issue 9): call A's stub is all 0xAA,
 * call B's all 0xBB; whatever the peer does, the server must answer with a protocol-error fault or
 * close, and no stub delivered to the server's code may hold bytes of both calls.
 */
class CallIdCollisionTest {
  private static final byte A = (byte) 0xAA;
  private static final byte B = (byte) 0xBB;

  private RawTarget target;

  @BeforeEach
  void start() throws Exception {
    target = new RawTarget(ServerSettings.defaults());
  }

  @AfterEach
  void stop() throws Exception {
    assertThat(target.delivered).as("stubs delivered").noneMatch(CallIdCollisionTest::mixed);
    target.assertServesAnotherClient();
    target.close();
  }

  @Test
  void twoOutstandingRequestsWithTheSameCallIdAreRefused() throws Exception {
    try (RawConnection c = target.bound()) {
      // A runs for 1.5 s (opnum 1); B reuses its call_id while it runs.
      c.send(RawConnection.request(RawConnection.WHOLE, 5, 1, fill(A, 100)));
      Thread.sleep(300); // A is executing
      c.send(RawConnection.request(RawConnection.WHOLE, 5, 0, fill(B, 100)));
      assertProtocolErrorThenClosed(c, 5);
    }
    // A was delivered (it came first and is legitimate); B never was.
    assertThat(target.delivered).noneMatch(stub -> stub.length > 0 && stub[0] == B);
  }

  @Test
  void aMiddleFragmentOfAnotherCallInterleavedIsRefused() throws Exception {
    try (RawConnection c = target.bound()) {
      c.send(RawConnection.request(PfcFlags.FIRST_FRAG, 5, 0, fill(A, 1000)));
      c.send(RawConnection.request(0, 6, 0, fill(B, 1000))); // B without PFC_FIRST_FRAG
      c.send(RawConnection.request(PfcFlags.LAST_FRAG, 5, 0, fill(A, 1000)));
      assertProtocolErrorThenClosed(c, 6);
    }
    assertThat(target.delivered).isEmpty();
  }

  @Test
  void aLastFragmentOfAnotherCallInterleavedIsRefused() throws Exception {
    try (RawConnection c = target.bound()) {
      c.send(RawConnection.request(PfcFlags.FIRST_FRAG, 5, 0, fill(A, 1000)));
      c.send(RawConnection.request(PfcFlags.LAST_FRAG, 6, 0, fill(B, 1000)));
      assertProtocolErrorThenClosed(c, 6);
    }
    assertThat(target.delivered).isEmpty();
  }

  @Test
  void aCallRestartedWithItsOwnCallIdWhileArrivingIsRefused() throws Exception {
    // B takes A's call_id and sets PFC_FIRST_FRAG while A is still being reassembled: appending
    // it, or restarting silently, would both hand the handler a stub the client never sent.
    try (RawConnection c = target.bound()) {
      c.send(RawConnection.request(PfcFlags.FIRST_FRAG, 5, 0, fill(A, 1000)));
      c.send(RawConnection.request(RawConnection.WHOLE, 5, 0, fill(B, 1000)));
      assertProtocolErrorThenClosed(c, 5);
    }
    assertThat(target.delivered).isEmpty();
  }

  @Test
  void aCallIdIsReusableOnceItsCallIsAnswered() throws Exception {
    // The control: reuse after completion is legal (C706 lets a client recycle call ids).
    try (RawConnection c = target.bound()) {
      for (byte fill : new byte[] {A, B}) {
        c.send(RawConnection.request(RawConnection.WHOLE, 5, 0, fill(fill, 100)));
        Pdu reply = c.read();
        assertThat(reply).isInstanceOfSatisfying(ResponsePdu.class, r -> assertThat(r.stub()).isEqualTo(fill(fill, 100)));
      }
    }
    assertThat(target.delivered).hasSize(2);
  }

  private static void assertProtocolErrorThenClosed(RawConnection c, int callId) throws Exception {
    Pdu reply = c.read();
    while (reply instanceof ResponsePdu) {
      reply = c.read(); // the legitimate first call may still answer
    }
    assertThat(reply).as("a fault or a closed connection").satisfiesAnyOf(
        r -> assertThat(r).isNull(),
        r -> assertThat(r).isInstanceOfSatisfying(FaultPdu.class, f -> {
          assertThat(f.status()).isEqualTo(RpcStatus.NCA_S_PROTO_ERROR);
          assertThat(f.callId()).isEqualTo(callId);
        }));
    assertThat(c.closedByServer()).isTrue();
  }

  private static byte[] fill(byte b, int n) {
    byte[] out = new byte[n];
    Arrays.fill(out, b);
    return out;
  }

  private static boolean mixed(byte[] stub) {
    boolean a = false;
    boolean b = false;
    for (byte x : stub) {
      a |= x == A;
      b |= x == B;
    }
    return a && b;
  }
}
