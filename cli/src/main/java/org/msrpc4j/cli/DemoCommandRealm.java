package org.msrpc4j.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.msrpc4j.interfaces.echo.RpcechoDispatcher;
import org.msrpc4j.interfaces.echo.SambaEchoServer;
import org.msrpc4j.kerberos.setup.KerberosProviders;
import org.msrpc4j.runtime.RpcException;
import org.msrpc4j.runtime.auth.ClientSecurity;
import org.msrpc4j.runtime.auth.ServerAuthPolicy;
import org.msrpc4j.runtime.server.RpcServer;
import org.msrpc4j.security.SecurityProvider;
import org.msrpc4j.security.SecurityProviderRegistry;
import org.msrpc4j.security.Spn;
import org.msrpc4j.security.accounts.AccountStore;
import org.msrpc4j.security.accounts.AccountsFileException;
import org.msrpc4j.security.ntlm.NtlmSecurityProvider;
import org.msrpc4j.security.ntlm.NtlmServerConfig;
import org.msrpc4j.store.ObjectStore;
import org.msrpc4j.store.StoreCallEvent;
import org.msrpc4j.store.StoreException;
import org.msrpc4j.store.StoreRpcService;

/**
 * Everything the demo runs: demo accounts (alice in engineers, bob in sales, passwords random per
 * run), the embedded KDC with the server's SPN, and an RPC server on a free loopback port serving
 * mgmt, rpcecho, the identity interface and the secure object store with NTLM, Kerberos and
 * Negotiate. Records every store call the server served. Close it to stop everything.
 * Thread-safe for reading the recorded calls; set up and closed by one thread.
 */
final class DemoCommandRealm implements AutoCloseable {
  static final String DOMAIN = "DEMO";
  static final String REALM = "DEMO.TEST";
  static final String DOMAIN_SID = "S-1-5-21-3623811015-3361044348-30300820";

  final String alicePassword = randomPassword();
  final String bobPassword = randomPassword();
  final String spn;
  final AccountStore accounts;
  final KerberosProviders.EmbeddedRealm kdc;
  final ObjectStore store;
  final RpcServer server;
  final List<StoreCallEvent> calls = new CopyOnWriteArrayList<>();
  final NtlmSecurityProvider ntlmClient = NtlmSecurityProvider.client();

  DemoCommandRealm(Path dataDirectory) throws IOException, RpcException, StoreException {
    try {
      accounts = AccountStore.parse(accountsYaml(), "demo accounts");
    } catch (AccountsFileException e) {
      throw new IllegalStateException("the demo's own accounts do not parse", e);
    }
    // DsMakeSpn("host", "localhost"): the name the client asks the KDC for, and the KDC's service.
    spn = Spn.make("host", "localhost");
    SecurityProvider ntlmServer = NtlmSecurityProvider.server(NtlmServerConfig.builder(accounts).build());
    kdc = KerberosProviders.embedded(accounts, "127.0.0.1", 0, List.of(spn), dataDirectory.resolve("krb5.conf"), ntlmServer);
    ObjectStore opened = null;
    try {
      opened = ObjectStore.open(dataDirectory.resolve("store"), d -> { });
      List<SecurityProvider> serverProviders = new ArrayList<>(kdc.serverProviders());
      serverProviders.add(ntlmServer);
      ServerAuthPolicy policy = ServerAuthPolicy.builder(SecurityProviderRegistry.of(serverProviders)).build();
      server = RpcServer.builder().listen("127.0.0.1", 0).principalName(spn).authentication(policy)
          .register(new RpcechoDispatcher(new SambaEchoServer()))
          .register(new WhoamiCommandServer())
          .register(new StoreRpcService(opened, calls::add).dispatcher())
          .build().start();
      store = opened;
    } catch (RpcException | StoreException | RuntimeException e) {
      if (opened != null) {
        opened.close();
      }
      kdc.close();
      throw e;
    }
  }

  /** Client security with Kerberos and Negotiate (against the embedded KDC) and NTLM. */
  ClientSecurity clientSecurity() {
    List<SecurityProvider> providers = new ArrayList<>(KerberosProviders.client(kdc.clientConfig(), ntlmClient));
    providers.add(ntlmClient);
    return ClientSecurity.defaults().withProviders(SecurityProviderRegistry.of(providers));
  }

  int port() {
    return server.port();
  }

  String sidOf(String user) {
    return accounts.sidOf(accounts.findUser(user).orElseThrow()).toString();
  }

  String groupSid(long rid) {
    return DOMAIN_SID + "-" + rid;
  }

  @Override
  public void close() {
    server.close();
    store.close();
    kdc.close();
  }

  private String accountsYaml() {
    return "domain: " + DOMAIN + "\n"
        + "realm: " + REALM + "\n"
        + "sid: " + DOMAIN_SID + "\n"
        + "users:\n"
        + "  - name: alice\n    rid: 1104\n    password: \"" + alicePassword + "\"\n    groups: [engineers]\n"
        + "  - name: bob\n    rid: 1105\n    password: \"" + bobPassword + "\"\n    groups: [sales]\n"
        + "groups:\n"
        + "  - name: engineers\n    rid: 1201\n"
        + "  - name: sales\n    rid: 1202\n";
  }

  private static String randomPassword() {
    byte[] b = new byte[12];
    new SecureRandom().nextBytes(b);
    // URL-safe Base64 has no characters YAML or a shell would need to quote; the suffix adds classes.
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b) + "!9a";
  }
}
