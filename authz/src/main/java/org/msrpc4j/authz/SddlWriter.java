package org.msrpc4j.authz;

import java.util.Locale;

/** Produces canonical SDDL; see {@link Sddl#format}. Stateless and thread-safe. */
final class SddlWriter {
  private SddlWriter() {}

  static String format(SecurityDescriptor sd, Sid domainSid) {
    StringBuilder sb = new StringBuilder(64);
    if (sd.owner() != null) {
      sb.append("O:").append(Sddl.formatSid(sd.owner(), domainSid));
    }
    if (sd.group() != null) {
      sb.append("G:").append(Sddl.formatSid(sd.group(), domainSid));
    }
    if (sd.isDaclPresent()) {
      sb.append("D:");
      appendAcl(sb, sd.dacl(), sd.control(), SecurityDescriptor.DACL_PROTECTED,
          SecurityDescriptor.DACL_AUTO_INHERIT_REQ, SecurityDescriptor.DACL_AUTO_INHERITED, domainSid);
    }
    if (sd.isSaclPresent()) {
      sb.append("S:");
      appendAcl(sb, sd.sacl(), sd.control(), SecurityDescriptor.SACL_PROTECTED,
          SecurityDescriptor.SACL_AUTO_INHERIT_REQ, SecurityDescriptor.SACL_AUTO_INHERITED, domainSid);
    }
    return sb.toString();
  }

  private static void appendAcl(StringBuilder sb, Acl acl, int control, int protectedBit, int reqBit,
      int inheritedBit, Sid domainSid) {
    if ((control & protectedBit) != 0) {
      sb.append('P');
    }
    if ((control & reqBit) != 0) {
      sb.append("AR");
    }
    if ((control & inheritedBit) != 0) {
      sb.append("AI");
    }
    if (acl == null) {
      sb.append("NO_ACCESS_CONTROL");
      return;
    }
    for (Ace a : acl.aces()) {
      appendAce(sb, a, domainSid);
    }
  }

  static void appendAce(StringBuilder sb, Ace a, Sid domainSid) {
    AceType t = a.type();
    if (a.isOpaque() || t == null || t.sddl() == null) {
      throw new NotExpressibleInSddlException("ACE type 0x" + Integer.toHexString(a.typeCode()) + " has no SDDL form");
    }
    sb.append('(').append(t.sddl()).append(';');
    for (int i = 0; i < AceFlags.SDDL_BITS.length; i++) {
      if ((a.flags() & AceFlags.SDDL_BITS[i]) != 0) {
        sb.append(AceFlags.SDDL_NAMES[i]);
      }
    }
    int unknownFlags = a.flags() & ~0xDF;
    if (unknownFlags != 0) {
      throw new NotExpressibleInSddlException("ACE flag 0x" + Integer.toHexString(unknownFlags) + " has no SDDL form");
    }
    sb.append(';').append(SddlRights.format(a.mask(), t)).append(';');
    if (a.objectType() != null) {
      sb.append(a.objectType().toString().toLowerCase(Locale.ROOT));
    }
    sb.append(';');
    if (a.inheritedObjectType() != null) {
      sb.append(a.inheritedObjectType().toString().toLowerCase(Locale.ROOT));
    }
    sb.append(';').append(Sddl.formatSid(a.sid(), domainSid));
    if (t == AceType.SYSTEM_RESOURCE_ATTRIBUTE) {
      if (a.applicationDataLength() == 0) {
        throw new NotExpressibleInSddlException("a resource attribute ACE without attribute data has no SDDL form");
      }
      sb.append(";(").append(ClaimAttributeSddl.format(a.applicationDataUnsafe())).append(')');
    } else if (t.isCallback()) {
      if (a.applicationDataLength() > 0) {
        sb.append(";(").append(ConditionalExpressionSddl.format(a.applicationDataUnsafe(), domainSid)).append(')');
      }
    } else if (a.applicationDataLength() > 0) {
      // Windows drops such bytes; dropping them would make the text parse to another ACE.
      throw new NotExpressibleInSddlException("ACE type " + t.sddl() + " has " + a.applicationDataLength()
          + " bytes after its SID, which SDDL cannot write");
    }
    sb.append(')');
  }
}
