package org.msrpc4j.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.msrpc4j.authz.AccessCheck;
import org.msrpc4j.authz.AccessCheckResult;
import org.msrpc4j.authz.GenericMapping;
import org.msrpc4j.authz.Sddl;
import org.msrpc4j.authz.SecurityDescriptor;
import org.msrpc4j.authz.SecurityFormatException;
import org.msrpc4j.authz.Sid;
import org.msrpc4j.authz.Token;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code msrpc access-check}: runs the [MS-DTYP] 2.5.3.2 access check for a token built from the
 * options and prints the granted mask in hex. Exit 0 when everything desired is granted, 1 when
 * denied, 2 on bad input. Stateless per invocation.
 */
@Command(name = "access-check", mixinStandardHelpOptions = true,
    description = {"Check whether a token gets the desired access to a security descriptor.",
        "Prints the granted mask in hex; exit 0 granted, 1 denied, 2 bad input."})
public final class AccessCheckCommand implements Callable<Integer> {
  @Option(names = "--sd", required = true, paramLabel = "SDDL", description = "The object's security descriptor.")
  String sd;

  @Option(names = "--user", required = true, paramLabel = "SID", description = "The caller's user SID (or alias).")
  String user;

  @Option(names = "--group", paramLabel = "SID", description = "An enabled group SID (repeatable).")
  List<String> groups = new ArrayList<>();

  @Option(names = "--deny-only-group", paramLabel = "SID", description = "A deny-only group SID (repeatable).")
  List<String> denyOnlyGroups = new ArrayList<>();

  @Option(names = "--privilege", paramLabel = "NAME", description = "A privilege, e.g. SeSecurityPrivilege.")
  List<String> privileges = new ArrayList<>();

  @Option(names = "--integrity", paramLabel = "SID",
      description = "The token's integrity level (LW, ME, HI, SI or S-1-16-…): enables the mandatory integrity check.")
  String integrity;

  @Option(names = "--desired", required = true, paramLabel = "MASK",
      description = "Desired access: 0x…, decimal, or SDDL rights such as FR or RPWP; MA for MAXIMUM_ALLOWED.")
  String desired;

  @Option(names = "--mapping", paramLabel = "file|key|ds|generic", defaultValue = "generic",
      description = "Generic mapping for GENERIC_* bits in the request (default ${DEFAULT-VALUE}: left as is).")
  String mapping;

  @Option(names = "--domain-sid", paramLabel = "SID", description = "Domain for DA, DU, LA, … aliases.")
  String domainSid;

  @Override
  public Integer call() {
    SecurityDescriptor descriptor;
    Token token;
    int mask;
    GenericMapping gm;
    try {
      Sid domain = domainSid == null ? null : Sid.parse(domainSid);
      descriptor = Sddl.parse(sd, domain);
      Token.Builder b = Token.builder(Sddl.parseSid(user, domain));
      for (String g : groups) {
        b.group(Sddl.parseSid(g, domain));
      }
      for (String g : denyOnlyGroups) {
        b.denyOnlyGroup(Sddl.parseSid(g, domain));
      }
      privileges.forEach(b::privilege);
      if (integrity != null) {
        b.integrityLevel(Sddl.parseSid(integrity, domain));
      }
      token = b.build();
      mask = AccessCheckCommandMasks.parse(desired);
      gm = AccessCheckCommandMasks.mapping(mapping.toLowerCase(Locale.ROOT));
    } catch (SecurityFormatException | IllegalArgumentException e) {
      System.err.println("msrpc access-check: " + e.getMessage());
      return 2;
    }
    AccessCheckResult r = AccessCheck.check(descriptor, token, mask, gm);
    System.out.println(String.format("0x%08x", r.grantedAccess()));
    if (!r.isGranted()) {
      System.err.println(r.status() == AccessCheckResult.PRIVILEGE_NOT_HELD
          ? "denied: ACCESS_SYSTEM_SECURITY needs SeSecurityPrivilege (error 1314)"
          : "denied (error 5)");
      return 1;
    }
    return 0;
  }
}
