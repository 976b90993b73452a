package org.msrpc4j.runtime.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.msrpc4j.runtime.faults.FaultsInterface.u32;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.msrpc4j.ndr.NdrContextHandle;
import org.msrpc4j.runtime.RpcException;
import org.msrpc4j.runtime.RpcRequest;
import org.msrpc4j.runtime.RpcStatus;
import org.msrpc4j.runtime.client.ClientSettings;
import org.msrpc4j.runtime.client.RetryPolicy;
import org.msrpc4j.runtime.client.RpcBinding;
import org.msrpc4j.runtime.client.RpcChannel;
import org.msrpc4j.runtime.client.RpcClient;
import org.msrpc4j.runtime.server.RpcServer;
import org.msrpc4j.security.AuthnLevel;
import org.msrpc4j.security.AuthnService;
import org.msrpc4j.security.AuthzService;

/**
 * A server restart under an authenticated channel (NTLM, packet privacy): the channel reconnects,
 * binds and authenticates again by itself; calls caught by the restart are retried or fail with a
 * clear status as {@link RetryPolicy} says; context handles of the old server fail with
 * nca_s_fault_context_mismatch. Every wait has a bound: a hang fails the test instead of stalling it.
 * (Payloads are 4-byte multiples: at packet privacy the stub comes back with its padding.)
 */
class ServerRestartTest {
  private static final int PRIVACY = AuthnLevel.PKT_PRIVACY.value();
  private static final String ALICE = "EXAMPLE\\alice";

  private final FaultsInterface first = new FaultsInterface();
  private final FaultsInterface second = new FaultsInterface();
  private RpcServer server;
  private RpcServer restarted;
  private RpcClient client;
  private int port;

  @BeforeEach
  void start() throws Exception {
    server = NtlmServers.start(0, first);
    port = server.port();
    client = RpcClient.create(ClientSettings.defaults().withCallTimeout(Duration.ofSeconds(20)), null);
  }

  @AfterEach
  void stop() {
    client.close();
    server.shutdown(Duration.ZERO);
    if (restarted != null) {
      restarted.shutdown(Duration.ZERO);
    }
  }

  private RpcChannel sealedChannel(ClientSettings settings) throws RpcException {
    RpcChannel ch = client.channel(RpcBinding.tcp("127.0.0.1", port), settings);
    ch.setAuthInfo("", AuthnLevel.PKT_PRIVACY, AuthnService.WINNT, NtlmServers.ALICE, AuthzService.NONE);
    return ch;
  }

  /** Stops the first server for good and starts the second on the same port. */
  private void restart() throws RpcException {
    server.shutdown(Duration.ZERO);
    restarted = NtlmServers.start(port, second);
  }

  /**
   * A rolling restart: the second server takes the port while the first still serves its open
   * connections, then the first dies with whatever call is in flight.
   */
  private void handOver() throws RpcException {
    server.stopListening();
    restarted = NtlmServers.start(port, second);
    server.shutdown(Duration.ZERO);
  }

  @Test
  void theNextCallAfterARestartReconnectsAndAuthenticatesAgain() throws Exception {
    try (RpcChannel ch = sealedChannel(ClientSettings.defaults())) {
      assertThat(ch.call(FaultsInterface.ID, FaultsInterface.ECHO, u32(123))).containsExactly(u32(123));
      int groupBefore = ch.associationGroupId();

      restart();
      // The channel notices the server's shutdown PDU and close on its own; wait for it (bounded),
      // since a call racing the close would be a call in flight, the next test's subject.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (ch.connectionCount() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }

      // A plain (not idempotent) call: it must go out on a new connection, never on the dead one.
      assertThat(ch.call(FaultsInterface.ID, FaultsInterface.ECHO, u32(45))).containsExactly(u32(45));
      assertThat(first.callers).containsExactly(PRIVACY + "|" + ALICE);
      assertThat(second.callers).containsExactly(PRIVACY + "|" + ALICE);
      assertThat(ch.connectionCount()).isEqualTo(1);
      assertThat(ch.associationGroupId()).isNotZero();
      assertThat(groupBefore).isNotZero();
    }
  }

