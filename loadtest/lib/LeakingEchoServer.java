package org.msrpc4j.loadtest;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.msrpc4j.interfaces.echo.RpcechoDispatcher;
import org.msrpc4j.interfaces.echo.SambaEchoServer;
import org.msrpc4j.runtime.InterfaceId;
import org.msrpc4j.runtime.RpcCall;
import org.msrpc4j.runtime.RpcException;
import org.msrpc4j.runtime.RpcInterfaceHandler;
import org.msrpc4j.runtime.auth.ServerAuthPolicy;
import org.msrpc4j.runtime.server.RpcServer;
import org.msrpc4j.security.AuthnLevel;
import org.msrpc4j.security.SecurityProviderRegistry;
import org.msrpc4j.security.accounts.AccountStore;
import org.msrpc4j.security.ntlm.NtlmSecurityProvider;
import org.msrpc4j.security.ntlm.NtlmServerConfig;

/**
 * The negative control of loadtest/run-load ({@code --leaking-server BYTES}): the same rpcecho
 * server as {@code msrpc serve} (NTLM against the accounts file, every interface at privacy), except
 * that each call keeps BYTES of heap for ever, as a server with a per-call leak would. run-load
 * must fail against it. Not product code: run from source with the CLI jar on the class path,
 * {@code java -cp msrpc.jar LeakingEchoServer.java ACCOUNTS BYTES}. Prints the same "listening"
 * line as serve and runs until SIGTERM.
 */
public final class LeakingEchoServer {
  private LeakingEchoServer() {}

  /** Dispatches to the real rpcecho dispatcher after retaining {@code bytes} per call. Thread-safe. */
  static final class Leaking implements RpcInterfaceHandler {
    private final RpcInterfaceHandler inner;
    private final int bytes;
    private final ConcurrentLinkedQueue<byte[]> kept = new ConcurrentLinkedQueue<>();

    Leaking(RpcInterfaceHandler inner, int bytes) {
      this.inner = inner;
      this.bytes = bytes;
    }

    @Override
    public InterfaceId interfaceId() {
      return inner.interfaceId();
    }

    @Override
    public byte[] dispatch(int opnum, byte[] in, RpcCall call) throws RpcException {
      kept.add(new byte[bytes]);
      return inner.dispatch(opnum, in, call);
    }
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: LeakingEchoServer ACCOUNTS-FILE BYTES-PER-CALL");
      System.exit(2);
    }
    AccountStore store = AccountStore.load(Path.of(args[0]));
    NtlmSecurityProvider ntlm = NtlmSecurityProvider.server(NtlmServerConfig.builder(store).build());
    ServerAuthPolicy policy = ServerAuthPolicy.builder(SecurityProviderRegistry.of(List.of(ntlm)))
        .defaultMinimumLevel(AuthnLevel.PKT_PRIVACY).build();
    RpcServer server = RpcServer.builder().listen("127.0.0.1", 0)
        .register(new Leaking(new RpcechoDispatcher(new SambaEchoServer()), Integer.parseInt(args[1])))
        .authentication(policy).build().start();
    System.out.println("leaking " + args[1] + " bytes per call (negative control)");
    System.out.println("rpcecho, mgmt: ncacn_ip_tcp:127.0.0.1[" + server.port() + "]");
    System.out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "leaking-echo-stop"));
    stopped.await();
  }
}
