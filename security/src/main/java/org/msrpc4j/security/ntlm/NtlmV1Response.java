package org.msrpc4j.security.ntlm;

import java.util.Arrays;

/**
 * NTLMv1 with extended session security ("NTLM2 session response", [MS-NLMP] 3.3.1 and 3.4.5.1),
 * used only by a server that explicitly allows NTLMv1. Unsafe: the response can be cracked offline.
 * Stateless; thread-safe.
 */
final class NtlmV1Response {
  private NtlmV1Response() {}

  /** NtChallengeResponse = DESL(NTOWFv1, MD5(ServerChallenge ‖ ClientChallenge)[0..7]). */
  static byte[] ntResponse(byte[] ntHash, byte[] serverChallenge, byte[] clientChallenge) {
    byte[] hashed = Arrays.copyOf(NtlmCrypto.md5(serverChallenge, clientChallenge), 8);
    return NtlmCrypto.desl(ntHash, hashed);
  }

  /** SessionBaseKey = MD4(NTOWFv1). */
  static byte[] sessionBaseKey(byte[] ntHash) {
    return org.msrpc4j.security.Md4.digest(ntHash);
  }

  /** KeyExchangeKey with ESS = HMAC_MD5(SessionBaseKey, ServerChallenge ‖ LmChallengeResponse[0..7]). */
  static byte[] keyExchangeKey(byte[] sessionBaseKey, byte[] serverChallenge, byte[] lmResponse) {
    return NtlmCrypto.hmacMd5(sessionBaseKey, serverChallenge, Arrays.copyOf(lmResponse, 8));
  }
}
