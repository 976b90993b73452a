package org.msrpc4j.authz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class SidTest {

  @Test
  void binaryFormMatchesSpecLayout() {
    // [MS-DTYP] 2.4.2.2: revision, count, 6-byte big-endian authority, little-endian sub-authorities.
    Sid sid = Sid.parse("S-1-5-32-544");
    assertThat(HexFormat.of().formatHex(sid.toBytes())).isEqualTo("01020000000000052000000020020000");
    assertThat(sid.binaryLength()).isEqualTo(16);
    assertThat(sid).isEqualTo(Sid.BUILTIN_ADMINISTRATORS);
  }

  @Test
  void largeAuthorityIsPrintedInHexAndParsedBack() {
    Sid sid = Sid.of(0x1234_5678_9ABCL, 1);
    assertThat(sid.toString()).isEqualTo("S-1-0x123456789ABC-1");
    assertThat(Sid.parse(sid.toString())).isEqualTo(sid);
    assertThat(Sid.of(0xFFFF_FFFFL, 4294967295L).toString()).isEqualTo("S-1-4294967295-4294967295");
  }

  @Test
  void domainHelpers() {
    Sid domain = Sid.parse("S-1-5-21-1-2-3");
    Sid alice = domain.withRid(1104);
    assertThat(alice.toString()).isEqualTo("S-1-5-21-1-2-3-1104");
    assertThat(alice.domainOf()).isEqualTo(domain);
    assertThat(alice.rid()).isEqualTo(1104);
    assertThat(alice.isInDomain(domain)).isTrue();
    assertThat(domain.isDomainSid()).isTrue();
  }

  @Test
  void badStringsNamePosition() {
    assertThatThrownBy(() -> Sid.parse("S-2-5")).hasMessageContaining("revision");
    assertThatThrownBy(() -> Sid.parse("S-1-5-x")).hasMessageContaining("position 6");
    assertThatThrownBy(() -> Sid.parse("S-1-5-4294967296")).hasMessageContaining("too large");
    assertThatThrownBy(() -> Sid.parse("S-1-5-1-2-3-4-5-6-7-8-9-10-11-12-13-14-15-16"))
        .hasMessageContaining("at most 15");
    assertThatThrownBy(() -> Sid.parse("S-1-5--1")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Sid.parse("S-1-٥")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void truncatedBinaryIsRejectedWithOffset() {
    byte[] b = Sid.BUILTIN_USERS.toBytes();
    byte[] shortB = java.util.Arrays.copyOf(b, b.length - 1);
    assertThatThrownBy(() -> Sid.fromBytes(shortB, 0)).isInstanceOf(SecurityFormatException.class)
        .hasMessageContaining("truncated");
    assertThatThrownBy(() -> Sid.fromBytes(b, 20)).isInstanceOf(SecurityFormatException.class);
    assertThatThrownBy(() -> Sid.fromBytes(b, -1)).isInstanceOf(SecurityFormatException.class);
    byte[] badCount = b.clone();
    badCount[1] = 16;
    assertThatThrownBy(() -> Sid.fromBytes(badCount, 0)).hasMessageContaining("exceeds 15");
  }

  @Property
  void stringAndBinaryRoundTrip(@ForAll @LongRange(max = 0xFFFF_FFFF_FFFFL) long authority,
      @ForAll @Size(max = 15) long[] subs) {
    long[] u = new long[subs.length];
    for (int i = 0; i < subs.length; i++) {
      u[i] = subs[i] & 0xFFFF_FFFFL;
    }
    Sid sid = Sid.of(authority, u);
    assertThat(Sid.parse(sid.toString())).isEqualTo(sid);
    try {
      assertThat(Sid.fromBytes(sid.toBytes(), 0)).isEqualTo(sid);
    } catch (SecurityFormatException e) {
      throw new AssertionError(e);
    }
  }

  @Property
  void randomBytesNeverThrowUnchecked(@ForAll byte[] bytes, @ForAll @IntRange(min = -2, max = 40) int off) {
    try {
      Sid sid = Sid.fromBytes(bytes, off);
      assertThat(sid.binaryLength()).isLessThanOrEqualTo(bytes.length - off);
    } catch (SecurityFormatException expected) {
      assertThat(expected.position()).isGreaterThanOrEqualTo(0);
    }
  }
}
