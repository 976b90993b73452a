package org.msrpc4j.fuzz;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * Findings of the fuzz campaigns, replayed through the target that found them. A finding whose fix
 * has not landed is a disabled test here (with the bug's description) and its deduplication token
 * is in {@code fuzz/open-findings.txt}, so that run-fuzz does not fail on it; when the fix lands the
 * test is enabled (it must pass) and the token removed. The reproducers are also seeds of their
 * target ({@code …Inputs}), where {@code mvn test} replays them too.
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
  // fixed: ClaimAttributeSddl refuses NUL and double quotes in TS values (char-string has no
  // escape; NUL ends the binary string) and escapes attribute names as %XXXX (attr-char2)
  void sddlClaimStringWithControlCharactersRoundTrips() throws IOException {
    SecurityDescriptorFuzzTest.fuzzerTestOneInput(reproducer("sddl-claim-string-with-control-characters"));
  }

  @Test
  // fixed: Sddl.format writes only text that Sddl.parse reads back to the same descriptor (shallower
  // conditional expressions when the canonical form nests too deep, %XXXX names, quoted values), or
  // throws NotExpressibleInSddlException
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
