package org.msrpc4j.runtime.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.msrpc4j.authz.Sid;
import org.msrpc4j.authz.Token;
import org.msrpc4j.runtime.InterfaceId;
import org.msrpc4j.runtime.RpcCall;
import org.msrpc4j.runtime.RpcClientChannel;
import org.msrpc4j.runtime.RpcException;
import org.msrpc4j.runtime.RpcInterfaceHandler;
import org.msrpc4j.runtime.RpcStatus;
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

/** A real msrpc4j client and server over loopback, authenticated with NTLM from an account store. */
class AuthenticatedCallsTest {
  static final String ACCOUNTS = """
      domain: EXAMPLE
      realm: EXAMPLE.TEST
      sid: S-1-5-21-1111111111-2222222222-3333333333
      users:
        - name: alice
          rid: 1104
          password: "Alic3Pass!x"
          groups: [engineers]
        - name: bob
          rid: 1105
          nthash: "0cb6948805f797bf2a82807973b89537"
      groups:
        - name: engineers
          rid: 1201
      """;
  static final InterfaceId WHO = InterfaceId.of("6a1d3c2e-0000-4000-8000-00000000b001", 1, 0);
  static final InterfaceId GUARDED = InterfaceId.of("6a1d3c2e-0000-4000-8000-00000000b002", 1, 0);
  static final ClientIdentity ALICE = ClientIdentity.password("EXAMPLE", "alice", "Alic3Pass!x".toCharArray());

  /** opnum 0: "level|principal|impersonation status|stub length" followed by nothing; opnum 1 echoes. */
  static final class Who implements RpcInterfaceHandler {
    private final InterfaceId id;
    final AtomicInteger calls = new AtomicInteger();

    Who(InterfaceId id) {
      this.id = id;
    }

    @Override
    public InterfaceId interfaceId() {
      return id;
    }

    @Override
    public byte[] dispatch(int opnum, byte[] in, RpcCall call) throws RpcException {
      calls.incrementAndGet();
      if (opnum == 1) {
        return in;
      }
      String principal;
      try {
        principal = call.inqAuthClient().clientPrincipal();
      } catch (RpcException e) {
        principal = "status " + e.status();
      }
      String imp;
      try (ThreadIdentity.Impersonation outer = call.impersonateClient()) {
        Token t = ThreadIdentity.current().orElseThrow().token();
        imp = "0 " + t.user() + " " + call.authorizationContext().groups().size();
      } catch (RpcException e) {
        imp = String.valueOf(e.status());
      }
      return (call.authLevel() + "|" + principal + "|" + imp + "|" + in.length + "|"
          + ThreadIdentity.current().isPresent()).getBytes(StandardCharsets.UTF_8);
    }
  }

  RpcServer server;
  RpcClient client;
  Who who = new Who(WHO);
  Who guarded = new Who(GUARDED);

