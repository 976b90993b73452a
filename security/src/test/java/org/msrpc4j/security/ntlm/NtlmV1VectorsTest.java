package org.msrpc4j.security.ntlm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.msrpc4j.security.ntlm.Hex.b;
import static org.msrpc4j.security.ntlm.Hex.s;

import org.junit.jupiter.api.Test;

/** [MS-NLMP] 4.2.3 (NTLMv1 with client challenge), the scheme a server accepts only when NTLMv1 is enabled. */
class NtlmV1VectorsTest {
  private static final byte[] NT_HASH = NtlmCrypto.ntowfV1("Password".toCharArray());
  private static final byte[] SERVER_CHALLENGE = b("0123456789abcdef");
  private static final byte[] CLIENT_CHALLENGE = b("aaaaaaaaaaaaaaaa");

  @Test
  void ntResponse() {
    assertThat(s(NtlmV1Response.ntResponse(NT_HASH, SERVER_CHALLENGE, CLIENT_CHALLENGE)))
        .isEqualTo("7537f803ae367128ca458204bde7caf81e97ed2683267232");
  }

  @Test
  void sessionBaseKeyAndKeyExchangeKey() {
    byte[] base = NtlmV1Response.sessionBaseKey(NT_HASH);
    assertThat(s(base)).isEqualTo("d87262b0cde4b1cb7499becccdf10784");
    byte[] lm = b("aaaaaaaaaaaaaaaa00000000000000000000000000000000");
    assertThat(s(NtlmV1Response.keyExchangeKey(base, SERVER_CHALLENGE, lm))).isEqualTo("eb93429a8bd952f8b89c55b87f475edc");
  }
}
