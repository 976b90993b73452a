package org.msrpc4j.store;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.msrpc4j.runtime.auth.ServerAuthPolicy;
import org.msrpc4j.runtime.server.RpcServer;
import org.msrpc4j.security.SecurityProviderRegistry;
import org.msrpc4j.security.accounts.AccountStore;
import org.msrpc4j.security.ntlm.NtlmSecurityProvider;
import org.msrpc4j.security.ntlm.NtlmServerConfig;

/**
 * The server the crash test runs in its own JVM (so that it can be SIGKILLed): the store under
 * args[0], NTLM against {@link StoreRpcServiceTest#ACCOUNTS}, a free loopback port printed as
 * {@code PORT n} on standard output.
 */
public final class CrashTestServerMain {
  private CrashTestServerMain() {}

  public static void main(String[] args) throws Exception {
    AccountStore accounts = AccountStore.parse(StoreRpcServiceTest.ACCOUNTS, "crash test accounts");
    ObjectStore store = ObjectStore.open(Path.of(args[0]), AccessListener.NONE);
    ServerAuthPolicy policy = ServerAuthPolicy.builder(SecurityProviderRegistry.of(List.of(
        NtlmSecurityProvider.server(NtlmServerConfig.builder(accounts).build())))).build();
    RpcServer server = RpcServer.builder().listen("127.0.0.1", 0).authentication(policy)
        .register(new StoreRpcService(store, StoreCallListener.NONE).dispatcher()).build().start();
    System.out.println("PORT " + server.port());
    System.out.flush();
    new CountDownLatch(1).await();
  }
}
