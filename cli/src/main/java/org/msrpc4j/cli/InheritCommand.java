package org.msrpc4j.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.msrpc4j.authz.AutoInheritFlags;
import org.msrpc4j.authz.PrivateObjectSecurity;
import org.msrpc4j.authz.Sddl;
import org.msrpc4j.authz.SecurityDescriptor;
import org.msrpc4j.authz.SecurityFormatException;
import org.msrpc4j.authz.SecurityOperationException;
import org.msrpc4j.authz.Sid;
import org.msrpc4j.authz.Token;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code msrpc inherit}: the descriptor CreatePrivateObjectSecurityEx gives a new object under
 * {@code --parent}, printed as SDDL. Exit 0 on success, 2 on bad input. Stateless per invocation.
 */
@Command(name = "inherit", mixinStandardHelpOptions = true,
    description = {"Compute the security descriptor of a new object created under a parent",
        "([MS-DTYP] 2.5.3.4), as CreatePrivateObjectSecurityEx would, and print it as SDDL."})
public final class InheritCommand implements Callable<Integer> {
  @Option(names = "--parent", required = true, paramLabel = "SDDL", description = "The parent container's descriptor.")
  String parent;

  @Option(names = "--creator", paramLabel = "SDDL", description = "The descriptor the creator asks for.")
  String creator;

  static final class Kind {
    @Option(names = "--container", required = true, description = "The new object is a container.")
    boolean container;

    @Option(names = "--object", required = true, description = "The new object is a leaf object.")
    boolean object;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Kind kind;

  @Option(names = "--owner", required = true, paramLabel = "SID", description = "The creator's default owner.")
  String owner;

  @Option(names = "--group", required = true, paramLabel = "SID", description = "The creator's primary group.")
  String group;

  @Option(names = "--no-auto-inherit",
      description = "Plain CreatePrivateObjectSecurity: no SEF_DACL_AUTO_INHERIT / SEF_SACL_AUTO_INHERIT.")
  boolean noAutoInherit;

  @Option(names = "--mapping", paramLabel = "file|key|ds|generic", defaultValue = "file",
      description = "Generic mapping of the object type (default ${DEFAULT-VALUE}).")
  String mapping;

  @Option(names = "--domain-sid", paramLabel = "SID", description = "Domain for DA, DU, LA, … aliases.")
  String domainSid;

  @Override
  public Integer call() {
    try {
      Sid domain = domainSid == null ? null : Sid.parse(domainSid);
      SecurityDescriptor p = Sddl.parse(parent, domain);
      SecurityDescriptor c = creator == null ? null : Sddl.parse(creator, domain);
      Sid o = Sddl.parseSid(owner, domain);
      Token token = Token.builder(o).defaultOwner(o).primaryGroup(Sddl.parseSid(group, domain)).build();
      // A calculator, not a gate: the owner and SACL privilege checks are the server's business.
      int flags = AutoInheritFlags.SEF_AVOID_OWNER_CHECK | AutoInheritFlags.SEF_AVOID_PRIVILEGE_CHECK
          | (noAutoInherit ? 0 : AutoInheritFlags.SEF_DACL_AUTO_INHERIT | AutoInheritFlags.SEF_SACL_AUTO_INHERIT);
      SecurityDescriptor sd = PrivateObjectSecurity.createEx(p, c, null, kind.container, flags, token,
          AccessCheckCommandMasks.mapping(mapping.toLowerCase(Locale.ROOT)));
      System.out.println(Sddl.format(sd, domain));
      return 0;
    } catch (SecurityFormatException | SecurityOperationException | IllegalArgumentException e) {
      System.err.println("msrpc inherit: " + e.getMessage());
      return 2;
    }
  }
}