  @Test
  void anIdempotentCallInFlightIsSentAgainOnceAndSucceeds() throws Exception {
    try (RpcChannel ch = sealedChannel(ClientSettings.defaults())) {
      ch.call(FaultsInterface.ID, FaultsInterface.ECHO, new byte[0]);
      CompletableFuture<byte[]> slow = ch.callAsync(
          new RpcRequest(FaultsInterface.ID, FaultsInterface.SLOW, null, u32(300), true));
      assertThat(first.firstSlowStarted.await(10, TimeUnit.SECONDS)).isTrue();

      handOver();

      assertThat(slow.get(30, TimeUnit.SECONDS)).containsExactly(u32(300));
      assertThat(first.slowStarted).hasValue(1);
      assertThat(second.slowStarted).hasValue(1); // sent again exactly once
    }
  }

  @Test
  void aNonIdempotentCallInFlightFailsWithCallFailedAndIsNotSentAgain() throws Exception {
    try (RpcChannel ch = sealedChannel(ClientSettings.defaults())) {
      ch.call(FaultsInterface.ID, FaultsInterface.ECHO, new byte[0]);
      CompletableFuture<byte[]> slow = ch.callAsync(FaultsInterface.ID, FaultsInterface.SLOW, u32(5000));
      assertThat(first.firstSlowStarted.await(10, TimeUnit.SECONDS)).isTrue();

      handOver();

      assertThatThrownBy(() -> slow.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
          .cause().isInstanceOfSatisfying(RpcException.class, e -> {
            assertThat(e.status()).isEqualTo(RpcStatus.RPC_S_CALL_FAILED);
            assertThat(e.didNotExecute()).isFalse();
            assertThat(e.getMessage()).contains("may have executed");
          });
      assertThat(second.slowStarted).hasValue(0);
      // The channel itself recovered.
      assertThat(ch.call(FaultsInterface.ID, FaultsInterface.ECHO, u32(9))).containsExactly(u32(9));
      assertThat(second.callers).containsExactly(PRIVACY + "|" + ALICE);
    }
  }

  @Test
  void anIdempotentCallInFlightIsNotSentAgainWhenRetriesAreOff() throws Exception {
    try (RpcChannel ch = sealedChannel(ClientSettings.defaults().withRetry(RetryPolicy.none()))) {
      ch.call(FaultsInterface.ID, FaultsInterface.ECHO, new byte[0]);
      CompletableFuture<byte[]> slow = ch.callAsync(
          new RpcRequest(FaultsInterface.ID, FaultsInterface.SLOW, null, u32(5000), true));
      assertThat(first.firstSlowStarted.await(10, TimeUnit.SECONDS)).isTrue();

      handOver();

      assertThatThrownBy(() -> slow.get(30, TimeUnit.SECONDS)).cause().isInstanceOfSatisfying(RpcException.class,
          e -> assertThat(e.status()).isEqualTo(RpcStatus.RPC_S_CALL_FAILED));
      assertThat(second.slowStarted).hasValue(0);
    }
  }

  @Test
  void aCallWhoseConnectionDiesBeforeItIsSentIsSentAgainOrFailsWithCallFailedDne() throws Exception {
    try (DroppingRelay relay = new DroppingRelay(port, 1)) {
      RpcChannel ch = client.channel(RpcBinding.tcp("127.0.0.1", relay.port()));
      ch.setAuthInfo("", AuthnLevel.PKT_PRIVACY, AuthnService.WINNT, NtlmServers.ALICE, AuthzService.NONE);
      // The first connection is reset during its bind; the call goes out on the second.
      assertThat(ch.call(FaultsInterface.ID, FaultsInterface.ECHO, u32(7))).containsExactly(u32(7));
      assertThat(relay.accepted).hasValue(2);
      ch.close();
    }
    try (DroppingRelay relay = new DroppingRelay(port, 1)) {
      RpcChannel ch = client.channel(RpcBinding.tcp("127.0.0.1", relay.port()),
          ClientSettings.defaults().withRetry(RetryPolicy.none()));
      ch.setAuthInfo("", AuthnLevel.PKT_PRIVACY, AuthnService.WINNT, NtlmServers.ALICE, AuthzService.NONE);
      assertThatThrownBy(() -> ch.call(FaultsInterface.ID, FaultsInterface.ECHO, u32(7)))
          .isInstanceOfSatisfying(RpcException.class, e -> {
            assertThat(e.status()).isEqualTo(RpcStatus.RPC_S_CALL_FAILED_DNE);
            assertThat(e.didNotExecute()).isTrue();
          });
      assertThat(first.callers).hasSize(1); // only the call of the first part reached the server
      ch.close();
    }
  }

  @Test
  void aContextHandleFromBeforeTheRestartFailsWithContextMismatch() throws Exception {
    try (RpcChannel ch = sealedChannel(ClientSettings.defaults())) {
      NdrContextHandle h = FaultsInterface.readHandle(ch.call(FaultsInterface.ID, FaultsInterface.OPEN, u32(41)));
      assertThat(FaultsInterface.readU32(ch.call(FaultsInterface.ID, FaultsInterface.GET, FaultsInterface.handle(h))))
          .isEqualTo(41);

      restart();

      assertThat(first.rundowns).containsExactly(41); // the old server ran it down when the association ended
      assertThatThrownBy(() -> ch.call(FaultsInterface.ID, FaultsInterface.GET, FaultsInterface.handle(h)))
          .isInstanceOfSatisfying(RpcException.class, e -> {
            assertThat(e.status()).isEqualTo(RpcStatus.NCA_S_FAULT_CONTEXT_MISMATCH);
            assertThat(e.getMessage()).contains("server restarted");
          });
      // A new handle on the new server works.
      NdrContextHandle fresh = FaultsInterface.readHandle(ch.call(FaultsInterface.ID, FaultsInterface.OPEN, u32(42)));
      assertThat(FaultsInterface.readU32(ch.call(FaultsInterface.ID, FaultsInterface.GET, FaultsInterface.handle(fresh))))
          .isEqualTo(42);
    }
  }

  @Test
  void aServerThatNeverComesBackEndsInServerUnavailable() throws Exception {
    try (RpcChannel ch = sealedChannel(ClientSettings.defaults())) {
      ch.call(FaultsInterface.ID, FaultsInterface.ECHO, new byte[0]);
      server.shutdown(Duration.ZERO);
      assertThatThrownBy(() -> ch.call(FaultsInterface.ID, FaultsInterface.ECHO, new byte[0]))
          .isInstanceOfSatisfying(RpcException.class,
              e -> assertThat(e.status()).isEqualTo(RpcStatus.RPC_S_SERVER_UNAVAILABLE));
    }
  }

  @Test
  void aServerThatAcceptsButNeverAnswersEndsInATimeout() throws Exception {
    try (ServerSocket blackHole = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread acceptor = new Thread(() -> {
        try {
          while (true) {
            blackHole.accept(); // never read, never answered
          }
        } catch (IOException e) {
          // closed
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
      ClientSettings quick = ClientSettings.defaults().withConnectTimeout(Duration.ofMillis(500))
          .withCallTimeout(Duration.ofMillis(500));
      try (RpcChannel ch = client.channel(RpcBinding.tcp("127.0.0.1", blackHole.getLocalPort()), quick)) {
        ch.setAuthInfo("", AuthnLevel.PKT_PRIVACY, AuthnService.WINNT, NtlmServers.ALICE, AuthzService.NONE);
        CompletableFuture<byte[]> call = ch.callAsync(FaultsInterface.ID, FaultsInterface.ECHO, new byte[0]);
        assertThatThrownBy(() -> call.get(30, TimeUnit.SECONDS)).cause().isInstanceOfSatisfying(RpcException.class,
            e -> assertThat(e.status()).isEqualTo(RpcStatus.ERROR_TIMEOUT));
      }
    }
  }
}
