package org.msrpc4j.security.ntlm;

import java.nio.charset.StandardCharsets;
import org.msrpc4j.security.SecurityContextException;

/**
 * NEGOTIATE_MESSAGE ([MS-NLMP] 2.2.1.1). Domain and workstation are OEM strings and usually empty.
 * Immutable (the version array is copied on parse and not exposed for mutation by this package).
 *
 * @param flags NegotiateFlags
 * @param domain the OEM domain name, or empty
 * @param workstation the OEM workstation name, or empty
 */
record NegotiateMessage(int flags, String domain, String workstation) {
  static final int TYPE = 1;

  /** Serialises with an 8-byte Version when NEGOTIATE_VERSION is set. */
  byte[] encode() {
    boolean version = (flags & NtlmFlags.NEGOTIATE_VERSION) != 0;
    NtlmWriter w = new NtlmWriter(TYPE, version ? 40 : 32);
    int f = flags;
    if (!domain.isEmpty()) {
      f |= NtlmFlags.NEGOTIATE_OEM_DOMAIN_SUPPLIED;
    }
    if (!workstation.isEmpty()) {
      f |= NtlmFlags.NEGOTIATE_OEM_WORKSTATION_SUPPLIED;
    }
    w.putU32(12, f);
    w.putField(16, domain.getBytes(StandardCharsets.ISO_8859_1));
    w.putField(24, workstation.getBytes(StandardCharsets.ISO_8859_1));
    if (version) {
      w.putBytes(32, NtlmVersion.current());
    }
    return w.toByteArray();
  }

  /** Parses a NEGOTIATE_MESSAGE; old 16-byte forms without names are accepted. */
  static NegotiateMessage parse(byte[] msg) throws SecurityContextException {
    NtlmReader r = NtlmReader.open(msg, TYPE, 16, "NEGOTIATE_MESSAGE");
    int flags = r.u32(12);
    String domain = "";
    String workstation = "";
    if (r.length() >= 32) {
      if ((flags & NtlmFlags.NEGOTIATE_OEM_DOMAIN_SUPPLIED) != 0) {
        domain = r.stringField(16, "DomainName", false);
      }
      if ((flags & NtlmFlags.NEGOTIATE_OEM_WORKSTATION_SUPPLIED) != 0) {
        workstation = r.stringField(24, "Workstation", false);
      }
    }
    return new NegotiateMessage(flags, domain, workstation);
  }
}
