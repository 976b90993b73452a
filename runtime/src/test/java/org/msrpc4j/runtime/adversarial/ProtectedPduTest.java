package org.msrpc4j.runtime.adversarial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.msrpc4j.runtime.RpcException;
import org.msrpc4j.runtime.client.RpcChannel;
import org.msrpc4j.security.AuthnLevel;

/**
 * Tampered signatures and replays on an NTLM association (issue 9), at both protected levels; the
 * stub bit flips and a replay replacing a request at integrity are in AuthenticatedCallsTest.
 * Here: the signature itself edited, a request replayed in addition to the genuine ones (later, and
 * at once), and a tampered response, which the client must refuse.
 *
 * <p>Client-to-server PDU indices: 0 bind, 1 auth3, 2.. requests.
 */
class ProtectedPduTest {
  private TargetServer target;

  @BeforeEach
  void start() throws Exception {
    target = new TargetServer();
  }

  @AfterEach
  void stop() throws Exception {
    target.assertServesAnotherClient();
    target.close();
  }

  @ParameterizedTest
  @EnumSource(value = AuthnLevel.class, names = {"PKT_INTEGRITY", "PKT_PRIVACY"})
  void aTamperedSignatureIsRefusedUndelivered(AuthnLevel level) throws Exception {
    // The NTLM signature is the last 16 bytes (version, checksum, sequence number): edit the
    // checksum's last byte of the second request.
    try (Interceptor mitm = new Interceptor(target.port(), (i, f) -> {
      if (i == 3) {
        f[f.length - 5] ^= 0x01;
      }
      return List.of(f);
    }, Interceptor.PASS); RpcChannel ch = target.aliceChannel(mitm.port(), level)) {
      ch.call(TargetServer.IFACE, 0, new byte[8]);
      int before = target.delivered.get();
      assertThatThrownBy(() -> ch.call(TargetServer.IFACE, 0, new byte[8])).isInstanceOf(RpcException.class);
      assertThat(target.delivered.get()).isEqualTo(before);
    }
  }

  @ParameterizedTest
  @EnumSource(value = AuthnLevel.class, names = {"PKT_INTEGRITY", "PKT_PRIVACY"})
  void anEarlierRequestReplayedBeforeTheNextIsRefused(AuthnLevel level) throws Exception {
    // The first request (answered, so its call_id is free again) is sent a second time just before
    // the next genuine one: only its sequence number gives it away.
    List<byte[]> seen = new CopyOnWriteArrayList<>();
    try (Interceptor mitm = new Interceptor(target.port(), (i, f) -> {
      seen.add(f.clone());
      return i == 3 ? List.of(seen.get(2), f) : List.of(f);
    }, Interceptor.PASS); RpcChannel ch = target.aliceChannel(mitm.port(), level)) {
      ch.call(TargetServer.IFACE, 0, new byte[8]);
      assertThat(target.delivered.get()).isEqualTo(1);
      assertThatThrownBy(() -> ch.call(TargetServer.IFACE, 0, new byte[8])).isInstanceOf(RpcException.class);
      assertThat(target.delivered.get()).as("calls delivered: the first only").isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(value = AuthnLevel.class, names = {"PKT_INTEGRITY", "PKT_PRIVACY"})
  void aRequestDuplicatedOnTheWireRunsOnce(AuthnLevel level) throws Exception {
    try (Interceptor mitm = new Interceptor(target.port(), (i, f) -> i == 2 ? List.of(f, f.clone()) : List.of(f),
        Interceptor.PASS); RpcChannel ch = target.aliceChannel(mitm.port(), level)) {
      try {
        ch.call(TargetServer.IFACE, 0, new byte[8]);
      } catch (RpcException connectionClosedByTheDuplicate) {
        // the server may close before the genuine answer is read
      }
      // Let the duplicate reach the server (it is written right after the original).
      Thread.sleep(500);
      assertThat(target.delivered.get()).as("deliveries of one request sent twice").isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(value = AuthnLevel.class, names = {"PKT_INTEGRITY", "PKT_PRIVACY"})
  void aTamperedResponseIsRefusedByTheClient(AuthnLevel level) throws Exception {
    // Server-to-client PDU indices: 0 bind_ack, 1.. responses. Flip a stub byte of the second response.
    try (Interceptor mitm = new Interceptor(target.port(), Interceptor.PASS, (i, f) -> {
      if (i == 2) {
        f[30] ^= 0x40;
      }
      return List.of(f);
    }); RpcChannel ch = target.aliceChannel(mitm.port(), level)) {
      assertThat(ch.call(TargetServer.IFACE, 0, new byte[] {1, 2, 3})).containsSequence(1, 2, 3);
      assertThatThrownBy(() -> ch.call(TargetServer.IFACE, 0, new byte[] {1, 2, 3})).isInstanceOf(RpcException.class);
    }
  }
}
