package org.msrpc4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.msrpc4j.runtime.client.RpcBinding;
import org.msrpc4j.security.AuthnLevel;
import org.msrpc4j.security.AuthnService;
import org.msrpc4j.security.NtHashIdentity;
import org.msrpc4j.security.PasswordIdentity;
import picocli.CommandLine;

class AuthOptionsTest {
  static AuthOptions.Resolved resolve(String binding, String... args) throws Exception {
    AuthOptions o = new AuthOptions();
    new CommandLine(o).parseArgs(args);
    return o.resolve(RpcBinding.parse(binding));
  }

  @Test
  void noOptionsMeansUnauthenticated() throws Exception {
    assertThat(resolve("ncacn_ip_tcp:h[1]").authenticated()).isFalse();
  }

  @Test
  void sambaStyleUserAndBindingOptions() throws Exception {
    AuthOptions.Resolved r = resolve("ncacn_ip_tcp:dc[seal]", "-U", "EXAMPLE/alice%Alic3Pass!x");
    assertThat(r.level()).isEqualTo(AuthnLevel.PKT_PRIVACY);
    assertThat(r.service()).isEqualTo(AuthnService.WINNT);
    assertThat(r.spn()).isEqualTo("host/dc");
    PasswordIdentity id = (PasswordIdentity) r.identity();
    assertThat(id.domain()).isEqualTo("EXAMPLE");
    assertThat(id.user()).isEqualTo("alice");
    assertThat(new String(id.password())).isEqualTo("Alic3Pass!x");
    assertThat(resolve("ncacn_ip_tcp:dc[sign]", "-U", "alice%x").level()).isEqualTo(AuthnLevel.PKT_INTEGRITY);
    assertThat(resolve("ncacn_ip_tcp:dc", "-U", "alice%x").level()).isEqualTo(AuthnLevel.PKT_INTEGRITY);
    assertThat(resolve("ncacn_ip_tcp:dc[seal]", "-U", "alice%x", "--level", "connect").level()).isEqualTo(AuthnLevel.CONNECT);
    assertThat(resolve("ncacn_ip_tcp:dc[krb5]", "-U", "alice%x").service()).isEqualTo(AuthnService.GSS_KERBEROS);
    assertThat(resolve("ncacn_ip_tcp:dc[seal]", "-U", "alice%x", "--auth", "none").authenticated()).isFalse();
  }

  @Test
  void kerberosFromTheCredentialCache() throws Exception {
    AuthOptions.Resolved r = resolve("ncacn_ip_tcp:dc[sign,krb5]", "-k", "--spn", "host/dc.example.test");
    assertThat(r.service()).isEqualTo(AuthnService.GSS_KERBEROS);
    assertThat(r.level()).isEqualTo(AuthnLevel.PKT_INTEGRITY);
    assertThat(r.identity()).as("null = the current thread's (the ccache)").isNull();
    assertThat(r.spn()).isEqualTo("host/dc.example.test");
    assertThat(resolve("ncacn_ip_tcp:dc[seal]", "-k").service()).isEqualTo(AuthnService.GSS_NEGOTIATE);
  }

  @Test
  void sealWithoutUserIsAnonymousNtlm() throws Exception {
    AuthOptions.Resolved r = resolve("ncacn_ip_tcp:dc[seal]");
    assertThat(r.authenticated()).isTrue();
    assertThat(r.identity().isAnonymous()).isTrue();
  }

  @Test
  void ntHashAndErrors() throws Exception {
    AuthOptions.Resolved r = resolve("ncacn_ip_tcp:dc", "-U", "EXAMPLE\\bob", "--nthash", "0cb6948805f797bf2a82807973b89537");
    assertThat(r.identity()).isInstanceOf(NtHashIdentity.class);
    assertThatThrownBy(() -> resolve("ncacn_ip_tcp:dc", "-U", "bob", "--nthash", "zz"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--nthash");
    assertThatThrownBy(() -> resolve("ncacn_ip_tcp:dc", "--level", "loud"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown level");
  }
}
