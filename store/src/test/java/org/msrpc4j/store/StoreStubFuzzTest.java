package org.msrpc4j.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.msrpc4j.runtime.RpcException;
import org.msrpc4j.runtime.RpcStatus;
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
import org.msrpc4j.store.rpc.Msrpc4jStore;

/**
 * Random input stubs for every opnum, sent by an authenticated client over loopback: the server
 * answers each with a result or a fault with a DCE/Windows status (bad stub data, context mismatch),
 * never an unspecified fault from an escaped exception, and keeps serving.
 */
class StoreStubFuzzTest {
  static Path dir;
  static ObjectStore store;
  static RpcServer server;
  static RpcClient client;
  static RpcChannel channel;

  @BeforeContainer
  static void start() throws Exception {
    dir = Files.createTempDirectory("store-fuzz");
    AccountStore accounts = AccountStore.parse(StoreRpcServiceTest.ACCOUNTS, "fuzz accounts");
    store = ObjectStore.open(dir, AccessListener.NONE);
    server = RpcServer.builder().listen("127.0.0.1", 0)
        .authentication(ServerAuthPolicy.builder(SecurityProviderRegistry.of(List.of(
            NtlmSecurityProvider.server(NtlmServerConfig.builder(accounts).build())))).build())
        .register(new StoreRpcService(store, StoreCallListener.NONE).dispatcher()).build().start();
    client = RpcClient.create(ClientSettings.defaults(), null, ClientSecurity.defaults());
    channel = client.channel(RpcBinding.tcp("127.0.0.1", server.port()));
    channel.setAuthInfo("host/localhost", AuthnLevel.PKT_INTEGRITY, AuthnService.WINNT,
        ClientIdentity.password("EXAMPLE", "alice", "Alic3Pass!x".toCharArray()), AuthzService.NONE);
  }

  @AfterContainer
  static void stop() {
    channel.close();
    client.close();
    server.close();
    store.close();
  }

  @Provide
  Arbitrary<byte[]> stubs() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
  }

  @Property(tries = 150)
  void randomStubsGetResultsOrDefinedFaults(@ForAll @IntRange(min = 0, max = 9) int opnum,
      @ForAll("stubs") byte[] stub) {
    try {
      channel.call(Msrpc4jStore.INTERFACE_ID, opnum, stub);
    } catch (RpcException e) {
      assertThat(e.status()).isIn(RpcStatus.RPC_X_BAD_STUB_DATA, RpcStatus.NCA_S_FAULT_CONTEXT_MISMATCH);
    }
  }
}
