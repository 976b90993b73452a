package org.msrpc4j.cli;

import java.io.PrintWriter;
import java.util.List;
import org.msrpc4j.authz.Sddl;
import org.msrpc4j.authz.SecurityDescriptor;
import org.msrpc4j.authz.SecurityFormatException;
import org.msrpc4j.authz.SecurityInformation;
import org.msrpc4j.runtime.RpcStatus;
import org.msrpc4j.store.StoreClient;
import org.msrpc4j.store.StoreEntryInfo;

/**
 * How {@code msrpc store} prints results and reads its SDDL arguments. Not thread-safe (writes to
 * one stream).
 */
final class StoreCommandActions {
  /** Owner, group and DACL: what getacl asks for (the SACL needs a privilege). */
  static final int READABLE_PARTS = SecurityInformation.OWNER | SecurityInformation.GROUP | SecurityInformation.DACL;

  private final PrintWriter out;

  StoreCommandActions(PrintWriter out) {
    this.out = out;
  }

  void list(List<StoreEntryInfo> entries) {
    for (StoreEntryInfo e : entries) {
      out.println(e.container() ? e.name() + "/" : e.name());
    }
    out.flush();
  }

  void acl(SecurityDescriptor sd) {
    out.println(Sddl.format(sd));
    out.flush();
  }

  void whoami(StoreClient.Identity id) {
    out.println("client principal:     " + (id.principal() == null ? "(none)" : id.principal()));
    out.println("authentication level: " + id.authLevel());
    out.println("authentication svc:   " + id.authService());
    out.println("impersonation status: " + id.impersonationStatus()
        + (id.impersonationStatus() == 0 ? "" : " (" + RpcStatus.nameOf(id.impersonationStatus()) + ")"));
    out.println("user:                 " + (id.userSid() == null ? "(no authorization context)" : id.userSid()));
    for (String g : id.groupSids()) {
      out.println("group:                " + g);
    }
    out.flush();
  }

  /** The parts a setacl SDDL names, and the descriptor. */
  record Modification(int securityInformation, SecurityDescriptor descriptor) {}

  /**
   * Parses a setacl argument: the parts present (O:, G:, D:) are the ones set.
   *
   * @throws IllegalArgumentException when the SDDL does not parse or names no part
   */
  static Modification modification(String sddl) {
    SecurityDescriptor sd;
    try {
      sd = Sddl.parse(sddl);
    } catch (SecurityFormatException e) {
      throw new IllegalArgumentException("bad SDDL: " + e.getMessage());
    }
    int si = 0;
    if (sd.owner() != null) {
      si |= SecurityInformation.OWNER;
    }
    if (sd.group() != null) {
      si |= SecurityInformation.GROUP;
    }
    if (sd.isDaclPresent()) {
      si |= SecurityInformation.DACL;
      si |= sd.hasControl(SecurityDescriptor.DACL_PROTECTED) ? SecurityInformation.PROTECTED_DACL
          : SecurityInformation.UNPROTECTED_DACL;
    }
    if (si == 0) {
      throw new IllegalArgumentException("the SDDL names no owner (O:), group (G:) or DACL (D:)");
    }
    return new Modification(si, sd);
  }

  /** "/a/b" → "/a"; "/a" → "/". */
  static String parentOf(String path) {
    String p = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
    int slash = p.lastIndexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("a path must start with '/': " + path);
    }
    return slash == 0 ? "/" : p.substring(0, slash);
  }

  /** "/a/b" → "b". */
  static String nameOf(String path) {
    String p = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
    return p.substring(p.lastIndexOf('/') + 1);
  }
}
