package org.msrpc4j.authz;

/**
 * Resource attribute data of RA ACEs: SDDL attribute-data ([MS-DTYP] 2.5.1.1) to and from
 * CLAIM_SECURITY_ATTRIBUTE_RELATIVE_V1 ([MS-DTYP] 2.4.10.1).
 *
 * <p>Stateless and thread-safe.
 */
final class ClaimAttributeSddl {
  private ClaimAttributeSddl() {}

  static byte[] parse(String text, int pos, Sid domainSid) throws SecurityFormatException {
    throw new SecurityFormatException(pos, "resource attribute data is not supported yet");
  }

  static String format(byte[] data) {
    throw new IllegalArgumentException("resource attribute data cannot be rendered as SDDL yet");
  }
}
