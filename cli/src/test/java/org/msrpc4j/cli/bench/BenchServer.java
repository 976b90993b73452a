package org.msrpc4j.cli.bench;

import java.time.Duration;
import java.util.List;
import org.msrpc4j.interfaces.echo.RpcechoDispatcher;
import org.msrpc4j.interfaces.echo.RpcechoServer;
import org.msrpc4j.runtime.auth.ServerAuthPolicy;
import org.msrpc4j.runtime.client.ClientSettings;
import org.msrpc4j.runtime.client.RpcBinding;
import org.msrpc4j.runtime.client.RpcClient;
import org.msrpc4j.runtime.server.RpcServer;
import org.msrpc4j.security.AuthnLevel;
import org.msrpc4j.security.AuthnService;
import org.msrpc4j.security.ClientIdentity;
import org.msrpc4j.security.SecurityProviderRegistry;
import org.msrpc4j.security.accounts.AccountStore;
import org.msrpc4j.security.ntlm.NtlmSecurityProvider;
import org.msrpc4j.security.ntlm.NtlmServerConfig;

/** A real RpcServer on loopback serving rpcecho (and mgmt) with NTLM against one account, plus a client. */
final class BenchServer implements AutoCloseable {
  static final String DOMAIN = "EXAMPLE";
  static final String USER = "alice";
  static final String PASSWORD = "Alic3Pass!x";
  static final ClientIdentity ALICE = ClientIdentity.password(DOMAIN, USER, PASSWORD.toCharArray());

  final RpcServer server;
  final RpcClient client;

  BenchServer(RpcechoServer echo) throws Exception {
    AccountStore store = AccountStore.parse("""
        domain: EXAMPLE
        realm: EXAMPLE.TEST
        sid: S-1-5-21-1111111111-2222222222-3333333333
        users:
          - name: alice
            rid: 1104
            password: "Alic3Pass!x"
        """, "bench-test");
    NtlmSecurityProvider ntlm = NtlmSecurityProvider.server(NtlmServerConfig.builder(store).build());
    ServerAuthPolicy policy = ServerAuthPolicy.builder(SecurityProviderRegistry.of(List.of(ntlm))).build();
    server = RpcServer.builder().listen("127.0.0.1", 0).register(new RpcechoDispatcher(echo))
        .authentication(policy).build().start();
    client = RpcClient.create(ClientSettings.defaults().withCallTimeout(Duration.ofSeconds(30)), null);
  }

  String binding() {
    return "ncacn_ip_tcp:127.0.0.1[" + server.port() + "]";
  }

  /** A connector as the command builds it: one connection per channel taking {@code inflight} calls. */
  BenchConnector connector(AuthnLevel level, int inflight) {
    AuthnService service = level == AuthnLevel.NONE ? AuthnService.NONE : AuthnService.WINNT;
    return new BenchConnector(client, RpcBinding.tcp("127.0.0.1", server.port()),
        ClientSettings.defaults().withCallTimeout(Duration.ofSeconds(30)).withPool(1, inflight), level, service,
        level == AuthnLevel.NONE ? null : ALICE, "host/127.0.0.1");
  }

  @Override
  public void close() {
    client.close();
    server.shutdown(Duration.ZERO);
  }
}
