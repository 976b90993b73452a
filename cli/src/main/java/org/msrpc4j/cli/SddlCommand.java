package org.msrpc4j.cli;

import java.util.HexFormat;
import java.util.concurrent.Callable;
import org.msrpc4j.authz.Sddl;
import org.msrpc4j.authz.SecurityDescriptor;
import org.msrpc4j.authz.SecurityFormatException;
import org.msrpc4j.authz.Sid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code msrpc sddl}: prints a security descriptor in canonical SDDL, as self-relative hex, or as a
 * readable table. Exit 0 on success, 2 on bad input. Stateless per invocation.
 */
@Command(name = "sddl", mixinStandardHelpOptions = true,
    description = {"Print a security descriptor in canonical SDDL (as Windows prints it).",
        "Give SDDL, or its self-relative binary with --from-hex."})
public final class SddlCommand implements Callable<Integer> {
  @Parameters(index = "0", arity = "0..1", paramLabel = "SDDL", description = "The descriptor in SDDL.")
  String sddl;

  @Option(names = "--from-hex", paramLabel = "HEX", description = "Decode this self-relative descriptor instead.")
  String fromHex;

  @Option(names = "--domain-sid", paramLabel = "SID", description = "Domain for DA, DU, LA, … aliases.")
  String domainSid;

  @Option(names = "--hex", description = "Print the self-relative binary (Windows field order) in hex.")
  boolean hex;

  @Option(names = "--explain", description = "Print owner, group, flags and each ACE as a table.")
  boolean explain;

  @Override
  public Integer call() {
    Sid domain;
    SecurityDescriptor sd;
    try {
      domain = domainSid == null ? null : Sid.parse(domainSid);
      if ((sddl == null) == (fromHex == null)) {
        System.err.println("msrpc sddl: give either SDDL or --from-hex HEX");
        return 2;
      }
      if (fromHex != null) {
        byte[] bytes;
        try {
          bytes = HexFormat.of().parseHex(fromHex.replaceAll("[\\s:]", ""));
        } catch (IllegalArgumentException e) {
          System.err.println("msrpc sddl: --from-hex is not hexadecimal: " + e.getMessage());
          return 2;
        }
        sd = SecurityDescriptor.fromBytes(bytes);
      } else {
        sd = Sddl.parse(sddl, domain);
      }
    } catch (SecurityFormatException e) {
      System.err.println("msrpc sddl: " + e.getMessage());
      if (sddl != null && fromHex == null) {
        System.err.println("  " + sddl);
        System.err.println("  " + " ".repeat(Math.min(e.position(), sddl.length())) + "^");
      }
      return 2;
    } catch (IllegalArgumentException e) {
      System.err.println("msrpc sddl: " + e.getMessage());
      return 2;
    }
    try {
      if (hex) {
        System.out.println(HexFormat.of().formatHex(sd.toBytes()));
      } else if (explain) {
        System.out.print(SddlCommandTable.render(sd, domain));
      } else {
        System.out.println(Sddl.format(sd, domain));
      }
      return 0;
    } catch (IllegalArgumentException e) {
      // A decoded descriptor may hold ACEs that SDDL cannot express, or ACLs too large to encode.
      System.err.println("msrpc sddl: " + e.getMessage());
      return 2;
    }
  }
}
