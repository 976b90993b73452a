package org.msrpc4j.authz;

/**
 * Security Descriptor Definition Language ([MS-DTYP] 2.5.1): parse and produce.
 *
 * <p>Stateless and thread-safe. {@link #format} prints the canonical form Windows' 
 * ConvertSecurityDescriptorToStringSecurityDescriptor produces: sections O, G, D, S in that order;
 * ACL flags as P, AR, AI; ACE flags in the order OI CI NP IO ID SA FA; rights as aliases where one
 * exists (see {@link SddlRights}); SIDs as aliases, the domain-relative ones (DA, DU, …) when a
 * domain SID is given; lower-case GUIDs.
 */
public final class Sddl {
  private Sddl() {}

  /**
   * Parses an SDDL string.
   *
   * @param domainSid the domain for DA, DU, … aliases, or null (then those aliases are errors)
   * @throws SecurityFormatException naming the character index and the reason
   */
  public static SecurityDescriptor parse(String sddl, Sid domainSid) throws SecurityFormatException {
    return new SddlParser(sddl, domainSid).parse();
  }

  /** Parses an SDDL string without a domain SID. */
  public static SecurityDescriptor parse(String sddl) throws SecurityFormatException {
    return parse(sddl, null);
  }

  /**
   * Formats a descriptor as canonical SDDL.
   *
   * <p>The text parses back ({@link #parse}, same domain SID) to the same descriptor, except for
   * what SDDL does not record: control bits other than the P/AR/AI flags and the presence bits, and
   * the integer width of conditional-expression literals (they read back as INT64) and the byte
   * layout of resource-attribute data (it reads back in this library's layout). Everything
   * {@link #parse} accepts formats.
   *
   * @param domainSid the domain whose SIDs print as DA, DU, …, or null
   * @throws NotExpressibleInSddlException (an {@link IllegalArgumentException}) if the descriptor
   *     holds something SDDL cannot express exactly; see that class for the cases
   */
  public static String format(SecurityDescriptor sd, Sid domainSid) {
    return SddlWriter.format(sd, domainSid);
  }

  /**
   * Formats without a domain SID.
   *
   * @throws NotExpressibleInSddlException as {@link #format(SecurityDescriptor, Sid)}
   */
  public static String format(SecurityDescriptor sd) {
    return format(sd, null);
  }

  /**
   * Formats one ACE as {@code (type;flags;rights;guid;guid;sid)}.
   *
   * @throws NotExpressibleInSddlException as {@link #format(SecurityDescriptor, Sid)}
   */
  public static String formatAce(Ace ace, Sid domainSid) {
    StringBuilder sb = new StringBuilder();
    SddlWriter.appendAce(sb, ace, domainSid);
    return sb.toString();
  }

  /** Formats a SID as its alias when one exists, else S-1-…. */
  public static String formatSid(Sid sid, Sid domainSid) {
    String a = SddlSidAliases.aliasOf(sid, domainSid);
    return a != null ? a : sid.toString();
  }

  /**
   * Parses an access mask written as SDDL rights (e.g. {@code FR}, {@code RPWP}) or as a number
   * (hex with 0x, octal with a leading 0, or decimal).
   */
  public static int parseRights(String text) throws SecurityFormatException {
    return SddlRights.parse(text, 0, AceType.ACCESS_ALLOWED);
  }

  /** Formats an access mask as Windows prints it in an ACE of {@code type}. */
  public static String formatRights(int mask, AceType type) {
    return SddlRights.format(mask, type);
  }

  /** Parses a SID given as an alias or in S-1-… form. */
  public static Sid parseSid(String text, Sid domainSid) throws SecurityFormatException {
    if (text.length() == 2 && SddlSidAliases.isAlias(text)) {
      Sid s = SddlSidAliases.resolve(text, domainSid);
      if (s == null) {
        throw new SecurityFormatException(0, "SID alias " + text + " is domain-relative and needs a domain SID");
      }
      return s;
    }
    return Sid.parse(text, 0);
  }
}
