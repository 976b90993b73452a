package org.msrpc4j.runtime.adversarial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.msrpc4j.runtime.RpcException;
import org.msrpc4j.runtime.client.RpcChannel;
import org.msrpc4j.security.AuthnLevel;

/**
 * Attacks by a man in the middle on an NTLM-authenticated association (issue 9): each one must end
 * in a rejected call (fault or closed connection) before the server's code runs, and a bystander
 * must still be served. Tampered signatures, single replays, oversize fragments, trickling peers
 * and call_id reuse are covered by AuthenticatedCallsTest and BadInputTest; these are the rest.
 *
 * <p>Client-to-server PDU indices on an NTLM connection: 0 bind (NEGOTIATE), 1 auth3
 * (AUTHENTICATE), 2.. requests. Each test makes one good call first (index 2), so that the
 * attack hits an established, working association.
 */
class ManInTheMiddleTest {
  TargetServer target;

  @BeforeEach
  void start() throws Exception {
    target = new TargetServer();
  }

  @AfterEach
  void stop() {
    target.close();
  }

  /** Makes a good call, then a call through the rewrite; asserts it is refused undelivered. */
  private void assertRefused(AuthnLevel level, Interceptor.Rewrite toServer) throws Exception {
    try (Interceptor mitm = new Interceptor(target.port(), toServer, Interceptor.PASS);
        RpcChannel ch = target.aliceChannel(mitm.port(), level)) {
      assertThat(ch.call(TargetServer.IFACE, 0, new byte[8])).endsWith(new byte[8]);
      int before = target.delivered.get();
      assertThatThrownBy(() -> ch.call(TargetServer.IFACE, 0, new byte[8])).isInstanceOf(RpcException.class);
      assertThat(target.delivered.get()).as("calls delivered to the server's code").isEqualTo(before);
    }
    target.assertServesAnotherClient();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void authLevelLoweredMidAssociationIsRefused(int loweredTo) throws Exception {
    // The second request claims CONNECT (2) or NONE-ish (1) in its sec_trailer while keeping its
    // bytes: a server that trusted the per-PDU level would skip the signature check.
    assertRefused(AuthnLevel.PKT_INTEGRITY, (i, f) -> {
      if (i == 3) {
        f[Wire.secTrailer(f) + 1] = (byte) loweredTo;
      }
      return List.of(f);
    });
  }

  @Test
  void verifierStrippedFromARequestIsRefused() throws Exception {
    assertRefused(AuthnLevel.PKT_PRIVACY, (i, f) -> {
      if (i != 3) {
        return List.of(f);
      }
      // Drop the sec_trailer and the token: a well-formed request without authentication.
      int cut = Wire.secTrailer(f);
      byte[] g = java.util.Arrays.copyOf(f, cut);
      Wire.put16(g, Wire.FRAG_LENGTH, cut);
      Wire.put16(g, Wire.AUTH_LENGTH, 0);
      return List.of(g);
    });
  }

  @Test
  void authContextIdSwitchedIsRefused() throws Exception {
    assertRefused(AuthnLevel.PKT_INTEGRITY, (i, f) -> {
      if (i == 3) {
        Wire.put32(f, Wire.secTrailer(f) + 4, 0x1234567);
      }
      return List.of(f);
    });
  }

  @Test
  void aRequestFromAnotherAssociationIsRefused() throws Exception {
    // Replay across connections: the request recorded on connection A is sent on connection B
    // (same user, its own NTLM keys) instead of B's own.
    List<byte[]> recorded = new ArrayList<>();
    try (Interceptor recorder = new Interceptor(target.port(), (i, f) -> {
      if (i == 2) {
        recorded.add(f.clone());
      }
      return List.of(f);
    }, Interceptor.PASS); RpcChannel a = target.aliceChannel(recorder.port(), AuthnLevel.PKT_INTEGRITY)) {
      a.call(TargetServer.IFACE, 0, new byte[8]);
    }
    assertRefused(AuthnLevel.PKT_INTEGRITY, (i, f) -> i == 3 ? List.of(withCallId(recorded.get(0), Wire.callId(f))) : List.of(f));
  }

  @Test
  void reorderedFragmentsOfOneCallAreRefused() throws Exception {
    // A 30 000-byte stub travels in several fragments, each with its own sequence number; the man
    // in the middle swaps two middle fragments (flags and lengths stay plausible).
    byte[][] held = new byte[1][];
    try (Interceptor mitm = new Interceptor(target.port(), (i, f) -> {
      if (i == 3) {
        held[0] = f;
        return List.of();
      }
      if (i == 4) {
        return List.of(f, held[0]);
      }
      return List.of(f);
    }, Interceptor.PASS); RpcChannel ch = target.aliceChannel(mitm.port(), AuthnLevel.PKT_INTEGRITY)) {
      byte[] big = new byte[30_000];
      new Random(7).nextBytes(big);
      assertThatThrownBy(() -> ch.call(TargetServer.IFACE, 0, big)).isInstanceOf(RpcException.class);
      assertThat(target.delivered.get()).isZero();
    }
    target.assertServesAnotherClient();
  }

  @Test
  void bindWithALowerInterfaceVersionFailsTheVerificationTrailer() throws Exception {
    // The man in the middle rewrites the bind's interface minor version (1.3 → 1.2, still
    // compatible, so the server binds it); the client's signed verification trailer names 1.3.
    assertRefusedFromTheFirstCall((i, f) -> {
      if (i == 0) {
        f[Wire.BIND_FIRST_IF_MINOR] = 2;
      }
      return List.of(f);
    }, Interceptor.PASS);
  }

  @Test
  void headerStaysProtectedWhenTheBindAckHidesHeaderSigning() throws Exception {
    // The man in the middle hides PFC_SUPPORT_HEADER_SIGN in the bind_ack, then changes the second
    // request's opnum, a header field outside the stub. NTLM signs the whole PDU whatever was
    // negotiated, and the verification trailer repeats the opnum: refused.
    try (Interceptor mitm = new Interceptor(target.port(), (i, f) -> {
      if (i == 3) {
        Wire.put16(f, Wire.REQUEST_OPNUM, 1);
      }
      return List.of(f);
    }, (i, f) -> {
      if (Wire.type(f) == Wire.PTYPE_BIND_ACK) {
        f[Wire.PFC_FLAGS] &= (byte) ~Wire.PFC_SUPPORT_HEADER_SIGN;
      }
      return List.of(f);
    }); RpcChannel ch = target.aliceChannel(mitm.port(), AuthnLevel.PKT_INTEGRITY)) {
      ch.call(TargetServer.IFACE, 0, new byte[8]);
      int before = target.delivered.get();
      assertThatThrownBy(() -> ch.call(TargetServer.IFACE, 0, new byte[8])).isInstanceOf(RpcException.class);
      assertThat(target.delivered.get()).isEqualTo(before);
    }
    target.assertServesAnotherClient();
  }

  @Test
  // The client's verification trailer says it asked for header signing ([MS-RPCE] 2.2.2.13.2);
  // the server sees a bind without the flag and refuses the first call.
  void headerSigningFlagStrippedFromTheBindIsDetected() throws Exception {
    assertRefusedFromTheFirstCall((i, f) -> {
      if (i == 0) {
        f[Wire.PFC_FLAGS] &= (byte) ~Wire.PFC_SUPPORT_HEADER_SIGN;
      }
      return List.of(f);
    }, Interceptor.PASS);
  }

  @Test
  void alterContextToAnotherAuthTypeIsRefused() throws Exception {
    // After a good call the man in the middle injects the connection's own bind, turned into an
    // alter_context that names the same auth_context_id with Kerberos as its auth type.
    byte[][] bind = new byte[1][];
    try (Interceptor mitm = new Interceptor(target.port(), (i, f) -> {
      if (i == 0) {
        bind[0] = f.clone();
      }
      if (i == 3) {
        byte[] alter = bind[0].clone();
        alter[Wire.PTYPE] = (byte) Wire.PTYPE_ALTER_CONTEXT;
        alter[Wire.secTrailer(alter)] = (byte) Wire.AUTH_TYPE_KERBEROS;
        Wire.put32(alter, Wire.CALL_ID, 0x7777);
        return List.of(alter, f);
      }
      return List.of(f);
    }, Interceptor.PASS); RpcChannel ch = target.aliceChannel(mitm.port(), AuthnLevel.PKT_INTEGRITY)) {
      ch.call(TargetServer.IFACE, 0, new byte[8]);
      boolean closed = false;
      try {
        ch.call(TargetServer.IFACE, 0, new byte[8]);
      } catch (RpcException e) {
        closed = true; // the server closed the connection on the forged PDU
      }
      byte[] answer = mitm.fromServer.stream().filter(f -> Wire.callId(f) == 0x7777).findFirst().orElse(null);
      assertThat(answer != null || closed).as("the forged alter_context is answered or the connection closed").isTrue();
      if (answer != null) {
        // Answered: it must be a refusal, never an alter_context_resp that continues a handshake.
        assertThat(Wire.type(answer)).isIn(Wire.PTYPE_FAULT, Wire.PTYPE_BIND_NAK);
      }
    }
    target.assertServesAnotherClient();
  }

  private void assertRefusedFromTheFirstCall(Interceptor.Rewrite toServer, Interceptor.Rewrite toClient) throws Exception {
    try (Interceptor mitm = new Interceptor(target.port(), toServer, toClient);
        RpcChannel ch = target.aliceChannel(mitm.port(), AuthnLevel.PKT_INTEGRITY)) {
      assertThatThrownBy(() -> ch.call(TargetServer.IFACE, 0, new byte[8])).isInstanceOf(RpcException.class);
      assertThat(target.delivered.get()).isZero();
    }
    target.assertServesAnotherClient();
  }

  private static byte[] withCallId(byte[] frame, int callId) {
    byte[] g = frame.clone();
    Wire.put32(g, Wire.CALL_ID, callId);
    return g;
  }
}
