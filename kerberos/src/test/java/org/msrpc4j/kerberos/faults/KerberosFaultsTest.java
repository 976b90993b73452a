package org.msrpc4j.kerberos.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.msrpc4j.kerberos.client.Krb5Config;
import org.msrpc4j.kerberos.gss.DceKerberosContextTest;
import org.msrpc4j.kerberos.gss.KerberosSecurityProvider;
import org.msrpc4j.kerberos.setup.KerberosProviders;
import org.msrpc4j.kerberos.spnego.NegotiateSecurityProvider;
import org.msrpc4j.runtime.InterfaceId;
import org.msrpc4j.runtime.RpcCall;
import org.msrpc4j.runtime.RpcException;
import org.msrpc4j.runtime.RpcInterfaceHandler;
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
import org.msrpc4j.security.ClientContextRequest;
import org.msrpc4j.security.ClientIdentity;
import org.msrpc4j.security.ClientSecurityContext;
import org.msrpc4j.security.SecurityContextException;
import org.msrpc4j.security.SecurityQos;
import org.msrpc4j.security.SecurityStatus;
import org.msrpc4j.security.ServerContextRequest;
import org.msrpc4j.security.ServerSecurityContext;
import org.msrpc4j.security.SecurityProvider;
import org.msrpc4j.security.SecurityProviderRegistry;
import org.msrpc4j.security.accounts.AccountStore;
import org.msrpc4j.security.ntlm.NtlmSecurityProvider;
import org.msrpc4j.security.ntlm.NtlmServerConfig;

/**
 * Kerberos faults through the real runtime and the embedded KDC: the KDC down (port closed, or
 * accepting and never answering) ends in a bounded time with an error naming the KDC and the cause,
 * Negotiate then falls back to NTLM as SSPI does; a client clock more than the allowed skew away is
 * refused by the acceptor with a clock-skew error, within the skew it is accepted. Clocks are
 * injected ({@link Clock#offset}); the system time is never changed.
 */
class KerberosFaultsTest {
  static final String SPN = "host/rpc.example.test";
  static final InterfaceId WHO = InterfaceId.of("5c0ffee0-0000-4000-8000-00000000f002", 1, 0);
  static final ClientIdentity ALICE = ClientIdentity.password("EXAMPLE", "alice", "Alic3Pass!x".toCharArray());

  /**
   * opnum 0: "service|server principal" of the call: the server principal is the ticket's service
   * for Kerberos (also inside Negotiate) and empty for NTLM, which tells the two apart.
   */
  static final class Who implements RpcInterfaceHandler {
    final List<String> seen = new CopyOnWriteArrayList<>();

    @Override
    public InterfaceId interfaceId() {
      return WHO;
    }

    @Override
    public byte[] dispatch(int opnum, byte[] in, RpcCall call) throws RpcException {
      String s = call.inqAuthClient().service() + "|" + call.inqAuthClient().serverPrincipal();
      seen.add(s);
      return s.getBytes(StandardCharsets.UTF_8);
    }
  }

  static KerberosProviders.EmbeddedRealm realm;
  static RpcServer server;
  static Who who = new Who();

