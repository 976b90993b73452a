package org.msrpc4j.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.msrpc4j.runtime.client.ClientSettings;
import org.msrpc4j.runtime.client.RpcBinding;
import org.msrpc4j.runtime.client.RpcChannel;
import org.msrpc4j.runtime.client.RpcClient;
import org.msrpc4j.runtime.server.RpcServer;
import org.msrpc4j.runtime.server.ServerSettings;

/** Real client against real server over loopback (acceptance 1). */
class ClientServerTest {
  private RpcServer server;
  private RpcClient client;
  private TestInterfaces.Loop loop;

  @BeforeEach
  void start() throws Exception {
    loop = new TestInterfaces.Loop();
    server = RpcServer.builder().listen("127.0.0.1", 0)
        .settings(ServerSettings.defaults().withMaxFragment(65535).withMaxRequestStub(5 << 20))
        .register(loop).register(new TestInterfaces.Other()).build().start();
    client = RpcClient.create();
  }

  @AfterEach
  void stop() {
    client.close();
    server.shutdown(Duration.ofSeconds(2));
  }

  private RpcChannel channel(ClientSettings s) {
    return client.channel(RpcBinding.tcp("127.0.0.1", server.port()), s);
  }

  @Test
  void echoesASmallStub() throws Exception {
    try (RpcChannel ch = channel(ClientSettings.defaults())) {
      assertThat(ch.call(TestInterfaces.LOOP, 0, new byte[] {1, 2, 3})).containsExactly(1, 2, 3);
      assertThat(ch.call(TestInterfaces.LOOP, 0, new byte[0])).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1432, 2048, 4280, 5840, 65535})
  void payloadsAcrossFragmentBoundaries(int maxFrag) throws Exception {
    Random rnd = new Random(maxFrag);
    int chunk = maxFrag - 24;
    int[] sizes = {0, 1, chunk - 1, chunk, chunk + 1, 2 * chunk, 3 * chunk + 7, 100_000, 4 << 20};
    try (RpcChannel ch = channel(ClientSettings.defaults().withMaxFragment(maxFrag))) {
      for (int size : sizes) {
        byte[] in = new byte[size];
        rnd.nextBytes(in);
        assertThat(ch.call(TestInterfaces.LOOP, 0, in)).as("size %d, frag %d", size, maxFrag).isEqualTo(in);
      }
    }
  }

  @Test
  void sixtyFourCallsInFlightOnOneAssociation() throws Exception {
    try (RpcChannel ch = channel(ClientSettings.defaults())) {
      List<CompletableFuture<byte[]>> futures = new ArrayList<>();
      // Each call sleeps 500 ms on the server; all 100 are outstanding at once on one connection.
      for (int i = 0; i < 100; i++) {
        byte[] in = TestInterfaces.u32(500);
        futures.add(ch.callAsync(TestInterfaces.LOOP, 1, in));
      }
      for (CompletableFuture<byte[]> f : futures) {
        assertThat(TestInterfaces.u32(f.get(30, TimeUnit.SECONDS))).isEqualTo(500);
      }
      assertThat(ch.connectionCount()).isEqualTo(1);
    }
  }

  @Test
  void alterContextAddsASecondInterface() throws Exception {
    try (RpcChannel ch = channel(ClientSettings.defaults())) {
      assertThat(ch.call(TestInterfaces.LOOP, 0, new byte[] {1, 2})).containsExactly(1, 2);
      assertThat(ch.call(TestInterfaces.OTHER, 0, new byte[] {1, 2})).containsExactly(2, 1);
      assertThat(ch.connectionCount()).isEqualTo(1);
    }
  }

