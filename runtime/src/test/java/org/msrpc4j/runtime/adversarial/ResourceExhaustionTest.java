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
 * an authenticated bystander is still served. Oversize fragments and reassembly past the limit are
 * in BadInputTest and OversizeInputTest, slow peers in SlowPeerTest, 10,000 half-open connections
 * in HalfOpenFloodTest.
 */
class ResourceExhaustionTest {
  @Test
  void contextHandlesBeyondTheQuotaAreRefusedAndOtherClientsStillOpenTheirs() throws Exception {
    ServerSettings settings = ServerSettings.defaults().withMaxContextHandlesPerGroup(5);
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
  void theServerWideHandleQuotaHoldsAcrossAssociationGroupsAndFreesOnRundown() throws Exception {
    // 5 per group, 12 in the server: a client with four associations (four groups) gets 12, not 20.
    ServerSettings settings = ServerSettings.defaults().withMaxContextHandlesPerGroup(5).withMaxContextHandles(12);
    try (TargetServer target = new TargetServer(settings)) {
      List<RpcChannel> channels = new ArrayList<>();
      int opened = 0;
      int refused = 0;
      try {
        for (int g = 0; g < 4; g++) {
          RpcChannel ch = target.aliceChannel(target.port(), AuthnLevel.PKT_INTEGRITY);
          channels.add(ch);
          for (int i = 0; i < 5; i++) {
            try {
              ch.call(TargetServer.IFACE, 1, new byte[0]);
              opened++;
            } catch (RpcException e) {
              assertThat(e.status()).isEqualTo(RpcStatus.RPC_S_OUT_OF_RESOURCES);
              refused++;
            }
          }
        }
        assertThat(opened).isEqualTo(12);
        assertThat(refused).isEqualTo(8);
        assertThat(target.server.openContextHandles()).isEqualTo(12);
      } finally {
        for (RpcChannel ch : channels) {
          ch.close();
        }
      }
      // The groups end with their connections: their handles are run down and the quota is free.
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (target.server.openContextHandles() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(target.server.openContextHandles()).as("handles left after rundown").isZero();
      try (RpcChannel again = target.aliceChannel(target.port(), AuthnLevel.PKT_PRIVACY)) {
        for (int i = 0; i < 5; i++) {
          assertThat(again.call(TargetServer.IFACE, 1, new byte[0])).hasSize(36);
        }
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