  @BeforeEach
  void start() throws Exception {
    AccountStore store = AccountStore.parse(ACCOUNTS, "test");
    NtlmSecurityProvider ntlm = NtlmSecurityProvider.server(NtlmServerConfig.builder(store).build());
    ServerAuthPolicy policy = ServerAuthPolicy.builder(SecurityProviderRegistry.of(List.of(ntlm)))
        .requireLevel(GUARDED.uuid(), AuthnLevel.PKT_PRIVACY, call -> {
          if (!call.inqAuthClient().clientPrincipal().equalsIgnoreCase("EXAMPLE\\alice")) {
            throw new RpcException(RpcStatus.ERROR_ACCESS_DENIED);
          }
        })
        .build();
    server = RpcServer.builder().listen("127.0.0.1", 0).register(who).register(guarded).authentication(policy).build().start();
    client = RpcClient.create();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  RpcChannel channel(int port) {
    return client.channel(RpcBinding.tcp("127.0.0.1", port));
  }

  static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  static byte[] random(int n) {
    byte[] b = new byte[n];
    new Random(n).nextBytes(b);
    return b;
  }

  @ParameterizedTest
  @EnumSource(value = AuthnLevel.class, names = {"CONNECT", "CALL", "PKT", "PKT_INTEGRITY", "PKT_PRIVACY"})
  void everyLevelAuthenticatesAliceAndCarriesLargeStubs(AuthnLevel level) throws Exception {
    try (RpcChannel ch = channel(server.port())) {
      ch.setAuthInfo("host/127.0.0.1", level, AuthnService.WINNT, ALICE, AuthzService.NONE);
      String seen = text(ch.call(WHO, 0, new byte[100]));
      int wire = level.effectiveForConnectionOriented().value();
      assertThat(seen).startsWith(wire + "|EXAMPLE\\alice|0 S-1-5-21-1111111111-2222222222-3333333333-1104 ")
          .endsWith("|100|false");
      byte[] big = random(70_000); // many fragments, each with its own verifier
      assertThat(ch.call(WHO, 1, big)).isEqualTo(big);
      assertThat(ch.inqAuthInfo().level()).isEqualTo(level);
    }
  }

  @Test
  void bobAuthenticatesWithAnNtHash() throws Exception {
    try (RpcChannel ch = channel(server.port())) {
      ch.setAuthInfo("", AuthnLevel.PKT_PRIVACY, AuthnService.WINNT,
          ClientIdentity.ntHash("EXAMPLE", "bob", org.msrpc4j.security.NtHash.fromHex("0cb6948805f797bf2a82807973b89537")),
          AuthzService.NONE);
      assertThat(text(ch.call(WHO, 0, new byte[1]))).startsWith("6|EXAMPLE\\bob|0 ");
    }
  }

  @ParameterizedTest
  @EnumSource(value = AuthnLevel.class, names = {"CONNECT", "PKT_INTEGRITY", "PKT_PRIVACY"})
  void anonymousNtlmIsAuthenticatedAsAnonymous(AuthnLevel level) throws Exception {
    try (RpcChannel ch = channel(server.port())) {
      ch.setAuthInfo("", level, AuthnService.WINNT, ClientIdentity.anonymous(), AuthzService.NONE);
      assertThat(text(ch.call(WHO, 0, new byte[3]))).startsWith(level.value() + "|NT AUTHORITY\\ANONYMOUS LOGON|0 " + Sid.ANONYMOUS);
      assertThat(ch.call(WHO, 1, random(9000))).isEqualTo(random(9000));
    }
  }

  @Test
  void unauthenticatedCallCannotImpersonate() throws Exception {
    try (RpcChannel ch = channel(server.port())) {
      assertThat(text(ch.call(WHO, 0, new byte[0]))).isEqualTo("1|status 1746|1765|0|false");
      assertThatThrownBy(ch::inqAuthInfo).isInstanceOfSatisfying(RpcException.class,
          e -> assertThat(e.status()).isEqualTo(RpcStatus.RPC_S_BINDING_HAS_NO_AUTH));
    }
  }

  @Test
  void wrongPasswordIsAccessDenied() throws Exception {
    try (RpcChannel ch = channel(server.port())) {
      ch.setAuthInfo("", AuthnLevel.PKT_PRIVACY, AuthnService.WINNT,
          ClientIdentity.password("EXAMPLE", "alice", "Zq9-not-alices".toCharArray()), AuthzService.NONE);
      assertThatThrownBy(() -> ch.call(WHO, 0, new byte[0])).isInstanceOfSatisfying(RpcException.class, e -> {
        assertThat(e.status()).isEqualTo(RpcStatus.ERROR_ACCESS_DENIED);
        assertThat(e.getMessage()).contains("refused the authentication").doesNotContain("Zq9-not-alices");
      });
      assertThat(who.calls).hasValue(0);
    }
  }

  @Test
  void interfaceMinimumLevelAndSecurityCallback() throws Exception {
    try (RpcChannel ch = channel(server.port())) {
      ch.setAuthInfo("", AuthnLevel.PKT_INTEGRITY, AuthnService.WINNT, ALICE, AuthzService.NONE);
      assertThatThrownBy(() -> ch.call(GUARDED, 1, new byte[4])).isInstanceOfSatisfying(RpcException.class,
          e -> assertThat(e.status()).isEqualTo(RpcStatus.ERROR_ACCESS_DENIED));
      ch.setAuthInfo("", AuthnLevel.PKT_PRIVACY, AuthnService.WINNT, ALICE, AuthzService.NONE);
      assertThat(ch.call(GUARDED, 1, new byte[4])).hasSize(4);
    }
    try (RpcChannel ch = channel(server.port())) {
      ch.setAuthInfo("", AuthnLevel.PKT_PRIVACY, AuthnService.WINNT,
          ClientIdentity.ntHash("EXAMPLE", "bob", org.msrpc4j.security.NtHash.fromHex("0cb6948805f797bf2a82807973b89537")),
          AuthzService.NONE);
      assertThatThrownBy(() -> ch.call(GUARDED, 1, new byte[4])).isInstanceOfSatisfying(RpcException.class,
          e -> assertThat(e.status()).isEqualTo(RpcStatus.ERROR_ACCESS_DENIED));
    }
    assertThat(guarded.calls).hasValue(1);
  }

  @Test
  void channelPinnedAtIntegrityKeepsItAfterTheBindingMovesToPrivacy() throws Exception {
    try (RpcChannel ch = channel(server.port())) {
      ch.setAuthInfo("", AuthnLevel.PKT_INTEGRITY, AuthnService.WINNT, ALICE, AuthzService.NONE);
      RpcClientChannel handleChannel = ch.withCurrentSecurity();
      assertThat(text(handleChannel.call(WHO, 0, new byte[0]))).startsWith("5|");
      ch.setAuthInfo("", AuthnLevel.PKT_PRIVACY, AuthnService.WINNT, ALICE, AuthzService.NONE);
      assertThat(text(ch.call(WHO, 0, new byte[0]))).startsWith("6|");
      assertThat(text(handleChannel.call(WHO, 0, new byte[0]))).startsWith("5|");
    }
  }

  @ParameterizedTest
  @EnumSource(value = AuthnLevel.class, names = {"PKT_INTEGRITY", "PKT_PRIVACY"})
  void aFlippedBitIsNeverDelivered(AuthnLevel level) throws Exception {
    // PDU 0 is the bind, 1 the auth3, 2 the first request: flip one stub bit of the second request.
    for (int bit : new int[] {8 * 30, 8 * 5, 8 * 70 + 3}) {
      AtomicInteger delivered = new AtomicInteger();
      try (TamperingRelay relay = new TamperingRelay(server.port(), (i, frame) -> {
        if (i == 3 && bit / 8 < frame.length) {
          frame[bit / 8] ^= (byte) (1 << (bit % 8));
        }
        return List.of(frame);
      }); RpcChannel ch = channel(relay.port())) {
        ch.setAuthInfo("", level, AuthnService.WINNT, ALICE, AuthzService.NONE);
        assertThat(ch.call(WHO, 1, new byte[64])).hasSize(64);
        int before = who.calls.get();
        byte[] payload = random(64);
        try {
          byte[] out = ch.call(WHO, 1, payload);
          // Only acceptable if the flip hit a byte nobody reads and the call is intact.
          assertThat(out).isEqualTo(payload);
          delivered.set(who.calls.get() - before);
        } catch (RpcException expected) {
          assertThat(who.calls.get()).isEqualTo(before);
        }
      }
      assertThat(delivered.get()).as("bit %d", bit).isZero();
    }
  }

  @Test
  void aReplayedRequestIsRejected() throws Exception {
    List<byte[]> seen = new ArrayList<>();
    try (TamperingRelay relay = new TamperingRelay(server.port(), (i, frame) -> {
      seen.add(frame.clone());
      if (i == 3) {
        return List.of(seen.get(2)); // the earlier request again, instead of the new one
      }
      return List.of(frame);
    }); RpcChannel ch = channel(relay.port())) {
      ch.setAuthInfo("", AuthnLevel.PKT_INTEGRITY, AuthnService.WINNT, ALICE, AuthzService.NONE);
      ch.call(WHO, 1, new byte[8]);
      int before = who.calls.get();
      assertThatThrownBy(() -> ch.call(WHO, 1, new byte[8])).isInstanceOf(RpcException.class);
      assertThat(who.calls.get()).isEqualTo(before);
    }
  }

  @Test
  void dynamicIdentityTrackingReadsTheThreadsCredentialsOnEveryCall() throws Exception {
    RpcClient dyn = RpcClient.create(org.msrpc4j.runtime.client.ClientSettings.defaults(), null,
        ClientSecurity.defaults().withCurrentCredentials(() -> java.util.Optional.of(CURRENT.get())));
    try (RpcChannel ch = dyn.channel(RpcBinding.tcp("127.0.0.1", server.port()))) {
      CURRENT.set(ALICE);
      ch.setAuthInfoEx("", AuthnLevel.PKT_PRIVACY, AuthnService.WINNT, null, AuthzService.NONE,
          new org.msrpc4j.security.SecurityQos(java.util.Set.of(), org.msrpc4j.security.IdentityTracking.DYNAMIC,
              org.msrpc4j.security.ImpersonationLevel.IMPERSONATE));
      assertThat(text(ch.call(WHO, 0, new byte[0]))).startsWith("6|EXAMPLE\\alice|");
      CURRENT.set(ClientIdentity.anonymous());
      assertThat(text(ch.call(WHO, 0, new byte[0]))).startsWith("6|NT AUTHORITY\\ANONYMOUS LOGON|");
      assertThat(ch.inqAuthInfo().identity()).isNull();
    } finally {
      CURRENT.remove();
      dyn.close();
    }
  }

  static final ThreadLocal<ClientIdentity> CURRENT = new ThreadLocal<>();
}
