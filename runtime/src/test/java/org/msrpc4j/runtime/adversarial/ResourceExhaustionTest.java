package org.msrpc4j.runtime.adversarial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.msrpc4j.runtime.RpcException;
import org.msrpc4j.runtime.RpcStatus;
import org.msrpc4j.runtime.client.RpcChannel;
import org.msrpc4j.runtime.server.ServerSettings;
import org.msrpc4j.security.AuthnLevel;

/**
 * Clients that try to exhaust the server (issue 9): each is cut off by a configured limit while
 * an authenticated bystander is still served. Oversize fragments, reassembly past the limit, a
 * byte-per-interval peer and the connection cap are in BadInputTest and ServerLimitsTest.
 */
class ResourceExhaustionTest {
  @Test
  void contextHandlesBeyondTheQuotaAreRefusedAndOtherClientsStillOpenTheirs() throws Exception {
    ServerSettings settings = ServerSettings.defaults();
    settings = new ServerSettings(settings.maxFragment(), settings.maxRequestStub(), settings.maxCallsPerAssociation(),
        settings.fragmentTimeout(), 5, settings.maxPresentationContexts(), settings.maxConnections());
    try (TargetServer target = new TargetServer(settings);
        RpcChannel greedy = target.aliceChannel(target.port(), AuthnLevel.PKT_INTEGRITY)) {
      for (int i = 0; i < 5; i++) {
        greedy.call(TargetServer.IFACE, 1, new byte[0]);
      }
      for (int i = 0; i < 20; i++) {
        assertThatThrownBy(() -> greedy.call(TargetServer.IFACE, 1, new byte[0])).isInstanceOfSatisfying(
            RpcException.class, e -> assertThat(e.status()).isEqualTo(RpcStatus.RPC_S_OUT_OF_RESOURCES));
      }
      // Another association group has its own quota.
      try (RpcChannel other = target.aliceChannel(target.port(), AuthnLevel.PKT_PRIVACY)) {
        assertThat(other.call(TargetServer.IFACE, 1, new byte[0])).hasSize(36);
      }
      target.assertServesAnotherClient();
    }
  }

  @Test
  void manyHalfOpenConnectionsAreClosedAndDoNotStarveOthers() throws Exception {
    // 200 connections: half never send a byte, half stop inside the first PDU header.
    int count = 200;
    ServerSettings settings = ServerSettings.defaults().withFragmentTimeout(Duration.ofSeconds(1)).withMaxConnections(count + 16);
    try (TargetServer target = new TargetServer(settings)) {
      List<Socket> idle = new ArrayList<>();
      try {
        for (int i = 0; i < count; i++) {
          Socket s = new Socket(InetAddress.getLoopbackAddress(), target.port());
          s.setSoTimeout(20_000);
          if (i % 2 == 1) {
            s.getOutputStream().write(new byte[] {5, 0, 11, 3, 0x10});
            s.getOutputStream().flush();
          }
          idle.add(s);
        }
        target.assertServesAnotherClient();
        for (Socket s : idle) {
          assertThat(closedByServer(s)).as("a half-open connection is closed by the server").isTrue();
        }
        // The slots are free again: a full set of new connections is accepted and served.
        target.assertServesAnotherClient();
      } finally {
        for (Socket s : idle) {
          s.close();
        }
      }
    }
  }

  /** True when the server ends the connection (EOF or reset), possibly after a bind_nak/fault. */
  private static boolean closedByServer(Socket s) throws IOException {
    InputStream in = s.getInputStream();
    byte[] buf = new byte[4096];
    try {
      while (in.read(buf) >= 0) {
        // drain whatever refusal the server sent before closing
      }
      return true;
    } catch (SocketTimeoutException stillOpen) {
      return false;
    } catch (SocketException reset) {
      return true;
    }
  }
}
