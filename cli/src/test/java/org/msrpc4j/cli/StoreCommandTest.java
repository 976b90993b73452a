package org.msrpc4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.msrpc4j.runtime.auth.ServerAuthPolicy;
import org.msrpc4j.runtime.server.RpcServer;
import org.msrpc4j.security.SecurityProviderRegistry;
import org.msrpc4j.security.accounts.AccountStore;
import org.msrpc4j.security.ntlm.NtlmSecurityProvider;
import org.msrpc4j.security.ntlm.NtlmServerConfig;
import org.msrpc4j.store.AccessListener;
import org.msrpc4j.store.ObjectStore;
import org.msrpc4j.store.StoreCallListener;
import org.msrpc4j.store.StoreRpcService;
import picocli.CommandLine;

/** {@code msrpc store} against a real store server over loopback (NTLM). */
class StoreCommandTest {
  static final String ALICE_SID = "S-1-5-21-1111111111-2222222222-3333333333-1104";
  static final String BOB_SID = "S-1-5-21-1111111111-2222222222-3333333333-1105";

  @TempDir Path dir;
  ObjectStore store;
  RpcServer server;
  String binding;

  record Run(int exit, String out, String err) {}

  @BeforeEach
  void start() throws Exception {
    AccountStore accounts = AccountStore.parse("""
        domain: EXAMPLE
        sid: S-1-5-21-1111111111-2222222222-3333333333
        users:
          - name: alice
            rid: 1104
            password: "Alic3Pass!x"
          - name: bob
            rid: 1105
            password: "B0bPass!y"
        """, "test accounts");
    store = ObjectStore.open(dir, AccessListener.NONE);
    server = RpcServer.builder().listen("127.0.0.1", 0)
        .authentication(ServerAuthPolicy.builder(SecurityProviderRegistry.of(List.of(
            NtlmSecurityProvider.server(NtlmServerConfig.builder(accounts).build())))).build())
        .register(new StoreRpcService(store, StoreCallListener.NONE).dispatcher()).build().start();
    binding = "ncacn_ip_tcp:127.0.0.1[" + server.port() + ",seal]";
  }

  @AfterEach
  void stop() {
    server.close();
    store.close();
  }

  Run msrpc(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = new CommandLine(new Msrpc()).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
        .execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void mkdirPutLsGetaclSetaclAndDenials() {
    String alice = "EXAMPLE/alice%Alic3Pass!x";
    String bob = "EXAMPLE/bob%B0bPass!y";
    assertThat(msrpc("store", binding, "-U", alice, "mkdir", "/p", "--sddl", "D:P(A;OICI;GA;;;" + ALICE_SID + ")").exit())
        .isZero();
    assertThat(msrpc("store", binding, "-U", alice, "put", "/p/f", "--text", "hi").exit()).isZero();
    assertThat(msrpc("store", binding, "-U", alice, "ls", "/").out()).isEqualTo("p/" + System.lineSeparator());
    assertThat(msrpc("store", binding, "-U", alice, "getacl", "/p/f").out()).startsWith("O:" + ALICE_SID)
        .contains("(A;ID;");

    Run denied = msrpc("store", binding, "-U", bob, "ls", "/p");
    assertThat(denied.exit()).isEqualTo(1);
    assertThat(denied.err()).contains("5 (ERROR_ACCESS_DENIED)");

    assertThat(msrpc("store", binding, "-U", alice, "setacl", "/p", "D:P(A;OICI;GA;;;" + ALICE_SID + ")(A;;GR;;;" + BOB_SID + ")")
        .exit()).isZero();
    assertThat(msrpc("store", binding, "-U", bob, "ls", "/p").out()).isEqualTo("f" + System.lineSeparator());
    // bob may list /p now but still not write into it
    assertThat(msrpc("store", binding, "-U", bob, "put", "/p/g", "--text", "x").exit()).isEqualTo(1);
    assertThat(msrpc("store", binding, "-U", alice, "rm", "/p/f").exit()).isZero();
  }

  @Test
  void anonymousWhoamiAndUsageErrors() {
    Run who = msrpc("store", "ncacn_ip_tcp:127.0.0.1[" + server.port() + "]", "whoami");
    assertThat(who.exit()).isZero();
    assertThat(who.out()).contains("impersonation status: 1765 (RPC_S_NO_CONTEXT_AVAILABLE)");
    assertThat(msrpc("store", binding, "-U", "EXAMPLE/alice%Alic3Pass!x", "frobnicate").exit()).isEqualTo(2);
    assertThat(msrpc("store", binding, "-U", "EXAMPLE/alice%Alic3Pass!x", "setacl", "/", "not sddl").exit()).isEqualTo(2);
  }
}
