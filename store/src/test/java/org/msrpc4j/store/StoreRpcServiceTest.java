package org.msrpc4j.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.msrpc4j.authz.Sddl;
import org.msrpc4j.authz.SecurityInformation;
import org.msrpc4j.runtime.auth.ClientSecurity;
import org.msrpc4j.runtime.auth.ServerAuthPolicy;
import org.msrpc4j.runtime.client.ClientSettings;
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

/** Real client and real server over loopback, NTLM against a YAML account store. */
class StoreRpcServiceTest {
  static final String ACCOUNTS = """
      domain: EXAMPLE
      sid: S-1-5-21-1111111111-2222222222-3333333333
      users:
        - name: alice
          rid: 1104
          password: "Alic3Pass!x"
          groups: [engineers]
        - name: bob
          rid: 1105
          password: "B0bPass!y"
      groups:
        - name: engineers
          rid: 1201
      """;

  @TempDir Path dir;
  ObjectStore store;
  RpcServer server;
  RpcClient client;
  final List<StoreCallEvent> calls = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    AccountStore accounts = AccountStore.parse(ACCOUNTS, "test accounts");
    store = ObjectStore.open(dir, AccessListener.NONE);
    ServerAuthPolicy policy = ServerAuthPolicy.builder(SecurityProviderRegistry.of(List.of(
        NtlmSecurityProvider.server(NtlmServerConfig.builder(accounts).build())))).build();
    server = RpcServer.builder().listen("127.0.0.1", 0).authentication(policy)
        .register(new StoreRpcService(store, calls::add).dispatcher()).build().start();
    client = RpcClient.create(ClientSettings.defaults(), null, ClientSecurity.defaults());
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
    store.close();
  }

  RpcChannel channel(String user, String password, AuthnLevel level) throws Exception {
    RpcChannel ch = client.channel(RpcBinding.tcp("127.0.0.1", server.port()));
    if (user != null) {
      ch.setAuthInfo("host/localhost", level, AuthnService.WINNT,
          ClientIdentity.password("EXAMPLE", user, password.toCharArray()), AuthzService.NONE);
    }
    return ch;
  }

  @Test
  void aliceCreatesBobIsDeniedUntilGranted() throws Exception {
    try (RpcChannel a = channel("alice", "Alic3Pass!x", AuthnLevel.PKT_PRIVACY);
         RpcChannel b = channel("bob", "B0bPass!y", AuthnLevel.PKT_INTEGRITY);
         StoreClient alice = StoreClient.open(a);
         StoreClient bob = StoreClient.open(b)) {
      StoreClient.Identity aliceId = StoreClient.whoAmI(a);
      assertThat(aliceId.principal()).isEqualTo("EXAMPLE\\alice");
      assertThat(aliceId.authLevel()).isEqualTo(6);
      alice.create("/", "projects", true, "D:P(A;OICI;GA;;;" + aliceId.userSid() + ")", null);
      alice.create("/projects", "plan.txt", false, null, "v1".getBytes(StandardCharsets.UTF_8));
      assertThat(alice.list("/projects")).containsExactly(new StoreEntryInfo("plan.txt", false));

      assertThatThrownBy(() -> bob.read("/projects/plan.txt"))
          .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.status()).isEqualTo(5));

      String bobSid = StoreClient.whoAmI(b).userSid();
      String dacl = Sddl.format(alice.getSecurity("/projects/plan.txt", SecurityInformation.DACL));
      alice.setSecurity("/projects/plan.txt", SecurityInformation.DACL, Sddl.parse(dacl + "(A;;GR;;;" + bobSid + ")"));
      assertThat(bob.read("/projects/plan.txt")).isEqualTo("v1".getBytes(StandardCharsets.UTF_8));
    }
    assertThat(calls).anySatisfy(e -> {
      assertThat(e.operation()).isEqualTo("ReadObject");
      assertThat(e.principal()).isEqualTo("EXAMPLE\\bob");
      assertThat(e.authLevel()).isEqualTo(5);
      assertThat(e.status()).isEqualTo(5);
    });
  }

  @Test
  void unauthenticatedCallerCannotBeImpersonated() throws Exception {
    try (RpcChannel anon = channel(null, null, null)) {
      StoreClient.Identity id = StoreClient.whoAmI(anon);
      assertThat(id.impersonationStatus()).isEqualTo(1765);
      assertThat(id.authLevel()).isEqualTo(1);
      assertThat(id.principal()).isNull();
      assertThatThrownBy(() -> StoreClient.open(anon))
          .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.status()).isEqualTo(1765));
    }
  }

  @Test
  void contextHandleKeepsTheSecurityItWasOpenedWith() throws Exception {
    try (RpcChannel a = channel("alice", "Alic3Pass!x", AuthnLevel.PKT_INTEGRITY);
         StoreClient alice = StoreClient.open(a)) {
      alice.create("/", "f", false, null, new byte[] {1});
      a.setAuthInfo("host/localhost", AuthnLevel.PKT_PRIVACY, AuthnService.WINNT,
          ClientIdentity.password("EXAMPLE", "alice", "Alic3Pass!x".toCharArray()), AuthzService.NONE);
      assertThat(alice.read("/f")).containsExactly(1);
      assertThat(StoreClient.whoAmI(a).authLevel()).isEqualTo(6);
    }
    StoreCallEvent read = calls.stream().filter(e -> e.operation().equals("ReadObject")).findFirst().orElseThrow();
    assertThat(read.authLevel()).isEqualTo(5);
    assertThat(read.handleLevel()).isEqualTo(5);
  }
}
