package org.msrpc4j.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** DsMakeSpn behaviour, with the Windows expectations recorded in Wine's ntdsapi tests. */
class SpnTest {
  @Test
  void windowsCases() {
    assertThat(Spn.make("class", "host", null, 0, null)).isEqualTo("class/host");
    assertThat(Spn.make("class", "host", "instance", 0, null)).isEqualTo("class/instance/host");
    assertThat(Spn.make("class", "host", "instance", 555, null)).isEqualTo("class/instance:555/host");
    assertThat(Spn.make("class", "host", "instance", 555, "referrer")).isEqualTo("class/instance:555/host");
    assertThat(Spn.make("class", "host", null, 555, "referrer")).isEqualTo("class/host:555");
  }

  @Test
  void documentationExample() {
    assertThat(Spn.make("ldap", "ServerName.domain.com")).isEqualTo("ldap/ServerName.domain.com");
  }

  @Test
  void lengthCountsTheTerminator() {
    assertThat(Spn.bufferLength(Spn.make("class", "host"))).isEqualTo("class/host".length() + 1);
  }

  @Test
  void bufferOverflowReportsTheLengthNeeded() {
    assertThat(Spn.make("class", "host", null, 0, null, 11)).isEqualTo("class/host");
    assertThatThrownBy(() -> Spn.make("class", "host", null, 0, null, 10))
        .isInstanceOf(SpnException.class)
        .satisfies(e -> {
          assertThat(((SpnException) e).status()).isEqualTo(111);
          assertThat(((SpnException) e).requiredLength()).isEqualTo(11);
        });
    assertThatThrownBy(() -> Spn.make("class", "host", "instance", 555, null, 0))
        .satisfies(e -> assertThat(((SpnException) e).requiredLength()).isEqualTo("class/instance:555/host".length() + 1));
  }

  @Test
  void referrerIsUsedForAnIpServiceName() {
    assertThat(Spn.make("ldap", "10.1.2.3", null, 389, "dc1.example.test")).isEqualTo("ldap/10.1.2.3:389/dc1.example.test");
    assertThat(Spn.make("ldap", "fe80::1", null, 0, "dc1.example.test")).isEqualTo("ldap/fe80::1/dc1.example.test");
    assertThat(Spn.make("ldap", "10.1.2.300", null, 0, "dc1")).isEqualTo("ldap/10.1.2.300");
  }

  @Test
  void invalidParameters() {
    assertThatThrownBy(() -> Spn.make(null, null, null, 0, null))
        .isInstanceOf(SpnException.class)
        .satisfies(e -> assertThat(((SpnException) e).status()).isEqualTo(87));
    assertThatThrownBy(() -> Spn.make(null, "host", null, 0, null)).isInstanceOf(SpnException.class);
    assertThatThrownBy(() -> Spn.make("class", null, null, 0, null)).isInstanceOf(SpnException.class);
    assertThatThrownBy(() -> Spn.make("a/b", "host", null, 0, null)).isInstanceOf(SpnException.class);
    assertThatThrownBy(() -> Spn.make("class", "host", null, 65536, null)).isInstanceOf(SpnException.class);
    assertThatThrownBy(() -> Spn.make("class", "host", null, -1, null)).isInstanceOf(SpnException.class);
  }
}
