package org.msrpc4j.security.ntlm;

/**
 * The 8-byte VERSION structure ([MS-NLMP] 2.2.2.10) this implementation sends: Windows 6.1 build
 * 7600 style, NTLMSSP revision 15, as Samba sends. Constants only.
 */
final class NtlmVersion {
  private NtlmVersion() {}

  /** ProductMajor 6, ProductMinor 1, ProductBuild 7600, reserved, NTLMRevisionCurrent 0x0F. */
  static byte[] current() {
    return new byte[] {6, 1, (byte) 0xB0, 0x1D, 0, 0, 0, 0x0F};
  }
}
