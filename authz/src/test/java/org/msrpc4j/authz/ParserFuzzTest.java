package org.msrpc4j.authz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzz-style properties for both parsers: whatever the input, the only failure is a
 * {@link SecurityFormatException} with a position inside the input, and what parses round-trips.
 */
class ParserFuzzTest {

  @Property(tries = 1500)
  void randomBytesFailOnlyWithPositionedErrors(@ForAll byte[] bytes) {
    decodeSafely(bytes);
  }

  @Property(tries = 1500)
  void mutatedDescriptorsFailOnlyWithPositionedErrors(@ForAll("seeds") long seed) {
    Random r = new Random(seed);
    byte[] b = rich(seed).toBytes();
    int mutations = 1 + r.nextInt(4);
    for (int i = 0; i < mutations && b.length > 0; i++) {
      switch (r.nextInt(3)) {
        case 0 -> b[r.nextInt(b.length)] = (byte) r.nextInt(256);
        case 1 -> b = java.util.Arrays.copyOf(b, r.nextInt(b.length + 1));
        default -> b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
      }
    }
    SecurityDescriptor sd = decodeSafely(b);
    if (sd != null) {
      // Whatever decodes must encode and decode to itself.
      try {
        assertThat(SecurityDescriptor.fromBytes(sd.toBytes())).isEqualTo(sd);
      } catch (SecurityFormatException e) {
        throw new AssertionError("re-encoded descriptor does not decode", e);
      } catch (IllegalArgumentException tooLarge) {
        assertThat(tooLarge).hasMessageContaining("65535");
      }
    }
  }

  @Property(tries = 1500)
  void randomSddlFailsOnlyWithPositionedErrors(@ForAll("sddlish") String text) {
    parseSafely(text);
  }

  @Property(tries = 1500)
  void mutatedSddlFailsOnlyWithPositionedErrors(@ForAll("seeds") long seed) {
    Random r = new Random(seed);
    StringBuilder s = new StringBuilder(Sddl.format(rich(seed), RandomSecurity.DOMAIN));
    String alphabet = "OGDSPAIRNCO_():;-0123456789xABCDEFWLUXZM \"{}#";
    int mutations = 1 + r.nextInt(4);
    for (int i = 0; i < mutations && s.length() > 0; i++) {
      int at = r.nextInt(s.length());
      switch (r.nextInt(3)) {
        case 0 -> s.setCharAt(at, alphabet.charAt(r.nextInt(alphabet.length())));
        case 1 -> s.deleteCharAt(at);
        default -> s.insert(at, alphabet.charAt(r.nextInt(alphabet.length())));
      }
    }
    SecurityDescriptor sd = parseSafely(s.toString());
    if (sd != null) {
      try {
        String again = Sddl.format(sd, RandomSecurity.DOMAIN);
        assertThat(Sddl.parse(again, RandomSecurity.DOMAIN)).isEqualTo(sd);
      } catch (SecurityFormatException e) {
        throw new AssertionError("canonical form of a parsed descriptor does not parse", e);
      }
    }
  }

  @Property(tries = 1000)
  void generatedDescriptorsRoundTrip(@ForAll("seeds") long seed) throws SecurityFormatException {
    SecurityDescriptor sd = rich(seed);
    assertThat(SecurityDescriptor.fromBytes(sd.toBytes())).isEqualTo(sd);
    assertThat(Sddl.parse(Sddl.format(sd, RandomSecurity.DOMAIN), RandomSecurity.DOMAIN)).isEqualTo(sd);
    assertThat(Sddl.parse(Sddl.format(sd))).isEqualTo(sd);
  }

  private static SecurityDescriptor rich(long seed) {
    try {
      return new RandomSecurity(seed).richDescriptor();
    } catch (SecurityFormatException e) {
      throw new AssertionError("the generator's own SDDL does not parse", e);
    }
  }

  @Provide
  Arbitrary<Long> seeds() {
    return Arbitraries.longs();
  }

  @Provide
  Arbitrary<String> sddlish() {
    return Arbitraries.strings().withChars("OGDSPAIRNC_():;-0123456789xabcdefWLUXZMT \"{}#,").ofMaxLength(80)
        .map(s -> switch (s.length() % 3) {
          case 0 -> "D:" + s;
          case 1 -> "O:" + s;
          default -> s;
        });
  }

  private static SecurityDescriptor decodeSafely(byte[] b) {
    try {
      return SecurityDescriptor.fromBytes(b);
    } catch (SecurityFormatException e) {
      assertThat(e.position()).isBetween(0, Math.max(0, b.length));
      return null;
    }
  }

  private static SecurityDescriptor parseSafely(String s) {
    try {
      return Sddl.parse(s, RandomSecurity.DOMAIN);
    } catch (SecurityFormatException e) {
      assertThat(e.position()).isBetween(0, s.length());
      assertThat(e.getMessage()).contains("position");
      return null;
    }
  }
}
