package org.msrpc4j.security.ntlm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.msrpc4j.security.ntlm.Hex.b;
import static org.msrpc4j.security.ntlm.Hex.s;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.msrpc4j.security.MessageSegment;

/** [MS-NLMP] 4.2.4 (NTLMv2 with extended session security), byte for byte. */
class NtlmV2VectorsTest {
  static final byte[] SERVER_CHALLENGE = b("0123456789abcdef");
  static final byte[] CLIENT_CHALLENGE = b("aaaaaaaaaaaaaaaa");
  static final byte[] RANDOM_SESSION_KEY = b("55555555555555555555555555555555");
  static final int FLAGS = 0xe28a8233;
  static final String TARGET_INFO =
      "02000c0044006f006d00610069006e0001000c0053006500720076006500720000000000"; // 36 bytes (0x24)

  static final String CHALLENGE_MESSAGE =
      "4e544c4d53535000020000000c000c003800000033828ae20123456789abcdef"
          + "00000000000000002400240044000000060070170000000f5300650072007600"
          + "6500720002000c0044006f006d00610069006e0001000c005300650072007600"
          + "6500720000000000";

  static final String AUTHENTICATE_MESSAGE =
      "4e544c4d5353500003000000180018006c00000054005400840000000c000c00"
          + "480000000800080054000000100010005c00000010001000d8000000358288e2"
          + "0501280a0000000f44006f006d00610069006e00550073006500720043004f00"
          + "4d005000550054004500520086c35097ac9cec102554764a57cccc19aaaaaaaa"
          + "aaaaaaaa68cd0ab851e51c96aabc927bebef6a1c010100000000000000000000"
          + "00000000aaaaaaaaaaaaaaaa0000000002000c0044006f006d00610069006e00"
          + "01000c005300650072007600650072000000000000000000c5dad2544fc97990"
          + "94ce1ce90bc9d03e";

  private static byte[] responseKey() {
    return NtlmCrypto.ntowfV2(NtlmCrypto.ntowfV1("Password".toCharArray()), "User", "Domain");
  }

  @Test
  void ntowfV1AndV2() {
    assertThat(s(NtlmCrypto.ntowfV1("Password".toCharArray()))).isEqualTo("a4f49c406510bdcab6824ee7c30fd852");
    assertThat(s(responseKey())).isEqualTo("0c868a403bfd7a93a3001ef22ef02e3f");
  }

  @Test
  void responsesAndSessionBaseKey() throws Exception {
    AvPairs info = AvPairs.parse(b(TARGET_INFO));
    NtlmV2Response r = NtlmV2Response.compute(responseKey(), SERVER_CHALLENGE, CLIENT_CHALLENGE, 0, info, false);
    assertThat(s(r.lmResponse())).isEqualTo("86c35097ac9cec102554764a57cccc19aaaaaaaaaaaaaaaa");
    assertThat(s(Arrays.copyOf(r.ntResponse(), 16))).isEqualTo("68cd0ab851e51c96aabc927bebef6a1c");
    assertThat(s(r.sessionBaseKey())).isEqualTo("8de40ccadbc14a82f15cb0ad0de95ca3");
    // temp as printed in 4.2.4.1.3
    assertThat(s(Arrays.copyOfRange(r.ntResponse(), 16, r.ntResponse().length)))
        .isEqualTo("0101000000000000" + "0000000000000000" + "aaaaaaaaaaaaaaaa" + "00000000" + TARGET_INFO + "00000000");
  }

  @Test
  void zeroLmResponseWhenServerSentTimestamp() throws Exception {
    NtlmV2Response r =
        NtlmV2Response.compute(responseKey(), SERVER_CHALLENGE, CLIENT_CHALLENGE, 0, AvPairs.parse(b(TARGET_INFO)), true);
    assertThat(r.lmResponse()).containsOnly(0).hasSize(24);
  }

  @Test
  void encryptedSessionKeyAndDerivedKeys() {
    byte[] kxkey = b("8de40ccadbc14a82f15cb0ad0de95ca3");
    assertThat(s(NtlmCrypto.rc4k(kxkey, RANDOM_SESSION_KEY))).isEqualTo("c5dad2544fc9799094ce1ce90bc9d03e");
    assertThat(s(NtlmCrypto.sealKey(RANDOM_SESSION_KEY, FLAGS, true))).isEqualTo("59f600973cc4960a25480a7c196e4c58");
    assertThat(s(NtlmCrypto.signKey(RANDOM_SESSION_KEY, true))).isEqualTo("4788dc861b4782f35d43fd98fe1a2d39");
  }

  @Test
  void sealedPlaintextAndSignature() throws Exception {
    NtlmSealingState sender =
        new NtlmSealingState(
            NtlmCrypto.signKey(RANDOM_SESSION_KEY, true), NtlmCrypto.sealKey(RANDOM_SESSION_KEY, FLAGS, true), true);
    byte[] pdu = new byte[18 + 16];
    System.arraycopy(NtlmCrypto.unicode("Plaintext"), 0, pdu, 0, 18);
    int n = sender.protect(List.of(MessageSegment.data(pdu, 0, 18), MessageSegment.token(pdu, 18, 16)), true);
    assertThat(n).isEqualTo(16);
    assertThat(s(Arrays.copyOf(pdu, 18))).isEqualTo("54e50165bf1936dc996020c1811b0f06fb5f");
    assertThat(s(Arrays.copyOfRange(pdu, 18, 34))).isEqualTo("010000007fb38ec5c55d497600000000");
  }

