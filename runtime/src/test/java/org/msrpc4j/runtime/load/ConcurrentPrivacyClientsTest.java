package org.msrpc4j.runtime.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.msrpc4j.runtime.InterfaceId;
import org.msrpc4j.runtime.RpcCall;
import org.msrpc4j.runtime.RpcInterfaceHandler;
import org.msrpc4j.runtime.auth.ServerAuthPolicy;
import org.msrpc4j.runtime.client.RpcBinding;
import org.msrpc4j.runtime.client.RpcChannel;
import org.msrpc4j.runtime.client.RpcClient;
import org.msrpc4j.runtime.server.RpcServer;
import org.msrpc4j.security.AuthnLevel;
import org.msrpc4j.security.AuthnService;
import org.msrpc4j.security.AuthzService;
import org.msrpc4j.security.ClientIdentity;
import org.msrpc4j.security.SecurityProviderRegistry;
import org.msrpc4j.security.accounts.AccountStore;
import org.msrpc4j.security.ntlm.NtlmSecurityProvider;
import org.msrpc4j.security.ntlm.NtlmServerConfig;

/**
 * The in-JVM form of the load test (loadtest/run-load is the out-of-process one): 200 clients, each
 * with its own NTLM-authenticated connection at PKT_PRIVACY, all connected at once, then 50 sealed
 * calls each with a payload of their own. Every reply must be that client's payload (a sealing or
 * demultiplexing mix-up under concurrency would show as a wrong reply or a failed call), the server
 * must have seen every call at privacy, and every connection must be gone after the clients close.
 */
class ConcurrentPrivacyClientsTest {
  static final int CLIENTS = 200;
  static final int CALLS_PER_CLIENT = 50;
  static final InterfaceId ECHO = InterfaceId.of("6a1d3c2e-0000-4000-8000-00000000c001", 1, 0);
  static final String ACCOUNTS = """
      domain: EXAMPLE
      realm: EXAMPLE.TEST
      sid: S-1-5-21-1111111111-2222222222-3333333333
      users:
        - name: alice
          rid: 1104
          password: "Alic3Pass!x"
      """;

  /** Echoes the stub and counts the calls by the level they arrived at. */
  static final class CountingEcho implements RpcInterfaceHandler {
    final AtomicInteger atPrivacy = new AtomicInteger();
    final AtomicInteger atOtherLevels = new AtomicInteger();

    @Override
    public InterfaceId interfaceId() {
      return ECHO;
    }

    @Override
    public byte[] dispatch(int opnum, byte[] in, RpcCall call) {
      (call.authLevel() == AuthnLevel.PKT_PRIVACY.value() ? atPrivacy : atOtherLevels).incrementAndGet();
      return in;
    }
  }

  final CountingEcho echo = new CountingEcho();
  RpcServer server;
  RpcClient client;

  @BeforeEach
  void start() throws Exception {
    NtlmSecurityProvider ntlm = NtlmSecurityProvider.server(
        NtlmServerConfig.builder(AccountStore.parse(ACCOUNTS, "test")).build());
    ServerAuthPolicy policy = ServerAuthPolicy.builder(SecurityProviderRegistry.of(List.of(ntlm))).build();
    server = RpcServer.builder().listen("127.0.0.1", 0).register(echo).authentication(policy).build().start();
    client = RpcClient.create();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  @Test
  void twoHundredSealedClientsAtOnceMakeEveryCallWithoutAnError() throws Exception {
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    AtomicInteger ok = new AtomicInteger();
    AtomicInteger connectedAtOnce = new AtomicInteger();
    // The barrier's action runs once all clients have authenticated and made their first call.
    CyclicBarrier allConnected = new CyclicBarrier(CLIENTS, () -> connectedAtOnce.set(server.openConnections()));
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      int id = c;
      threads.add(new Thread(() -> runClient(id, allConnected, ok, failures), "load-client-" + c));
    }
    threads.forEach(Thread::start);
    for (Thread t : threads) {
      t.join(TimeUnit.MINUTES.toMillis(5));
      assertThat(t.isAlive()).as("%s still running after 5 minutes", t.getName()).isFalse();
    }

    assertThat(failures).isEmpty();
    assertThat(connectedAtOnce).hasValue(CLIENTS);
    assertThat(ok).hasValue(CLIENTS * CALLS_PER_CLIENT);
    assertThat(echo.atPrivacy).hasValue(CLIENTS * CALLS_PER_CLIENT);
    assertThat(echo.atOtherLevels).hasValue(0);
    client.close();
    awaitNoConnections();
  }

  private void runClient(int id, CyclicBarrier allConnected, AtomicInteger ok, ConcurrentLinkedQueue<String> failures) {
    SplittableRandom random = new SplittableRandom(id);
    try (RpcChannel ch = client.channel(RpcBinding.tcp("127.0.0.1", server.port()))) {
      ch.setAuthInfo("", AuthnLevel.PKT_PRIVACY, AuthnService.WINNT,
          ClientIdentity.password("EXAMPLE", "alice", "Alic3Pass!x".toCharArray()), AuthzService.NONE);
      for (int i = 0; i < CALLS_PER_CLIENT; i++) {
        // A multiple of 4: the first sealed call carries a verification trailer, which starts 4-byte
        // aligned ([MS-RPCE] 2.2.2.13), and the alignment stays with the stub the server sees (as on
        // Windows and Samba); NDR stubs ignore it, this opaque echo would return it.
        byte[] payload = new byte[4 * (4 + random.nextInt(512))];
        random.nextBytes(payload);
        byte[] reply = ch.call(ECHO, 0, payload);
        if (!Arrays.equals(reply, payload)) {
          failures.add("client " + id + " call " + i + ": another reply (" + reply.length + " bytes for " + payload.length + ")");
          allConnected.reset(); // the others stop waiting for this client
          return;
        }
        ok.incrementAndGet();
        if (i == 0) {
          allConnected.await(2, TimeUnit.MINUTES);
        }
      }
    } catch (Exception e) {
      failures.add("client " + id + ": " + e);
      allConnected.reset();
    }
  }

  /** Closed client connections must all be released by the server (polled, not timed). */
  private void awaitNoConnections() throws InterruptedException {
    for (int i = 0; i < 600 && server.openConnections() > 0; i++) {
      Thread.sleep(50);
    }
    assertThat(server.openConnections()).isZero();
  }
}
