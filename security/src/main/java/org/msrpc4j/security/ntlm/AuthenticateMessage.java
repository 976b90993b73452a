package org.msrpc4j.security.ntlm;

import java.nio.charset.StandardCharsets;
import org.msrpc4j.security.SecurityContextException;

/**
 * AUTHENTICATE_MESSAGE ([MS-NLMP] 2.2.1.3). Always written with Version and MIC fields (an 88-byte
 * header, as Windows and Samba do). Immutable by convention.
 *
 * @param lmResponse LmChallengeResponse
 * @param ntResponse NtChallengeResponse
 * @param domain the user's domain
 * @param user the user name
 * @param workstation the client's workstation name
 * @param encryptedRandomSessionKey empty without key exchange
 * @param flags NegotiateFlags
 * @param mic the 16-byte MIC, or null when the message has no MIC field
 */
record AuthenticateMessage(
    byte[] lmResponse,
    byte[] ntResponse,
    String domain,
    String user,
    String workstation,
    byte[] encryptedRandomSessionKey,
    int flags,
    byte[] mic) {
  static final int TYPE = 3;
  static final int MIC_OFFSET = 72;
  static final int HEADER_WITH_MIC = 88;

  byte[] encode() {
    boolean unicode = (flags & NtlmFlags.NEGOTIATE_UNICODE) != 0;
    NtlmWriter w = new NtlmWriter(TYPE, HEADER_WITH_MIC);
    w.putField(12, lmResponse);
    w.putField(20, ntResponse);
    w.putField(28, text(domain, unicode));
    w.putField(36, text(user, unicode));
    w.putField(44, text(workstation, unicode));
    w.putField(52, encryptedRandomSessionKey);
    w.putU32(60, flags);
    if ((flags & NtlmFlags.NEGOTIATE_VERSION) != 0) {
      w.putBytes(64, NtlmVersion.current());
    }
    if (mic != null) {
      w.putBytes(MIC_OFFSET, mic);
    }
    return w.toByteArray();
  }

  private static byte[] text(String s, boolean unicode) {
    return s.getBytes(unicode ? StandardCharsets.UTF_16LE : StandardCharsets.ISO_8859_1);
  }

  /** Parses; the MIC is read when the payload starts at or after offset 88. */
  static AuthenticateMessage parse(byte[] msg) throws SecurityContextException {
    NtlmReader r = NtlmReader.open(msg, TYPE, 64, "AUTHENTICATE_MESSAGE");
    int flags = r.u32(60);
    boolean unicode = (flags & NtlmFlags.NEGOTIATE_UNICODE) != 0;
    byte[] lm = r.field(12, "LmChallengeResponse", 24);
    byte[] nt = r.field(20, "NtChallengeResponse", NtlmReader.MAX_MESSAGE);
    String domain = r.stringField(28, "DomainName", unicode);
    String user = r.stringField(36, "UserName", unicode);
    String workstation = r.stringField(44, "Workstation", unicode);
    byte[] key = r.field(52, "EncryptedRandomSessionKey", 16);
    int firstPayload = Integer.MAX_VALUE;
    for (int off = 12; off <= 52; off += 8) {
      firstPayload = Math.min(firstPayload, r.payloadOffsetIfUsed(off));
    }
    byte[] mic = null;
    if (firstPayload >= HEADER_WITH_MIC && r.length() >= HEADER_WITH_MIC) {
      mic = r.bytes(MIC_OFFSET, 16);
    }
    return new AuthenticateMessage(lm, nt, domain, user, workstation, key, flags, mic);
  }
}
