package org.msrpc4j.security.ntlm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.msrpc4j.authz.Sid;
import org.msrpc4j.authz.Token;
import org.msrpc4j.authz.TokenGroup;
import org.msrpc4j.security.AuthnLevel;
import org.msrpc4j.security.ClientContextRequest;
import org.msrpc4j.security.ClientIdentity;
import org.msrpc4j.security.ClientSecurityContext;
import org.msrpc4j.security.ContextStep;
import org.msrpc4j.security.ImpersonationLevel;
import org.msrpc4j.security.MessageSegment;
import org.msrpc4j.security.QosCapability;
import org.msrpc4j.security.IdentityTracking;
import org.msrpc4j.security.SecurityContextException;
import org.msrpc4j.security.SecurityQos;
import org.msrpc4j.security.SecurityStatus;
import org.msrpc4j.security.ServerContextRequest;
import org.msrpc4j.security.ServerSecurityContext;
import org.msrpc4j.security.accounts.AccountStore;

/** A real NTLM client against a real NTLM server, in one JVM. */
class NtlmHandshakeTest {
  static final String ACCOUNTS =
      """
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
        - name: carol
          rid: 1106
          password: "Car0l"
          disabled: true
      groups:
        - name: engineers
          rid: 1201
      """;

  final AccountStore store = parse();
  final NtlmSecurityProvider provider = NtlmSecurityProvider.server(NtlmServerConfig.builder(store).build());

