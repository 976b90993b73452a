package org.msrpc4j.security.ntlm;

import java.nio.charset.StandardCharsets;
import org.msrpc4j.security.SecurityContextException;

/**
 * CHALLENGE_MESSAGE ([MS-NLMP] 2.2.1.2). Immutable by convention: the arrays are never modified
 * after construction.
 *
 * @param flags NegotiateFlags chosen by the server
 * @param targetName the target name (the server's domain or computer name)
 * @param serverChallenge 8 random bytes
 * @param targetInfo the AV pairs (empty when TARGET_INFO is not set)
 */
record ChallengeMessage(int flags, String targetName, byte[] serverChallenge, AvPairs targetInfo) {
  static final int TYPE = 2;

  byte[] encode() {
    boolean unicode = (flags & NtlmFlags.NEGOTIATE_UNICODE) != 0;
    NtlmWriter w = new NtlmWriter(TYPE, 56);
    w.putField(
        12,
        targetName.getBytes(unicode ? StandardCharsets.UTF_16LE : StandardCharsets.ISO_8859_1));
    w.putU32(20, flags);
    w.putBytes(24, serverChallenge);
    w.putField(40, (flags & NtlmFlags.NEGOTIATE_TARGET_INFO) != 0 ? targetInfo.encode() : new byte[0]);
    if ((flags & NtlmFlags.NEGOTIATE_VERSION) != 0) {
      w.putBytes(48, NtlmVersion.current());
    }
    return w.toByteArray();
  }

  static ChallengeMessage parse(byte[] msg) throws SecurityContextException {
    NtlmReader r = NtlmReader.open(msg, TYPE, 32, "CHALLENGE_MESSAGE");
    int flags = r.u32(20);
    String targetName = r.stringField(12, "TargetName", (flags & NtlmFlags.NEGOTIATE_UNICODE) != 0);
    byte[] challenge = r.bytes(24, 8);
    AvPairs info = AvPairs.empty();
    if ((flags & NtlmFlags.NEGOTIATE_TARGET_INFO) != 0 && r.length() >= 48) {
      byte[] raw = r.field(40, "TargetInfo", NtlmReader.MAX_MESSAGE);
      if (raw.length > 0) {
        info = AvPairs.parse(raw);
      }
    }
    return new ChallengeMessage(flags, targetName, challenge, info);
  }
}
