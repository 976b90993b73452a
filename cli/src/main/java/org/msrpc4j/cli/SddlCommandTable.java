package org.msrpc4j.cli;

import org.msrpc4j.authz.Ace;
import org.msrpc4j.authz.AceType;
import org.msrpc4j.authz.Acl;
import org.msrpc4j.authz.Sddl;
import org.msrpc4j.authz.SecurityDescriptor;
import org.msrpc4j.authz.Sid;

/** The {@code --explain} table of {@code msrpc sddl}: owner, group, control flags and one row per ACE. Stateless. */
final class SddlCommandTable {
  private static final String[] CONTROL_NAMES = {"OD", "GD", "DP", "DD", "SP", "SD", "DT", "SS", "DC", "SC", "DI",
      "SI", "PD", "PS", "RM", "SR"};
  private static final String[] FLAG_NAMES = {"OI", "CI", "NP", "IO", "ID", "", "SA", "FA"};

  private SddlCommandTable() {}

  static String render(SecurityDescriptor sd, Sid domain) {
    StringBuilder sb = new StringBuilder();
    sb.append("owner:   ").append(sid(sd.owner(), domain)).append('\n');
    sb.append("group:   ").append(sid(sd.group(), domain)).append('\n');
    StringBuilder c = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      if ((sd.control() & (1 << i)) != 0) {
        c.append(c.length() > 0 ? " " : "").append(CONTROL_NAMES[i]);
      }
    }
    sb.append(String.format("control: 0x%04x %s%n", sd.control(), c));
    acl(sb, "DACL", sd.isDaclPresent(), sd.dacl(), domain);
    acl(sb, "SACL", sd.isSaclPresent(), sd.sacl(), domain);
    return sb.toString();
  }

  private static void acl(StringBuilder sb, String name, boolean present, Acl acl, Sid domain) {
    if (!present) {
      sb.append(name).append(": absent\n");
      return;
    }
    if (acl == null) {
      sb.append(name).append(": null (no access control)\n");
      return;
    }
    sb.append(name).append(": revision ").append(acl.revision()).append(", ").append(acl.size()).append(" ACE(s)\n");
    if (acl.isEmpty()) {
      return;
    }
    sb.append(String.format("  %-3s %-28s %-14s %-10s %-28s %s%n", "#", "type", "flags", "mask", "rights",
        "trustee"));
    int i = 0;
    for (Ace a : acl.aces()) {
      AceType t = a.type();
      String type = t == null ? String.format("0x%02x", a.typeCode()) : t.name();
      if (a.isOpaque()) {
        sb.append(String.format("  %-3d %-28s %-14s (not interpreted, %d bytes)%n", i++, type, flags(a.flags()),
            a.opaqueBody().length));
        continue;
      }
      sb.append(String.format("  %-3d %-28s %-14s 0x%08x %-28s %s%n", i++, type, flags(a.flags()), a.mask(),
          Sddl.formatRights(a.mask(), t), sid(a.sid(), domain)));
      if (a.objectType() != null) {
        sb.append("      object type:           ").append(a.objectType()).append('\n');
      }
      if (a.inheritedObjectType() != null) {
        sb.append("      inherited object type: ").append(a.inheritedObjectType()).append('\n');
      }
      if (a.applicationData().length > 0) {
        sb.append("      application data:      ").append(a.applicationData().length).append(" bytes\n");
      }
    }
  }

  private static String flags(int f) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if ((f & (1 << i)) != 0) {
        s.append(FLAG_NAMES[i].isEmpty() ? "0x20" : FLAG_NAMES[i]);
      }
    }
    return s.length() == 0 ? "-" : s.toString();
  }

  private static String sid(Sid sid, Sid domain) {
    if (sid == null) {
      return "(none)";
    }
    String alias = Sddl.formatSid(sid, domain);
    return alias.equals(sid.toString()) ? alias : alias + " (" + sid + ")";
  }
}
