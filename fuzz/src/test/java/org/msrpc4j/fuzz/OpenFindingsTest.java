package org.msrpc4j.fuzz;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * Findings of the fuzz campaigns whose fix belongs to another module and has not landed yet. Each
 * test replays its reproducer through the target that found it and is disabled with the bug's
 * description; when the fix lands, move the reproducer into the target's {@code …Inputs}
 * directory (where {@code mvn test} replays it forever) and delete the test here.
 */
class OpenFindingsTest {
  @Test
  // fixed: DceKerberosServerContext.acceptApReq rejects it with INVALID_TOKEN
  void kerberosTicketWithANullServerNameComponent() throws IOException {
    KerberosFuzzTest.fuzzerTestOneInput(reproducer("kerberos-ticket-sname-null-component"));
  }

  @Test
  // fixed: DceKerberosServerContext.acceptApReq rejects it with INVALID_TOKEN
  void kerberosTicketWithoutServerNameComponents() throws IOException {
    KerberosFuzzTest.fuzzerTestOneInput(reproducer("kerberos-ticket-sname-without-components"));
  }

  @Test
  // fixed: DceKerberosServerContext.acceptApReq rejects it with INVALID_TOKEN
  void kerberosTicketWithoutCipher() throws IOException {
    KerberosFuzzTest.fuzzerTestOneInput(reproducer("kerberos-ticket-without-cipher"));
  }

  @Test
  @Disabled("open finding (authz): an SDDL resource-attribute ACE whose string value holds control characters"
      + " (NUL, 0x01) and non-ASCII characters parses, but Sddl.format writes a form that parses to a different"
      + " value (160 vs 86 bytes of application data): the SDDL round trip loses or rewrites such strings.")
  void sddlClaimStringWithControlCharactersRoundTrips() throws IOException {
    SecurityDescriptorFuzzTest.fuzzerTestOneInput(reproducer("sddl-claim-string-with-control-characters"));
  }

  @Test
  @Disabled("open finding (authz): for descriptors Sddl.parse accepts, Sddl.format writes text that Sddl.parse"
      + " refuses (unbalanced parentheses in a resource attribute's extra data, conditional expressions nested"
      + " deeper than the parser allows, empty attribute names, TS values without quotes).")
  void sddlFormatOutputParses() throws IOException {
    SecurityDescriptorFuzzTest.fuzzerTestOneInput(reproducer("sddl-format-output-does-not-parse"));
  }

  private static byte[] reproducer(String name) throws IOException {
    try (InputStream in = OpenFindingsTest.class.getResourceAsStream("open-findings/" + name)) {
      if (in == null) {
        throw new IOException("missing reproducer " + name);
      }
      return in.readAllBytes();
    }
  }
}
