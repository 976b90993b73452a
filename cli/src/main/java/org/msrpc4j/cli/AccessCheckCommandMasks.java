package org.msrpc4j.cli;

import org.msrpc4j.authz.AccessMasks;
import org.msrpc4j.authz.GenericMapping;
import org.msrpc4j.authz.Sddl;
import org.msrpc4j.authz.SecurityFormatException;

/** Parses the {@code --desired} and {@code --mapping} values of {@code msrpc access-check}. Stateless. */
final class AccessCheckCommandMasks {
  private AccessCheckCommandMasks() {}

  /** A mask as a number or SDDL rights; "MA" and "AS" add MAXIMUM_ALLOWED and ACCESS_SYSTEM_SECURITY. */
  static int parse(String text) throws SecurityFormatException {
    int extra = 0;
    StringBuilder rest = new StringBuilder();
    boolean numeric = !text.isEmpty() && Character.isDigit(text.charAt(0));
    if (numeric) {
      return Sddl.parseRights(text);
    }
    for (int i = 0; i + 2 <= text.length(); i += 2) {
      String tok = text.substring(i, i + 2);
      if (tok.equals("MA")) {
        extra |= AccessMasks.MAXIMUM_ALLOWED;
      } else if (tok.equals("AS")) {
        extra |= AccessMasks.ACCESS_SYSTEM_SECURITY;
      } else {
        rest.append(tok);
      }
    }
    if (text.length() % 2 != 0) {
      throw new SecurityFormatException(text.length() - 1, "incomplete access right in \"" + text + "\"");
    }
    return extra | Sddl.parseRights(rest.toString());
  }

  static GenericMapping mapping(String name) {
    return switch (name) {
      case "file" -> GenericMapping.FILE;
      case "key" -> GenericMapping.KEY;
      case "ds" -> GenericMapping.DIRECTORY;
      case "generic" -> GenericMapping.IDENTITY;
      default -> throw new IllegalArgumentException("unknown mapping \"" + name + "\" (file, key, ds or generic)");
    };
  }
}
