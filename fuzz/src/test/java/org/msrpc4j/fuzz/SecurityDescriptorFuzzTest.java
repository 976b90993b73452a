package org.msrpc4j.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import org.msrpc4j.authz.NotExpressibleInSddlException;
import org.msrpc4j.authz.SecurityDescriptor;
import org.msrpc4j.authz.SecurityDescriptorBinary;
import org.msrpc4j.authz.SecurityFormatException;
import org.msrpc4j.authz.Sddl;
import org.msrpc4j.authz.Sid;

/**
 * The two descriptor parsers of the authz module: self-relative binary ([MS-DTYP] 2.4.6) and SDDL
 * ([MS-DTYP] 2.5.1), including conditional and resource-attribute ACEs, and the SDDL writer.
 *
 * <p>Contract: the parsers fail only with {@link SecurityFormatException}. What parses from SDDL
 * formats, and the text parses to the same descriptor. What decodes from binary re-encodes to the
 * same descriptor, and either formats as SDDL that parses and formats to the same text, or is
 * refused with {@link NotExpressibleInSddlException} (binary can hold what SDDL cannot write).
 */
class SecurityDescriptorFuzzTest {
  /** The domain for domain-relative aliases (DA, DU, …), as a server in that domain parses them. */
  static final Sid DOMAIN = Sid.parse("S-1-5-21-1111111111-2222222222-3333333333");

  @FuzzTest(maxDuration = "60s")
  void descriptors(byte[] input) {
    fuzzerTestOneInput(input);
  }

  /** The libFuzzer-style entry point; byte 0 even: binary, odd: SDDL text (ISO-8859-1). */
  public static void fuzzerTestOneInput(byte[] input) {
    if (input.length < 1) {
      return;
    }
    byte[] body = Arrays.copyOfRange(input, 1, input.length);
    Set<Class<? extends Exception>> allowed = Set.of(SecurityFormatException.class);
    SecurityDescriptor[] sd = new SecurityDescriptor[1];
    if ((input[0] & 1) == 0) {
      if (Documented.run(() -> sd[0] = SecurityDescriptorBinary.decode(body), allowed)) {
        byte[] again = encodeOrNull(sd[0]);
        if (again != null) {
          Documented.run(() -> requireEqual(sd[0], SecurityDescriptorBinary.decode(again)), Set.of());
        }
        String text = formatOrNull(sd[0]);
        if (text != null) {
          Documented.run(() -> requireSameText(text, Sddl.format(Sddl.parse(text, DOMAIN), DOMAIN)), Set.of());
        }
      }
    } else {
      String text = new String(body, StandardCharsets.ISO_8859_1);
      if (Documented.run(() -> sd[0] = Sddl.parse(text, DOMAIN), allowed)) {
        Documented.run(() -> requireEqual(sd[0], Sddl.parse(Sddl.format(sd[0], DOMAIN), DOMAIN)), Set.of());
      }
    }
  }

  /** The binary form, or null when it would exceed the format's 64 KiB ACL size (documented refusal). */
  private static byte[] encodeOrNull(SecurityDescriptor sd) {
    try {
      return SecurityDescriptorBinary.encode(sd);
    } catch (IllegalArgumentException tooLarge) {
      return null;
    }
  }

  /** The SDDL text, or null when SDDL cannot express the descriptor (documented refusal). */
  private static String formatOrNull(SecurityDescriptor sd) {
    try {
      return Sddl.format(sd, DOMAIN);
    } catch (NotExpressibleInSddlException inexpressible) {
      return null;
    } catch (RuntimeException e) {
      throw new Documented.UndocumentedFailure(e);
    }
  }

  private static void requireSameText(String a, String b) {
    if (!a.equals(b)) {
      throw new AssertionError("SDDL text changed on parse and format:\n" + a + "\n" + b);
    }
  }

  private static void requireEqual(SecurityDescriptor a, SecurityDescriptor b) {
    if (!a.equals(b)) {
      throw new AssertionError("round trip changed the descriptor:\n" + a + "\n" + b);
    }
  }
}
