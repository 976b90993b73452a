package org.msrpc4j.security.ntlm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.msrpc4j.security.AuthnLevel;
import org.msrpc4j.security.ClientContextRequest;
import org.msrpc4j.security.ClientIdentity;
import org.msrpc4j.security.ClientSecurityContext;
import org.msrpc4j.security.SecurityContextException;
import org.msrpc4j.security.ServerContextRequest;
import org.msrpc4j.security.ServerSecurityContext;
import org.msrpc4j.security.accounts.AccountStore;

/** Hostile input never escapes as an unchecked exception; well-formed structures round-trip. */
class NtlmParserPropertiesTest {
  private static final NtlmSecurityProvider PROVIDER = provider();

  private static NtlmSecurityProvider provider() {
    try {
      return NtlmSecurityProvider.server(NtlmServerConfig.builder(AccountStore.parse(NtlmHandshakeTest.ACCOUNTS, "t")).build());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Provide
  Arbitrary<byte[]> ntlmish() {
    // Mostly valid headers with random bodies, so that parsing gets past the signature check.
    return Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(400).flatMap(body ->
        Arbitraries.integers().between(1, 3).map(type -> {
          byte[] m = Arrays.copyOf(NtlmReader.SIGNATURE, Math.max(12, 12 + body.length));
          m[8] = type.byteValue();
          System.arraycopy(body, 0, m, 12, body.length);
          return m;
        }));
  }

  @Property(tries = 2000)
  void parsersOnlyThrowTheCheckedException(@ForAll("ntlmish") byte[] msg) {
    for (int type = 1; type <= 3; type++) {
      try {
        switch (type) {
          case 1 -> NegotiateMessage.parse(msg);
          case 2 -> ChallengeMessage.parse(msg);
          default -> {
            AuthenticateMessage a = AuthenticateMessage.parse(msg);
            if (a.ntResponse().length > 24) {
              NtlmV2Response.avPairs(a.ntResponse());
            }
          }
        }
      } catch (SecurityContextException expected) {
        assertThat(expected.getMessage()).startsWith("invalid NTLM message");
      }
    }
  }

  @Property(tries = 500)
  void serverSurvivesGarbageInEveryLeg(@ForAll("ntlmish") byte[] garbage, @ForAll boolean firstLeg) throws Exception {
    ServerSecurityContext s = PROVIDER.newServerContext(new ServerContextRequest(AuthnLevel.PKT_INTEGRITY));
    try {
      if (!firstLeg) {
        ClientSecurityContext c = PROVIDER.newClientContext(new ClientContextRequest(ClientIdentity.anonymous(), "", AuthnLevel.PKT_INTEGRITY, null));
        s.accept(c.initialize(null).token());
      }
      s.accept(garbage);
    } catch (SecurityContextException expected) {
      // fine: a checked, explained refusal
    }
  }

  @Property(tries = 1000)
  void clientSurvivesGarbageChallenges(@ForAll("ntlmish") byte[] garbage) throws Exception {
    ClientSecurityContext c = PROVIDER.newClientContext(
        new ClientContextRequest(ClientIdentity.password("EXAMPLE", "alice", "x".toCharArray()), "", AuthnLevel.PKT_PRIVACY, null));
    c.initialize(null);
    try {
      c.initialize(garbage);
    } catch (SecurityContextException expected) {
      // fine
    }
  }

  @Property(tries = 500)
  void avPairsRoundTrip(@ForAll @IntRange(min = 1, max = 0xFFFF) int id, @ForAll @Size(max = 300) byte[] value,
      @ForAll @Size(max = 40) String text) throws Exception {
    AvPairs pairs = AvPairs.empty().withString(AvPairs.NB_DOMAIN_NAME, text).with(id == AvPairs.NB_DOMAIN_NAME ? 99 : id, value);
    assertThat(AvPairs.parse(pairs.encode())).isEqualTo(pairs);
  }

  @Property(tries = 100)
  void signSealRoundTripForAnyPayload(@ForAll @Size(max = 2000) byte[] payload, @ForAll boolean seal) throws Exception {
    NtlmHandshakeTest t = new NtlmHandshakeTest();
    NtlmHandshakeTest.Pair p = t.handshake(PROVIDER, NtlmHandshakeTest.alice(), seal ? AuthnLevel.PKT_PRIVACY : AuthnLevel.PKT_INTEGRITY);
    byte[] pdu = Arrays.copyOf(payload, payload.length + 16);
    var segs = java.util.List.of(
        org.msrpc4j.security.MessageSegment.data(pdu, 0, payload.length),
        org.msrpc4j.security.MessageSegment.token(pdu, payload.length, 16));
    if (seal) {
      p.client().seal(segs);
      p.server().unseal(segs);
    } else {
      p.client().sign(segs);
      p.server().verify(segs);
    }
    assertThat(Arrays.copyOf(pdu, payload.length)).isEqualTo(payload);
  }
}