  @Test
  void unknownInterfaceIsRefusedWithUnknownIf() throws Exception {
    InterfaceId nope = InterfaceId.of("11111111-2222-3333-4444-555555555555", 1, 0);
    InterfaceId newerMinor = new InterfaceId(TestInterfaces.LOOP.uuid(), 1, 3);
    try (RpcChannel ch = channel(ClientSettings.defaults())) {
      assertThatThrownBy(() -> ch.call(nope, 0, new byte[0]))
          .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.status()).isEqualTo(RpcStatus.RPC_S_UNKNOWN_IF));
      assertThatThrownBy(() -> ch.call(newerMinor, 0, new byte[0]))
          .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.status()).isEqualTo(RpcStatus.RPC_S_UNKNOWN_IF));
      // An older minor version is served.
      assertThat(ch.call(new InterfaceId(TestInterfaces.LOOP.uuid(), 1, 0), 0, new byte[] {9})).containsExactly(9);
    }
  }

  @Test
  void faultsMapToRpcException() throws Exception {
    try (RpcChannel ch = channel(ClientSettings.defaults())) {
      assertThatThrownBy(() -> ch.call(TestInterfaces.LOOP, 2, TestInterfaces.u32(5)))
          .isInstanceOfSatisfying(RpcException.class, e -> {
            assertThat(e.status()).isEqualTo(5);
            assertThat(e.statusName()).isEqualTo("ERROR_ACCESS_DENIED");
          });
      assertThatThrownBy(() -> ch.call(TestInterfaces.LOOP, 99, new byte[0]))
          .isInstanceOfSatisfying(RpcException.class, e -> {
            assertThat(e.status()).isEqualTo(RpcStatus.NCA_S_OP_RNG_ERROR);
            assertThat(e.statusName()).isEqualTo("nca_s_op_rng_error");
            assertThat(e.didNotExecute()).isTrue();
          });
      assertThatThrownBy(() -> ch.call(TestInterfaces.LOOP, 3, new byte[0]))
          .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.status()).isEqualTo(RpcStatus.NCA_S_FAULT_UNSPEC));
      // The association survives faults.
      assertThat(ch.call(TestInterfaces.LOOP, 0, new byte[] {7})).containsExactly(7);
    }
  }

  @Test
  void objectUuidReachesTheServer() throws Exception {
    UUID obj = UUID.randomUUID();
    try (RpcChannel ch = channel(ClientSettings.defaults())) {
      ch.call(new RpcRequest(TestInterfaces.LOOP, 0, obj, new byte[] {1}));
      assertThat(loop.lastObject).isEqualTo(obj);
      ch.call(TestInterfaces.LOOP, 0, new byte[] {1});
      assertThat(loop.lastObject).isNull();
    }
  }

  @Test
  void callTimeoutFailsWithErrorTimeout() throws Exception {
    try (RpcChannel ch = channel(ClientSettings.defaults().withCallTimeout(Duration.ofMillis(200)))) {
      assertThatThrownBy(() -> ch.call(TestInterfaces.LOOP, 1, TestInterfaces.u32(3000)))
          .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.status()).isEqualTo(RpcStatus.ERROR_TIMEOUT));
      assertThat(ch.call(TestInterfaces.LOOP, 0, new byte[] {4})).containsExactly(4);
    }
  }

  @Test
  void cancellationReachesTheServerHandler() throws Exception {
    try (RpcChannel ch = channel(ClientSettings.defaults())) {
      CompletableFuture<byte[]> f = ch.callAsync(TestInterfaces.LOOP, 4, new byte[] {1});
      Thread.sleep(200);
      f.cancel(true);
      assertThat(loop.cancelled.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(f).isCancelled();
      assertThat(ch.call(TestInterfaces.LOOP, 0, new byte[] {5})).containsExactly(5);
    }
  }

  @Test
  void connectFailureIsServerUnavailable() throws Exception {
    int port = server.port();
    server.shutdown(Duration.ofSeconds(1));
    try (RpcChannel ch = client.channel(RpcBinding.tcp("127.0.0.1", port), ClientSettings.defaults())) {
      assertThatThrownBy(() -> ch.call(TestInterfaces.LOOP, 0, new byte[0]))
          .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.status()).isEqualTo(RpcStatus.RPC_S_SERVER_UNAVAILABLE));
    }
  }

  @Test
  void aChannelRecoversAfterTheServerRestarts() throws Exception {
    int port = server.port();
    try (RpcChannel ch = channel(ClientSettings.defaults())) {
      assertThat(ch.call(TestInterfaces.LOOP, 0, new byte[] {1})).containsExactly(1);
      server.shutdown(Duration.ofSeconds(1));
      server = RpcServer.builder().listen("127.0.0.1", port).register(loop).build().start();
      Thread.sleep(200); // let the client see the old connection close
      assertThat(ch.call(TestInterfaces.LOOP, 0, new byte[] {2})).containsExactly(2);
    }
  }

  @Test
  void listensOnSeveralAddresses() throws Exception {
    RpcServer two = RpcServer.builder().listen("127.0.0.1", 0).listen("127.0.0.1", 0).register(loop).build().start();
    try {
      assertThat(two.boundAddresses()).hasSize(2);
      for (java.net.InetSocketAddress a : two.boundAddresses()) {
        try (RpcChannel ch = client.channel(RpcBinding.tcp("127.0.0.1", a.getPort()))) {
          assertThat(ch.call(TestInterfaces.LOOP, 0, new byte[] {3})).containsExactly(3);
        }
      }
    } finally {
      two.shutdown(Duration.ofSeconds(1));
    }
  }

  @Test
  void shutdownDrainsCallsInFlight() throws Exception {
    RpcChannel ch = channel(ClientSettings.defaults());
    ch.call(TestInterfaces.LOOP, 0, new byte[0]);
    CompletableFuture<byte[]> slow = ch.callAsync(TestInterfaces.LOOP, 1, TestInterfaces.u32(700));
    Thread.sleep(150);
    assertThat(server.shutdown(Duration.ofSeconds(10))).isTrue();
    assertThat(TestInterfaces.u32(slow.get(5, TimeUnit.SECONDS))).isEqualTo(700);
    ch.close();
  }
}
