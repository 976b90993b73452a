package org.msrpc4j.examples;

import java.nio.file.Path;
import java.util.List;
import org.msrpc4j.runtime.auth.ServerAuthPolicy;
import org.msrpc4j.runtime.server.RpcServer;
import org.msrpc4j.security.AuthnLevel;
import org.msrpc4j.security.SecurityProviderRegistry;
import org.msrpc4j.security.accounts.AccountStore;
import org.msrpc4j.security.ntlm.NtlmSecurityProvider;
import org.msrpc4j.security.ntlm.NtlmServerConfig;
import org.msrpc4j.store.AccessListener;
import org.msrpc4j.store.ObjectStore;
import org.msrpc4j.store.StoreRpcService;

/** A secure object store server: NTLM against a YAML accounts file, at least packet integrity. */
public final class StoreServerExample {
  /** Starts the server on {@code port} (0 = any free port) with its data under {@code data}. */
  public static RpcServer start(Path accountsFile, Path data, int port) throws Exception {
    AccountStore accounts = AccountStore.load(accountsFile);
    ServerAuthPolicy auth = ServerAuthPolicy.builder(SecurityProviderRegistry.of(List.of(
            NtlmSecurityProvider.server(NtlmServerConfig.builder(accounts).build()))))
        .defaultMinimumLevel(AuthnLevel.PKT_INTEGRITY)   // refuse weaker callers
        .build();
    ObjectStore store = ObjectStore.open(data, AccessListener.NONE);  // SQLite, durable writes
    return RpcServer.builder()
        .listen("127.0.0.1", port)
        .authentication(auth)
        .register(new StoreRpcService(store, call -> System.out.println(call)).dispatcher())
        .build()
        .start();
  }

  /** {@code StoreServerExample ACCOUNTS.yaml DATA_DIR PORT}; runs until killed. */
  public static void main(String[] args) throws Exception {
    RpcServer server = start(Path.of(args[0]), Path.of(args[1]), Integer.parseInt(args[2]));
    System.out.println("listening on ncacn_ip_tcp:127.0.0.1[" + server.port() + "]");
    Thread.currentThread().join();
  }

  private StoreServerExample() {}
}
