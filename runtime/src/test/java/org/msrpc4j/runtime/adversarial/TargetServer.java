package org.msrpc4j.runtime.adversarial;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.msrpc4j.ndr.NdrContextHandle;
import org.msrpc4j.runtime.InterfaceId;
import org.msrpc4j.runtime.RpcCall;
import org.msrpc4j.runtime.RpcException;
import org.msrpc4j.runtime.RpcInterfaceHandler;
import org.msrpc4j.runtime.client.ClientSettings;
import org.msrpc4j.runtime.client.RpcBinding;
import org.msrpc4j.runtime.client.RpcChannel;
import org.msrpc4j.runtime.client.RpcClient;
import org.msrpc4j.runtime.auth.ServerAuthPolicy;
import org.msrpc4j.runtime.server.RpcServer;
import org.msrpc4j.runtime.server.ServerSettings;
import org.msrpc4j.security.AuthnLevel;
import org.msrpc4j.security.AuthnService;
import org.msrpc4j.security.AuthzService;
import org.msrpc4j.security.ClientIdentity;
import org.msrpc4j.security.SecurityProviderRegistry;
import org.msrpc4j.security.accounts.AccountStore;
import org.msrpc4j.security.ntlm.NtlmSecurityProvider;
import org.msrpc4j.security.ntlm.NtlmServerConfig;

/**
 * The server under attack: a real {@link RpcServer} on loopback that authenticates callers with
 * NTLM against an account store, serving one interface whose calls are counted, so that a test can
 * tell "rejected before delivery" from "delivered". Not thread-safe to configure; the counter is.
 *
 * <p>Interface {@link #IFACE} (version 1.3, so that a lower minor version still binds):
 * opnum 0 echoes its stub and answers "caller|level|" first; opnum 1 opens a context handle and
 * returns its UUID as text.
 */
final class TargetServer implements AutoCloseable {
  static final InterfaceId IFACE = InterfaceId.of("5c1f0a7e-9b1d-4c7a-8f3e-00000000ad01", 1, 3);
  static final ClientIdentity ALICE = ClientIdentity.password("EXAMPLE", "alice", "Alic3Pass!x".toCharArray());
  static final String ACCOUNTS = """
      domain: EXAMPLE
      realm: EXAMPLE.TEST
      sid: S-1-5-21-1111111111-2222222222-3333333333
      users:
        - name: alice
          rid: 1104
          password: "Alic3Pass!x"
      """;

  final AtomicInteger delivered = new AtomicInteger();
  final RpcServer server;
  final RpcClient client;

  TargetServer(ServerSettings settings) throws Exception {
    AccountStore store = AccountStore.parse(ACCOUNTS, "adversarial");
    NtlmSecurityProvider ntlm = NtlmSecurityProvider.server(NtlmServerConfig.builder(store).build());
    ServerAuthPolicy policy = ServerAuthPolicy.builder(SecurityProviderRegistry.of(List.of(ntlm))).build();
    server = RpcServer.builder().listen("127.0.0.1", 0).settings(settings).register(new Counted())
        .authentication(policy).build().start();
    client = RpcClient.create(ClientSettings.defaults().withCallTimeout(Duration.ofSeconds(10)), null);
  }

  TargetServer() throws Exception {
    this(ServerSettings.defaults());
  }

  int port() {
    return server.port();
  }

  /** A channel to {@code port} (the server's, or a relay's) authenticated as alice at {@code level}. */
  RpcChannel aliceChannel(int port, AuthnLevel level) throws RpcException {
    RpcChannel ch = client.channel(RpcBinding.tcp("127.0.0.1", port));
    ch.setAuthInfo("host/127.0.0.1", level, AuthnService.WINNT, ALICE, AuthzService.NONE);
    return ch;
  }

  /** One echo call on a fresh channel straight to the server: "other clients are unaffected". */
  void assertServesAnotherClient() throws RpcException {
    try (RpcChannel ch = aliceChannel(port(), AuthnLevel.PKT_PRIVACY)) {
      byte[] reply = ch.call(IFACE, 0, new byte[] {42});
      String text = new String(reply, StandardCharsets.ISO_8859_1);
      // The stub may keep the alignment padding before the stripped verification trailer.
      if (!text.startsWith("EXAMPLE\\alice|6|*")) {
        throw new AssertionError("a bystander's call was not served correctly: " + text);
      }
    }
  }

  private final class Counted implements RpcInterfaceHandler {
    @Override
    public InterfaceId interfaceId() {
      return IFACE;
    }

    @Override
    public byte[] dispatch(int opnum, byte[] in, RpcCall call) throws RpcException {
      delivered.incrementAndGet();
      if (opnum == 1) {
        NdrContextHandle h = call.contextHandles().create(new Object(), null);
        return h.uuid().toString().getBytes(StandardCharsets.ISO_8859_1);
      }
      byte[] head = (call.inqAuthClient().clientPrincipal() + "|" + call.authLevel() + "|")
          .getBytes(StandardCharsets.ISO_8859_1);
      byte[] out = new byte[head.length + in.length];
      System.arraycopy(head, 0, out, 0, head.length);
      System.arraycopy(in, 0, out, head.length, in.length);
      return out;
    }
  }

  @Override
  public void close() {
    client.close();
    server.close();
  }
}
