package org.msrpc4j.runtime.faults;

import java.util.List;
import org.msrpc4j.runtime.RpcException;
import org.msrpc4j.runtime.auth.ServerAuthPolicy;
import org.msrpc4j.runtime.server.RpcServer;
import org.msrpc4j.security.ClientIdentity;
import org.msrpc4j.security.SecurityProviderRegistry;
import org.msrpc4j.security.accounts.AccountStore;
import org.msrpc4j.security.ntlm.NtlmSecurityProvider;
import org.msrpc4j.security.ntlm.NtlmServerConfig;

/** Starts msrpc4j servers that authenticate one account with NTLM, serving a {@link FaultsInterface}. */
final class NtlmServers {
  static final String ACCOUNTS = """
      domain: EXAMPLE
      realm: EXAMPLE.TEST
      sid: S-1-5-21-1111111111-2222222222-3333333333
      users:
        - name: alice
          rid: 1104
          password: "Alic3Pass!x"
      """;
  static final ClientIdentity ALICE = ClientIdentity.password("EXAMPLE", "alice", "Alic3Pass!x".toCharArray());

  private NtlmServers() {}

  /**
   * A started server on 127.0.0.1:{@code port} (0 = any) with NTLM for alice. A port just given up
   * by another server may take a moment to be released (its listener closes asynchronously), so a
   * refused bind is tried again for up to 10 s.
   */
  static RpcServer start(int port, FaultsInterface handler) throws RpcException {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
    while (true) {
      try {
        return startOnce(port, handler);
      } catch (RpcException e) {
        if (port == 0 || System.nanoTime() > deadline) {
          throw e;
        }
        try {
          Thread.sleep(50);
        } catch (InterruptedException x) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  private static RpcServer startOnce(int port, FaultsInterface handler) throws RpcException {
    AccountStore store;
    try {
      store = AccountStore.parse(ACCOUNTS, "faults");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    NtlmSecurityProvider ntlm = NtlmSecurityProvider.server(NtlmServerConfig.builder(store).build());
    ServerAuthPolicy policy = ServerAuthPolicy.builder(SecurityProviderRegistry.of(List.of(ntlm))).build();
    return RpcServer.builder().listen("127.0.0.1", port).register(handler).authentication(policy).build().start();
  }
}
