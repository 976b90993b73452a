package org.msrpc4j.security.ntlm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.msrpc4j.security.ntlm.Hex.b;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.msrpc4j.security.SecurityContextException;
import org.msrpc4j.security.SecurityStatus;

/** NTLM message serialise/parse round trips and the errors malformed messages get. */
class NtlmMessagesTest {

  @Property(tries = 300)
  void challengeRoundTrip(@ForAll int flags, @ForAll @Size(8) byte[] challenge,
      @ForAll @StringLength(max = 30) String target, @ForAll @AlphaChars @StringLength(max = 20) String domain)
      throws Exception {
    int f = flags | NtlmFlags.NEGOTIATE_UNICODE | NtlmFlags.NEGOTIATE_TARGET_INFO;
    AvPairs info = AvPairs.empty().withString(AvPairs.NB_DOMAIN_NAME, domain).with(AvPairs.TIMESTAMP, AvPairs.le64(flags));
    ChallengeMessage back = ChallengeMessage.parse(new ChallengeMessage(f, target, challenge, info).encode());
    assertThat(back.flags()).isEqualTo(f);
    assertThat(back.targetName()).isEqualTo(target);
    assertThat(back.serverChallenge()).isEqualTo(challenge);
    assertThat(back.targetInfo()).isEqualTo(info);
  }

  @Property(tries = 300)
  void authenticateRoundTrip(@ForAll @Size(max = 24) byte[] lm, @ForAll @Size(max = 600) byte[] nt,
      @ForAll @StringLength(max = 20) String domain, @ForAll @StringLength(max = 20) String user,
      @ForAll @StringLength(max = 15) String ws, @ForAll @Size(16) byte[] key, @ForAll @Size(16) byte[] mic,
      @ForAll boolean unicode) throws Exception {
    int flags = (unicode ? NtlmFlags.NEGOTIATE_UNICODE : NtlmFlags.NEGOTIATE_OEM) | NtlmFlags.NEGOTIATE_VERSION;
    if (!unicode) { // OEM strings are Latin-1 here
      domain = latin1(domain);
      user = latin1(user);
      ws = latin1(ws);
    }
    AuthenticateMessage back = AuthenticateMessage.parse(new AuthenticateMessage(lm, nt, domain, user, ws, key, flags, mic).encode());
    assertThat(back.lmResponse()).isEqualTo(lm);
    assertThat(back.ntResponse()).isEqualTo(nt);
    assertThat(back.domain()).isEqualTo(domain);
    assertThat(back.user()).isEqualTo(user);
    assertThat(back.workstation()).isEqualTo(ws);
    assertThat(back.encryptedRandomSessionKey()).isEqualTo(key);
    assertThat(back.flags()).isEqualTo(flags);
    assertThat(back.mic()).isEqualTo(mic);
  }

  private static String latin1(String s) {
    StringBuilder b = new StringBuilder();
    s.chars().forEach(c -> b.append((char) (c & 0xff)));
    return b.toString();
  }

  @Property(tries = 200)
  void negotiateRoundTrip(@ForAll int flags, @ForAll @AlphaChars @StringLength(max = 15) String domain,
      @ForAll @AlphaChars @StringLength(max = 15) String ws) throws Exception {
    NegotiateMessage back = NegotiateMessage.parse(new NegotiateMessage(flags, domain, ws).encode());
    assertThat(back.domain()).isEqualTo(domain);
    assertThat(back.workstation()).isEqualTo(ws);
  }

  private static void rejected(byte[] msg, int type, String fragment) {
    assertThatThrownBy(() -> {
          switch (type) {
            case 1 -> NegotiateMessage.parse(msg);
            case 2 -> ChallengeMessage.parse(msg);
            default -> AuthenticateMessage.parse(msg);
          }
        })
        .isInstanceOf(SecurityContextException.class)
        .hasMessageContaining(fragment)
        .satisfies(e -> assertThat(((SecurityContextException) e).status()).isEqualTo(SecurityStatus.INVALID_TOKEN));
  }

  @Test
  void malformedMessagesGetClearErrors() throws Exception {
    byte[] challenge = new ChallengeMessage(NtlmFlags.NEGOTIATE_UNICODE | NtlmFlags.NEGOTIATE_TARGET_INFO, "DOM",
        new byte[8], AvPairs.empty().withString(AvPairs.NB_DOMAIN_NAME, "DOM")).encode();
    rejected(null, 2, "no CHALLENGE_MESSAGE token");
    rejected(Arrays.copyOf(challenge, 20), 2, "truncated");
    byte[] badSig = challenge.clone();
    badSig[0] = 'X';
    rejected(badSig, 2, "NTLMSSP signature");
    rejected(challenge, 3, "expected an NTLM AUTHENTICATE_MESSAGE (type 3) but got type 2");
    byte[] outside = challenge.clone();
    outside[44] = (byte) 0xF0; // TargetInfo offset far beyond the end
    rejected(outside, 2, "points outside the message");
    byte[] noEol = challenge.clone();
    int infoLen = noEol[40] & 0xff;
    noEol[40] = (byte) (infoLen - 4); // cut the EOL off the AV list
    noEol[42] = (byte) (infoLen - 4);
    rejected(noEol, 2, "not terminated by MsvAvEOL");
    byte[] odd = challenge.clone();
    odd[12] = 5; // an odd-length UTF-16 TargetName
    rejected(odd, 2, "odd length");
    rejected(new byte[70_000], 2, "more than the 65535");
  }

  @Test
  void avPairLongerThanItsListIsRejected() {
    assertThatThrownBy(() -> AvPairs.parse(b("0200ff00414243")))
        .isInstanceOf(SecurityContextException.class)
        .hasMessageContaining("longer than the list");
  }
}