  @BeforeAll
  static void start() throws Exception {
    AccountStore store = AccountStore.parse(DceKerberosContextTest.ACCOUNTS, "test");
    NtlmSecurityProvider ntlm = NtlmSecurityProvider.server(NtlmServerConfig.builder(store).build());
    realm = KerberosProviders.embedded(store, "127.0.0.1", 0, List.of(SPN), null, ntlm);
    List<SecurityProvider> serverProviders = new ArrayList<>(realm.serverProviders());
    serverProviders.add(ntlm);
    server = RpcServer.builder().listen("127.0.0.1", 0).register(who)
        .authentication(ServerAuthPolicy.builder(SecurityProviderRegistry.of(serverProviders)).build()).build().start();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.shutdown(Duration.ZERO);
    }
    if (realm != null) {
      realm.close();
    }
  }

  /** Client providers: Kerberos with {@code clock} and {@code config}, Negotiate over it and NTLM, NTLM. */
  private static ClientSecurity clientSecurity(Krb5Config config, Clock clock) {
    KerberosSecurityProvider k = KerberosSecurityProvider.builder().clientConfig(config).clock(clock).build();
    NtlmSecurityProvider ntlm = NtlmSecurityProvider.client();
    return ClientSecurity.defaults().withProviders(SecurityProviderRegistry.of(
        List.of(k, new NegotiateSecurityProvider(k, ntlm), ntlm)));
  }

  /**
   * One call at packet privacy with {@code service}, on a client of its own; the returned future is
   * already complete (a hang fails here, after 60 s, instead of stalling the build).
   */
  private static CompletableFuture<String> whoAmI(ClientSecurity security, AuthnService service) throws Exception {
    try (RpcClient client = RpcClient.create(ClientSettings.defaults(), null, security);
         RpcChannel ch = client.channel(RpcBinding.tcp("127.0.0.1", server.port()))) {
      ch.setAuthInfo(SPN, AuthnLevel.PKT_PRIVACY, service, ALICE, AuthzService.NONE);
      CompletableFuture<byte[]> call = ch.callAsync(WHO, 0, new byte[4]);
      try {
        return CompletableFuture.completedFuture(new String(call.get(60, TimeUnit.SECONDS), StandardCharsets.UTF_8));
      } catch (ExecutionException e) {
        return CompletableFuture.failedFuture(e.getCause());
      }
    } catch (RpcException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private static RpcException failure(CompletableFuture<?> f) throws Exception {
    try {
      f.get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(RpcException.class);
      return (RpcException) e.getCause();
    }
    throw new AssertionError("the call succeeded");
  }

  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Test
  void withTheKdcPortClosedKerberosFailsNamingTheKdcAndTheCause() throws Exception {
    int port = closedPort();
    Krb5Config down = Krb5Config.of("EXAMPLE.TEST", "127.0.0.1:" + port).withKdcTimeout(Duration.ofSeconds(2));
    RpcException e = failure(whoAmI(clientSecurity(down, Clock.systemUTC()), AuthnService.GSS_KERBEROS));
    assertThat(e.getMessage()).contains("KDC").contains("127.0.0.1:" + port).containsIgnoringCase("refused");
  }

  @Test
  void aKdcThatNeverAnswersCostsTheConfiguredTimeoutAndIsNamed() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      List<Socket> held = new CopyOnWriteArrayList<>();
      Thread t = new Thread(() -> {
        try {
          while (true) {
            held.add(silent.accept()); // reads nothing, answers nothing
          }
        } catch (IOException x) {
          // closed
        }
      });
      t.setDaemon(true);
      t.start();
      Krb5Config silentKdc = Krb5Config.parse("""
          [libdefaults]
              default_realm = EXAMPLE.TEST
              kdc_timeout = 1s
          [realms]
              EXAMPLE.TEST = {
                  kdc = 127.0.0.1:%d
              }
          """.formatted(silent.getLocalPort()));
      assertThat(silentKdc.kdcTimeout()).isEqualTo(Duration.ofSeconds(1));
      RpcException e = failure(whoAmI(clientSecurity(silentKdc, Clock.systemUTC()), AuthnService.GSS_KERBEROS));
      assertThat(e.getMessage()).contains("127.0.0.1:" + silent.getLocalPort()).contains("no answer within 1000 ms");
      for (Socket s : held) {
        s.close();
      }
    }
  }

  @Test
  void negotiateFallsBackToNtlmWhenTheKdcIsDown() throws Exception {
    Krb5Config down = Krb5Config.of("EXAMPLE.TEST", "127.0.0.1:" + closedPort()).withKdcTimeout(Duration.ofSeconds(2));
    String seen = whoAmI(clientSecurity(down, Clock.systemUTC()), AuthnService.GSS_NEGOTIATE).get(60, TimeUnit.SECONDS);
    // NTLM inside Negotiate: the server principal is the SPN as asked, not a ticket's SPN@REALM.
    assertThat(seen).isEqualTo("GSS_NEGOTIATE|" + SPN);
  }

  @Test
  void withTheKdcUpKerberosAndNegotiateUseKerberos() throws Exception {
    ClientSecurity sec = clientSecurity(realm.clientConfig(), Clock.systemUTC());
    assertThat(whoAmI(sec, AuthnService.GSS_KERBEROS).get(60, TimeUnit.SECONDS)).isEqualTo("GSS_KERBEROS|" + SPN + "@EXAMPLE.TEST");
    assertThat(whoAmI(sec, AuthnService.GSS_NEGOTIATE).get(60, TimeUnit.SECONDS)).isEqualTo("GSS_NEGOTIATE|" + SPN + "@EXAMPLE.TEST");
  }

  @Test
  void theAcceptorRefusesAnAuthenticatorTenMinutesOffWithClockSkew() throws Exception {
    KerberosSecurityProvider acceptor = (KerberosSecurityProvider) realm.serverProviders().get(0);
    for (Duration off : List.of(Duration.ofMinutes(10), Duration.ofMinutes(-10))) {
      KerberosSecurityProvider initiator = KerberosSecurityProvider.builder().clientConfig(realm.clientConfig())
          .clock(Clock.offset(Clock.systemUTC(), off)).build();
      ClientSecurityContext c = initiator.newClientContext(new ClientContextRequest(ALICE, SPN, AuthnLevel.PKT_PRIVACY,
          SecurityQos.DEFAULT));
      byte[] apReq = c.initialize(null).token();
      ServerSecurityContext s = acceptor.newServerContext(new ServerContextRequest(AuthnLevel.PKT_PRIVACY));
      assertThatThrownBy(() -> s.accept(apReq)).isInstanceOfSatisfying(SecurityContextException.class, e -> {
        assertThat(e.status()).as("KRB_AP_ERR_SKEW").isEqualTo(SecurityStatus.TIME_SKEW);
        assertThat(e.getMessage()).contains("clocks");
      });
    }
  }

  @Test
  void aClientClockTenMinutesOffIsRefusedInOneCallWithAClearError() throws Exception {
    for (Duration off : List.of(Duration.ofMinutes(10), Duration.ofMinutes(-10))) {
      Clock skewed = Clock.offset(Clock.systemUTC(), off);
      RpcException e = failure(whoAmI(clientSecurity(realm.clientConfig(), skewed), AuthnService.GSS_KERBEROS));
      assertThat(e.status()).isEqualTo(RpcStatus.ERROR_ACCESS_DENIED);
      assertThat(e.didNotExecute()).isTrue();
      assertThat(e.getMessage()).contains("did not accept the authentication token").contains("clocks more than 5 minutes");
    }
  }

  @Test
  void aClientClockFourMinutesOffIsWithinTheSkewAndAccepted() throws Exception {
    for (Duration off : List.of(Duration.ofMinutes(4), Duration.ofMinutes(-4))) {
      Clock skewed = Clock.offset(Clock.systemUTC(), off);
      assertThat(whoAmI(clientSecurity(realm.clientConfig(), skewed), AuthnService.GSS_KERBEROS).get(60, TimeUnit.SECONDS))
          .isEqualTo("GSS_KERBEROS|" + SPN + "@EXAMPLE.TEST");
    }
  }
}
