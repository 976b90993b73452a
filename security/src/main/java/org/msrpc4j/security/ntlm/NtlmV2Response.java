package org.msrpc4j.security.ntlm;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.msrpc4j.security.SecurityContextException;

/**
 * The NTLMv2 ComputeResponse ([MS-NLMP] 3.3.2) and the parts of a received NTLMv2 response.
 * Immutable by convention; thread-safe.
 *
 * @param ntResponse NtChallengeResponse = NTProofStr ‖ temp
 * @param lmResponse LmChallengeResponse (LMv2, or Z(24) when the server sent a timestamp)
 * @param sessionBaseKey HMAC_MD5(ResponseKeyNT, NTProofStr)
 */
record NtlmV2Response(byte[] ntResponse, byte[] lmResponse, byte[] sessionBaseKey) {

  /** Offsets inside the NTLMv2 client challenge ("temp") that follows the 16-byte NTProofStr. */
  static final int PROOF_LENGTH = 16;
  static final int TIMESTAMP_OFFSET = PROOF_LENGTH + 8;
  static final int CLIENT_CHALLENGE_OFFSET = PROOF_LENGTH + 16;
  static final int AV_PAIRS_OFFSET = PROOF_LENGTH + 28;

  /**
   * ComputeResponse for NTLMv2.
   *
   * @param responseKeyNt NTOWFv2 (also ResponseKeyLM)
   * @param serverChallenge the 8-byte server challenge
   * @param clientChallenge the 8-byte client challenge
   * @param time the FILETIME to put into the response
   * @param avPairs the AV pairs to put into the response (the server's, plus the client's)
   * @param zeroLm send Z(24) as the LM response (when the server sent MsvAvTimestamp)
   */
  static NtlmV2Response compute(
      byte[] responseKeyNt,
      byte[] serverChallenge,
      byte[] clientChallenge,
      long time,
      AvPairs avPairs,
      boolean zeroLm) {
    byte[] temp = temp(clientChallenge, time, avPairs.encode());
    byte[] proof = NtlmCrypto.hmacMd5(responseKeyNt, serverChallenge, temp);
    byte[] nt = concat(proof, temp);
    byte[] lm =
        zeroLm
            ? new byte[24]
            : concat(NtlmCrypto.hmacMd5(responseKeyNt, serverChallenge, clientChallenge), clientChallenge);
    byte[] sessionBaseKey = NtlmCrypto.hmacMd5(responseKeyNt, proof);
    return new NtlmV2Response(nt, lm, sessionBaseKey);
  }

  /** temp = 01 01 Z(6) Time ClientChallenge Z(4) ServerName Z(4). */
  static byte[] temp(byte[] clientChallenge, long time, byte[] encodedAvPairs) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(1);
    out.write(1);
    out.writeBytes(new byte[6]);
    out.writeBytes(AvPairs.le64(time));
    out.writeBytes(clientChallenge);
    out.writeBytes(new byte[4]);
    out.writeBytes(encodedAvPairs);
    out.writeBytes(new byte[4]);
    return out.toByteArray();
  }

  /** The NTProofStr of a received NtChallengeResponse (longer than 24 bytes). */
  static byte[] proof(byte[] ntResponse) {
    return Arrays.copyOf(ntResponse, PROOF_LENGTH);
  }

  /** The "temp" blob of a received NtChallengeResponse. */
  static byte[] blob(byte[] ntResponse) {
    return Arrays.copyOfRange(ntResponse, PROOF_LENGTH, ntResponse.length);
  }

  /** The client's FILETIME in a received NtChallengeResponse. */
  static long timestamp(byte[] ntResponse) {
    return AvPairs.le64(Arrays.copyOfRange(ntResponse, TIMESTAMP_OFFSET, TIMESTAMP_OFFSET + 8));
  }

  /** The AV pairs in a received NtChallengeResponse. */
  static AvPairs avPairs(byte[] ntResponse) throws SecurityContextException {
    if (ntResponse.length < AV_PAIRS_OFFSET + 4) {
      throw NtlmReader.invalid("NTLMv2 response is too short");
    }
    if (ntResponse[PROOF_LENGTH] != 1 || ntResponse[PROOF_LENGTH + 1] != 1) {
      throw NtlmReader.invalid("NTLMv2 response has an unknown version");
    }
    return AvPairs.parse(Arrays.copyOfRange(ntResponse, AV_PAIRS_OFFSET, ntResponse.length));
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