  static AccountStore parse() {
    try {
      return AccountStore.parse(ACCOUNTS, "test");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static ClientIdentity alice() {
    return ClientIdentity.password("EXAMPLE", "alice", "Alic3Pass!x".toCharArray());
  }

  record Pair(ClientSecurityContext client, ServerSecurityContext server, byte[] authenticate) {}

  Pair handshake(NtlmSecurityProvider p, ClientIdentity id, AuthnLevel level) throws SecurityContextException {
    ClientSecurityContext c = p.newClientContext(new ClientContextRequest(id, "host/server.example.test", level, null));
    ServerSecurityContext s = p.newServerContext(new ServerContextRequest(level));
    ContextStep negotiate = c.initialize(null);
    assertThat(negotiate.isComplete()).isFalse();
    ContextStep challenge = s.accept(negotiate.token());
    assertThat(challenge.isComplete()).isFalse();
    ContextStep auth = c.initialize(challenge.token());
    assertThat(auth.isComplete()).isTrue();
    assertThat(auth.hasToken()).as("the AUTHENTICATE goes in auth3").isTrue();
    ContextStep done = s.accept(auth.token());
    assertThat(done.isComplete()).isTrue();
    assertThat(done.hasToken()).isFalse();
    return new Pair(c, s, auth.token());
  }

  /** A PDU-like buffer: 24-byte header, stub, 8-byte trailer, 16-byte token. */
  static final class Pdu {
    final byte[] bytes;
    final int stubLen;

    Pdu(String stub) {
      byte[] s = stub.getBytes(StandardCharsets.UTF_8);
      stubLen = s.length;
      bytes = new byte[24 + stubLen + 8 + 16];
      for (int i = 0; i < 24; i++) {
        bytes[i] = (byte) (i + 1);
      }
      System.arraycopy(s, 0, bytes, 24, stubLen);
      bytes[24 + stubLen] = 10;
      bytes[24 + stubLen + 1] = 6;
    }

    List<MessageSegment> segments(boolean headerSigning) {
      return List.of(
          headerSigning ? MessageSegment.signOnly(bytes, 0, 24) : MessageSegment.readOnly(bytes, 0, 24),
          MessageSegment.data(bytes, 24, stubLen),
          headerSigning ? MessageSegment.signOnly(bytes, 24 + stubLen, 8) : MessageSegment.readOnly(bytes, 24 + stubLen, 8),
          MessageSegment.token(bytes, 24 + stubLen + 8, 16));
    }

    String stub() {
      return new String(bytes, 24, stubLen, StandardCharsets.UTF_8);
    }
  }

  @ParameterizedTest
  @EnumSource(value = AuthnLevel.class, names = {"CONNECT", "CALL", "PKT", "PKT_INTEGRITY", "PKT_PRIVACY"})
  void aliceAtEveryLevel(AuthnLevel level) throws Exception {
    Pair p = handshake(provider, alice(), level);
    assertThat(p.server().peerPrincipal()).isEqualTo("EXAMPLE\\alice");
    assertThat(p.server().serverPrincipal()).isEqualTo("host/server.example.test");
    assertThat(p.client().sessionKey()).isEqualTo(p.server().sessionKey());
    assertThat(p.server().isAnonymous()).isFalse();
    assertThat(p.server().impersonationLevel()).isEqualTo(ImpersonationLevel.IMPERSONATE);
    assertThat(((NtlmServerContext) p.server()).micVerified()).isTrue();
    assertThat(p.server().canSeal()).isEqualTo(level == AuthnLevel.PKT_PRIVACY);
    if (level.effectiveForConnectionOriented().protectsEachPdu()) {
      exchange(p, level.isPrivacy());
    }
  }

  private void exchange(Pair p, boolean seal) throws Exception {
    for (int i = 0; i < 3; i++) {
      for (boolean headerSigning : new boolean[] {true, false}) {
        Pdu request = new Pdu("request " + i + headerSigning);
        protect(p.client(), request, seal, headerSigning);
        if (seal) {
          assertThat(request.stub()).isNotEqualTo("request " + i + headerSigning);
        }
        check(p.server(), request, seal, headerSigning);
        assertThat(request.stub()).isEqualTo("request " + i + headerSigning);
        Pdu response = new Pdu("response " + i);
        protect(p.server(), response, seal, headerSigning);
        check(p.client(), response, seal, headerSigning);
        assertThat(response.stub()).isEqualTo("response " + i);
      }
    }
  }

  static void protect(org.msrpc4j.security.SecurityContext c, Pdu pdu, boolean seal, boolean hs) throws Exception {
    int n = seal ? c.seal(pdu.segments(hs)) : c.sign(pdu.segments(hs));
    assertThat(n).isEqualTo(16);
  }

  static void check(org.msrpc4j.security.SecurityContext c, Pdu pdu, boolean seal, boolean hs) throws Exception {
    if (seal) {
      c.unseal(pdu.segments(hs));
    } else {
      c.verify(pdu.segments(hs));
    }
  }

  @Test
  void callerTokenOfAlice() throws Exception {
    Token t = handshake(provider, alice(), AuthnLevel.PKT_INTEGRITY).server().callerToken();
    Sid domain = store.domainSid();
    assertThat(t.user()).isEqualTo(domain.withRid(1104));
    assertThat(t.userName()).isEqualTo("EXAMPLE\\alice");
    assertThat(t.groups()).extracting(TokenGroup::sid)
        .contains(domain.withRid(513), domain.withRid(1201), Sid.EVERYONE, Sid.AUTHENTICATED_USERS, Sid.NTLM_AUTHENTICATION);
  }

  @Test
  void bobWithNtHashFromClientSideHash() throws Exception {
    Pair p = handshake(provider, ClientIdentity.ntHash("EXAMPLE", "BOB", Hex.b("0cb6948805f797bf2a82807973b89537")), AuthnLevel.PKT_PRIVACY);
    assertThat(p.server().peerPrincipal()).isEqualTo("EXAMPLE\\bob");
    exchange(p, true);
  }

  @Test
  void userWithoutDomainAndWithRealm() throws Exception {
    assertThat(handshake(provider, ClientIdentity.password("", "alice", "Alic3Pass!x".toCharArray()), AuthnLevel.CONNECT)
        .server().peerPrincipal()).isEqualTo("EXAMPLE\\alice");
    assertThat(handshake(provider, ClientIdentity.password("example.test", "alice", "Alic3Pass!x".toCharArray()), AuthnLevel.CONNECT)
        .server().peerPrincipal()).isEqualTo("EXAMPLE\\alice");
  }

  @ParameterizedTest
  @EnumSource(value = AuthnLevel.class, names = {"CONNECT", "PKT_INTEGRITY", "PKT_PRIVACY"})
  void anonymousAtEveryLevel(AuthnLevel level) throws Exception {
    Pair p = handshake(provider, ClientIdentity.anonymous(), level);
    assertThat(p.server().isAnonymous()).isTrue();
    assertThat(p.server().callerToken().user()).isEqualTo(Sid.ANONYMOUS);
    assertThat(p.server().impersonationLevel()).isEqualTo(ImpersonationLevel.ANONYMOUS);
    if (level.protectsEachPdu()) {
      exchange(p, level.isPrivacy());
    }
  }

  @Test
  void anonymousRefusedWhenDisabled() throws Exception {
    NtlmSecurityProvider strict =
        NtlmSecurityProvider.server(NtlmServerConfig.builder(store).allowAnonymous(false).build());
    assertThatThrownBy(() -> handshake(strict, ClientIdentity.anonymous(), AuthnLevel.CONNECT))
        .isInstanceOf(SecurityContextException.class)
        .satisfies(e -> assertThat(((SecurityContextException) e).rpcStatus()).isEqualTo(5));
  }

  @Test
  void wrongPasswordIsAccessDenied() {
    assertThatThrownBy(() -> handshake(provider, ClientIdentity.password("EXAMPLE", "alice", "wrong".toCharArray()), AuthnLevel.PKT_INTEGRITY))
        .isInstanceOf(SecurityContextException.class)
        .hasMessageContaining("unknown user name or bad password")
        .hasMessageNotContaining("wrong")
        .satisfies(e -> {
          SecurityContextException s = (SecurityContextException) e;
          assertThat(s.status()).isEqualTo(SecurityStatus.LOGON_DENIED);
          assertThat(s.rpcStatus()).isEqualTo(5);
        });
  }

  @Test
  void unknownUserAndForeignDomainAndDisabledAreDenied() {
    for (ClientIdentity id : List.of(
        ClientIdentity.password("EXAMPLE", "mallory", "x".toCharArray()),
        ClientIdentity.password("OTHER", "alice", "Alic3Pass!x".toCharArray()),
        ClientIdentity.password("EXAMPLE", "carol", "Car0l".toCharArray()))) {
      assertThatThrownBy(() -> handshake(provider, id, AuthnLevel.CONNECT))
          .isInstanceOf(SecurityContextException.class)
          .satisfies(e -> assertThat(((SecurityContextException) e).status()).isEqualTo(SecurityStatus.LOGON_DENIED));
    }
  }

  @Test
  void replayedAuthenticateIsRejected() throws Exception {
    Pair p = handshake(provider, alice(), AuthnLevel.PKT_INTEGRITY);
    // Same AUTHENTICATE against a fresh server context: it answers another challenge.
    ServerSecurityContext s2 = provider.newServerContext(new ServerContextRequest(AuthnLevel.PKT_INTEGRITY));
    ClientSecurityContext c2 = provider.newClientContext(new ClientContextRequest(alice(), "", AuthnLevel.PKT_INTEGRITY, null));
    s2.accept(c2.initialize(null).token());
    assertThatThrownBy(() -> s2.accept(p.authenticate()))
        .isInstanceOf(SecurityContextException.class)
        .satisfies(e -> assertThat(((SecurityContextException) e).status()).isEqualTo(SecurityStatus.LOGON_DENIED));
    // And the first context accepts no second AUTHENTICATE.
    assertThatThrownBy(() -> p.server().accept(p.authenticate())).isInstanceOf(SecurityContextException.class);
  }

  @Test
  void tamperedAuthenticateFailsTheMic() throws Exception {
    ClientSecurityContext c = provider.newClientContext(new ClientContextRequest(alice(), "", AuthnLevel.PKT_PRIVACY, null));
    ServerSecurityContext s = provider.newServerContext(new ServerContextRequest(AuthnLevel.PKT_INTEGRITY));
    byte[] challenge = s.accept(c.initialize(null).token()).token();
    byte[] auth = c.initialize(challenge).token();
    auth[60] &= ~0x20; // clear NEGOTIATE_SEAL in the AUTHENTICATE flags: a downgrade
    assertThatThrownBy(() -> s.accept(auth))
        .isInstanceOf(SecurityContextException.class)
        .hasMessageContaining("MIC");
  }

  /** A clock the test moves forward. */
  static final class SteppingClock extends Clock {
    private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  private byte[] authenticateThen(NtlmSecurityProvider sp, ServerSecurityContext s) throws Exception {
    ClientSecurityContext c = sp.newClientContext(new ClientContextRequest(alice(), "", AuthnLevel.CONNECT, null));
    return c.initialize(s.accept(c.initialize(null).token()).token()).token();
  }

  @Test
  void clockSkewIsRejected() throws Exception {
    SteppingClock clock = new SteppingClock();
    NtlmSecurityProvider sp = NtlmSecurityProvider.server(NtlmServerConfig.builder(store).clock(clock).build());
    ServerSecurityContext s = sp.newServerContext(new ServerContextRequest(AuthnLevel.CONNECT));
    // The client copies the server's MsvAvTimestamp; the server's clock then moves 6 minutes on.
    byte[] auth = authenticateThen(sp, s);
    clock.advance(Duration.ofMinutes(6));
    assertThatThrownBy(() -> s.accept(auth))
        .isInstanceOf(SecurityContextException.class)
        .satisfies(e -> assertThat(((SecurityContextException) e).status()).isEqualTo(SecurityStatus.TIME_SKEW));
  }

  @Test
  void withinSkewIsAccepted() throws Exception {
    SteppingClock clock = new SteppingClock();
    NtlmSecurityProvider sp = NtlmSecurityProvider.server(NtlmServerConfig.builder(store).clock(clock).build());
    ServerSecurityContext s = sp.newServerContext(new ServerContextRequest(AuthnLevel.CONNECT));
    byte[] auth = authenticateThen(sp, s);
    clock.advance(Duration.ofMinutes(4));
    assertThat(s.accept(auth).isComplete()).isTrue();
  }

  @Test
  void expiredChallengeIsRejected() throws Exception {
    SteppingClock clock = new SteppingClock();
    NtlmSecurityProvider sp = NtlmSecurityProvider.server(
        NtlmServerConfig.builder(store).clock(clock).maxClockSkew(Duration.ofDays(2)).build());
    ServerSecurityContext s = sp.newServerContext(new ServerContextRequest(AuthnLevel.CONNECT));
    byte[] auth = authenticateThen(sp, s);
    clock.advance(Duration.ofDays(3));
    assertThatThrownBy(() -> s.accept(auth)).hasMessageContaining("challenge was already used or has expired");
  }

  @Test
  void flippedBitIsNeverDelivered() throws Exception {
    for (boolean seal : new boolean[] {false, true}) {
      AuthnLevel level = seal ? AuthnLevel.PKT_PRIVACY : AuthnLevel.PKT_INTEGRITY;
      for (int bit : new int[] {3 * 8, 30 * 8 + 2, (24 + 19) * 8 + 1, (24 + 19 + 8 + 5) * 8}) {
        // header, stub, sec_trailer, token: each needs a fresh receiver (a failed check breaks it)
        Pair p = handshake(provider, alice(), level);
        Pdu sent = new Pdu("transfer 100 to bob");
        protect(p.client(), sent, seal, false);
        sent.bytes[bit / 8] ^= (byte) (1 << (bit % 8));
        assertThatThrownBy(() -> check(p.server(), sent, seal, false))
            .isInstanceOf(SecurityContextException.class)
            .satisfies(e -> assertThat(((SecurityContextException) e).status())
                .isIn(SecurityStatus.MESSAGE_ALTERED, SecurityStatus.OUT_OF_SEQUENCE));
        assertThatThrownBy(() -> check(p.server(), new Pdu("x"), seal, false))
            .as("the context refuses to continue after a failed check")
            .isInstanceOf(SecurityContextException.class);
      }
    }
  }

  @Test
  void replayedPduIsRejected() throws Exception {
    Pair p = handshake(provider, alice(), AuthnLevel.PKT_INTEGRITY);
    Pdu first = new Pdu("first");
    protect(p.client(), first, false, true);
    byte[] copy = first.bytes.clone();
    check(p.server(), first, false, true);
    Pdu replay = new Pdu("first");
    System.arraycopy(copy, 0, replay.bytes, 0, copy.length);
    assertThatThrownBy(() -> check(p.server(), replay, false, true))
        .isInstanceOf(SecurityContextException.class)
        .satisfies(e -> assertThat(((SecurityContextException) e).status()).isEqualTo(SecurityStatus.OUT_OF_SEQUENCE));
  }

  @Test
  void headerSigningModeMustMatchForNtlmToo() throws Exception {
    // NTLM covers READ_ONLY and SIGN_ONLY alike: both sides sign the whole PDU.
    Pair p = handshake(provider, alice(), AuthnLevel.PKT_INTEGRITY);
    Pdu pdu = new Pdu("abc");
    protect(p.client(), pdu, false, true);
    check(p.server(), pdu, false, false);
  }

  @Test
  void sealingNotNegotiatedIsRefused() throws Exception {
    Pair p = handshake(provider, alice(), AuthnLevel.PKT_INTEGRITY);
    assertThatThrownBy(() -> p.client().seal(new Pdu("x").segments(true)))
        .isInstanceOf(SecurityContextException.class)
        .satisfies(e -> assertThat(((SecurityContextException) e).status()).isEqualTo(SecurityStatus.QOP_NOT_SUPPORTED));
  }

  @Test
  void identifyLevelIsCarried() throws Exception {
    ClientSecurityContext c = provider.newClientContext(new ClientContextRequest(alice(), "", AuthnLevel.CONNECT,
        new SecurityQos(Set.of(), IdentityTracking.STATIC, ImpersonationLevel.IDENTIFY)));
    ServerSecurityContext s = provider.newServerContext(new ServerContextRequest(AuthnLevel.CONNECT));
    s.accept(c.initialize(s.accept(c.initialize(null).token()).token()).token());
    assertThat(s.impersonationLevel()).isEqualTo(ImpersonationLevel.IDENTIFY);
  }

  @Test
  void mutualAuthIsRefusedByNtlm() {
    assertThatThrownBy(() -> provider.newClientContext(new ClientContextRequest(alice(), "", AuthnLevel.CONNECT,
        new SecurityQos(Set.of(QosCapability.MUTUAL_AUTH), IdentityTracking.STATIC, ImpersonationLevel.IMPERSONATE))))
        .isInstanceOf(SecurityContextException.class);
  }

  @Test
  void targetNameIsCheckedWhenConfigured() {
    NtlmSecurityProvider sp = NtlmSecurityProvider.server(
        NtlmServerConfig.builder(store).acceptedTargetNames(Set.of("host/other.example.test")).build());
    assertThatThrownBy(() -> handshake(sp, alice(), AuthnLevel.CONNECT))
        .isInstanceOf(SecurityContextException.class)
        .hasMessageContaining("host/server.example.test");
  }

  @Test
  void ntlmV1IsRefusedUnlessEnabled() throws Exception {
    for (boolean enabled : new boolean[] {false, true}) {
      NtlmSecurityProvider sp = NtlmSecurityProvider.server(NtlmServerConfig.builder(store).allowNtlmV1(enabled).build());
      ServerSecurityContext s = sp.newServerContext(new ServerContextRequest(AuthnLevel.CONNECT));
      byte[] negotiate = new NegotiateMessage(0x00088207 | NtlmFlags.NEGOTIATE_SIGN, "", "").encode();
      ChallengeMessage ch = ChallengeMessage.parse(s.accept(negotiate).token());
      byte[] clientChallenge = Hex.b("aaaaaaaaaaaaaaaa");
      byte[] ntHash = NtlmCrypto.ntowfV1("Alic3Pass!x".toCharArray());
      byte[] lm = Arrays.copyOf(clientChallenge, 24);
      byte[] nt = NtlmCrypto.desl(ntHash, Arrays.copyOf(NtlmCrypto.md5(ch.serverChallenge(), clientChallenge), 8));
      byte[] auth = new AuthenticateMessage(lm, nt, "EXAMPLE", "alice", "", new byte[0], ch.flags(), null).encode();
      if (enabled) {
        s.accept(auth);
        assertThat(s.peerPrincipal()).isEqualTo("EXAMPLE\\alice");
      } else {
        assertThatThrownBy(() -> s.accept(auth))
            .isInstanceOf(SecurityContextException.class)
            .hasMessageContaining("NTLMv1");
      }
    }
  }

  @Test
  void authenticatedClientDroppingEssIsRefusedWhereSigningIsNeeded() throws Exception {
    ClientSecurityContext c = provider.newClientContext(new ClientContextRequest(alice(), "", AuthnLevel.PKT_INTEGRITY, null));
    ServerSecurityContext s = provider.newServerContext(new ServerContextRequest(AuthnLevel.PKT_INTEGRITY));
    byte[] challenge = s.accept(c.initialize(null).token()).token();
    byte[] auth = c.initialize(challenge).token();
    auth[62] &= ~0x08; // clear EXTENDED_SESSIONSECURITY (0x00080000) in the AUTHENTICATE flags
    assertThatThrownBy(() -> s.accept(auth))
        .isInstanceOf(SecurityContextException.class)
        .satisfies(e -> assertThat(((SecurityContextException) e).status()).isIn(SecurityStatus.ALGORITHM_MISMATCH, SecurityStatus.LOGON_DENIED));
  }
}