  @Test
  void checksumBeforeRc4() {
    byte[] mac =
        NtlmCrypto.hmacMd5(NtlmCrypto.signKey(RANDOM_SESSION_KEY, true), new byte[4], NtlmCrypto.unicode("Plaintext"));
    assertThat(s(Arrays.copyOf(mac, 8))).isEqualTo("70352851f2564309");
  }

  @Test
  void receiverUnsealsTheVector() throws Exception {
    NtlmSealingState receiver =
        new NtlmSealingState(
            NtlmCrypto.signKey(RANDOM_SESSION_KEY, true), NtlmCrypto.sealKey(RANDOM_SESSION_KEY, FLAGS, true), true);
    byte[] pdu = b("54e50165bf1936dc996020c1811b0f06fb5f" + "010000007fb38ec5c55d497600000000");
    receiver.check(List.of(MessageSegment.data(pdu, 0, 18), MessageSegment.token(pdu, 18, 16)), true);
    assertThat(Arrays.copyOf(pdu, 18)).isEqualTo(NtlmCrypto.unicode("Plaintext"));
  }

  @Test
  void parsesThePublishedChallenge() throws Exception {
    ChallengeMessage c = ChallengeMessage.parse(b(CHALLENGE_MESSAGE));
    assertThat(c.flags()).isEqualTo(FLAGS);
    assertThat(c.targetName()).isEqualTo("Server");
    assertThat(c.serverChallenge()).isEqualTo(SERVER_CHALLENGE);
    assertThat(c.targetInfo()).isEqualTo(AvPairs.parse(b(TARGET_INFO)));
    assertThat(c.targetInfo().findString(AvPairs.NB_DOMAIN_NAME)).contains("Domain");
    assertThat(c.targetInfo().findString(AvPairs.NB_COMPUTER_NAME)).contains("Server");
  }

  @Test
  void serialisesThePublishedChallengeExceptTheVersionBytes() throws Exception {
    byte[] expected = b(CHALLENGE_MESSAGE);
    byte[] actual =
        new ChallengeMessage(FLAGS, "Server", SERVER_CHALLENGE, AvPairs.parse(b(TARGET_INFO))).encode();
    assertThat(actual).hasSameSizeAs(expected);
    // Version (offset 48) differs: the document shows Windows 6.0.6000, we announce 6.1.7600.
    Arrays.fill(actual, 48, 56, (byte) 0);
    Arrays.fill(expected, 48, 56, (byte) 0);
    assertThat(s(actual)).isEqualTo(s(expected));
  }

  @Test
  void parsesThePublishedAuthenticate() throws Exception {
    AuthenticateMessage a = AuthenticateMessage.parse(b(AUTHENTICATE_MESSAGE));
    assertThat(a.flags()).isEqualTo(0xe2888235);
    assertThat(a.domain()).isEqualTo("Domain");
    assertThat(a.user()).isEqualTo("User");
    assertThat(a.workstation()).isEqualTo("COMPUTER");
    assertThat(s(a.lmResponse())).isEqualTo("86c35097ac9cec102554764a57cccc19aaaaaaaaaaaaaaaa");
    assertThat(s(NtlmV2Response.proof(a.ntResponse()))).isEqualTo("68cd0ab851e51c96aabc927bebef6a1c");
    assertThat(s(a.encryptedRandomSessionKey())).isEqualTo("c5dad2544fc9799094ce1ce90bc9d03e");
    assertThat(a.mic()).as("payload starts at 72: no MIC field").isNull();
    assertThat(NtlmV2Response.avPairs(a.ntResponse())).isEqualTo(AvPairs.parse(b(TARGET_INFO)));
  }

  @Test
  void authenticateRoundTrip() throws Exception {
    AuthenticateMessage a = AuthenticateMessage.parse(b(AUTHENTICATE_MESSAGE));
    byte[] mic = b("00112233445566778899aabbccddeeff");
    AuthenticateMessage withMic =
        new AuthenticateMessage(a.lmResponse(), a.ntResponse(), a.domain(), a.user(), a.workstation(),
            a.encryptedRandomSessionKey(), a.flags(), mic);
    AuthenticateMessage back = AuthenticateMessage.parse(withMic.encode());
    assertThat(back.mic()).isEqualTo(mic);
    assertThat(back.ntResponse()).isEqualTo(a.ntResponse());
    assertThat(back.lmResponse()).isEqualTo(a.lmResponse());
    assertThat(back.user()).isEqualTo("User");
    assertThat(back.domain()).isEqualTo("Domain");
    assertThat(back.workstation()).isEqualTo("COMPUTER");
    assertThat(back.flags()).isEqualTo(a.flags());
    assertThat(back.encryptedRandomSessionKey()).isEqualTo(a.encryptedRandomSessionKey());
  }

  @Test
  void negotiateRoundTrip() throws Exception {
    NegotiateMessage n = new NegotiateMessage(0xe2088297, "DOM", "WS");
    NegotiateMessage back = NegotiateMessage.parse(n.encode());
    assertThat(back.domain()).isEqualTo("DOM");
    assertThat(back.workstation()).isEqualTo("WS");
    assertThat(back.flags() & 0xe2088297).isEqualTo(0xe2088297);
  }
}
