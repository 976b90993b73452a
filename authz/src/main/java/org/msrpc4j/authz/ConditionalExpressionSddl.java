package org.msrpc4j.authz;

/**
 * Conditional expressions of callback ACEs ([MS-DTYP] 2.4.4.17): SDDL text to and from the binary
 * "artx" form.
 *
 * <p>Stateless and thread-safe.
 */
final class ConditionalExpressionSddl {
  private ConditionalExpressionSddl() {}

  static byte[] parse(String text, int pos, Sid domainSid) throws SecurityFormatException {
    throw new SecurityFormatException(pos, "conditional expressions are not supported yet");
  }

  static String format(byte[] data) {
    throw new IllegalArgumentException("conditional expressions cannot be rendered as SDDL yet");
  }
}
