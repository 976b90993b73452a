package org.msrpc4j.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.PrivilegedAction;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.Subject;
import org.junit.jupiter.api.Test;
import org.msrpc4j.security.ntlm.NtlmSecurityProvider;

class ApiTest {
  @Test
  void levelsAndTheirWireValues() {
    assertThat(AuthnLevel.PKT_PRIVACY.value()).isEqualTo(6);
    assertThat(AuthnLevel.fromValue(5)).isEqualTo(AuthnLevel.PKT_INTEGRITY);
    assertThat(AuthnLevel.CALL.effectiveForConnectionOriented()).isEqualTo(AuthnLevel.PKT);
    assertThat(AuthnLevel.DEFAULT.effectiveForConnectionOriented()).isEqualTo(AuthnLevel.CONNECT);
    assertThat(AuthnLevel.CONNECT.protectsEachPdu()).isFalse();
    assertThat(AuthnLevel.CALL.effectiveForConnectionOriented().protectsEachPdu()).isTrue();
    assertThat(AuthnLevel.CALL.isAtLeast(AuthnLevel.PKT)).isTrue();
    assertThat(AuthnLevel.PKT_INTEGRITY.isAtLeast(AuthnLevel.PKT_PRIVACY)).isFalse();
    assertThatThrownBy(() -> AuthnLevel.fromValue(7)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void servicesAndTheirWireValues() {
    assertThat(AuthnService.WINNT.wireValue()).isEqualTo(10);
    assertThat(AuthnService.GSS_NEGOTIATE.wireValue()).isEqualTo(9);
    assertThat(AuthnService.GSS_KERBEROS.wireValue()).isEqualTo(16);
    assertThat(AuthnService.DEFAULT.apiValue()).isEqualTo(0xFFFFFFFF);
    assertThat(AuthnService.DEFAULT.resolveDefault()).isEqualTo(AuthnService.WINNT);
    assertThat(AuthnService.fromWire(16)).isEqualTo(AuthnService.GSS_KERBEROS);
    assertThat(AuthnService.WINNT.completesWithAuth3()).isTrue();
    assertThat(AuthnService.GSS_KERBEROS.completesWithAuth3()).isFalse();
  }

  @Test
  void identitiesNeverShowSecrets() {
    ClientIdentity p = ClientIdentity.password("EXAMPLE", "alice", "Sup3rSecret".toCharArray());
    ClientIdentity h = NtHashIdentity.fromHex("EXAMPLE", "bob", "0cb6948805f797bf2a82807973b89537");
    assertThat(p.toString()).contains("alice").doesNotContain("Sup3rSecret");
    assertThat(h.toString()).contains("bob").doesNotContain("0cb694");
    assertThat(ClientIdentity.anonymous().isAnonymous()).isTrue();
    assertThatThrownBy(() -> NtHashIdentity.fromHex("D", "u", "secretsecret")).hasMessageNotContaining("secret");
  }

  @Test
  void passwordIsCopiedIn() {
    char[] pw = "abc".toCharArray();
    PasswordIdentity id = new PasswordIdentity("D", "u", pw);
    pw[0] = 'X';
    assertThat(id.password()).containsExactly('a', 'b', 'c');
  }

  @Test
  void subjectResolverFindsTheIdentityOfTheCurrentSubject() throws Exception {
    SubjectCredentialsResolver resolver = new SubjectCredentialsResolver();
    assertThat(resolver.resolve()).isEmpty();
    ClientIdentity alice = ClientIdentity.password("EXAMPLE", "alice", "x".toCharArray());
    Subject subject = new Subject(false, Set.of(), Set.of(), Set.of(alice));
    @SuppressWarnings("removal")
    Optional<ClientIdentity> found = Subject.doAs(subject, (PrivilegedAction<Optional<ClientIdentity>>) resolver::resolve);
    assertThat(found).contains(alice);
  }

  @Test
  void resolverChainAndClearError() {
    ClientIdentity anon = ClientIdentity.anonymous();
    CurrentCredentialsResolver chain =
        CurrentCredentialsResolver.firstOf(List.of(CurrentCredentialsResolver.none(), () -> Optional.of(anon)));
    assertThat(chain.resolve()).contains(anon);
    assertThatThrownBy(() -> CurrentCredentialsResolver.none().resolveOrThrow())
        .isInstanceOf(SecurityContextException.class)
        .satisfies(e -> assertThat(((SecurityContextException) e).status()).isEqualTo(SecurityStatus.NO_CREDENTIALS));
  }

  @Test
  void registryFindsByServiceAndResolvesDefault() throws Exception {
    SecurityProviderRegistry r = SecurityProviderRegistry.of(List.of(NtlmSecurityProvider.client()));
    assertThat(r.find(AuthnService.DEFAULT)).isPresent();
    assertThat(r.find(AuthnService.GSS_KERBEROS)).isEmpty();
    assertThatThrownBy(() -> r.require(AuthnService.GSS_KERBEROS)).isInstanceOf(SecurityContextException.class);
    assertThatThrownBy(() -> SecurityProviderRegistry.of(List.of(NtlmSecurityProvider.client(), NtlmSecurityProvider.client())))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void clientOnlyProviderHasNoServerSide() {
    assertThatThrownBy(() -> NtlmSecurityProvider.client().newServerContext(new ServerContextRequest(AuthnLevel.CONNECT)))
        .isInstanceOf(SecurityContextException.class)
        .satisfies(e -> assertThat(((SecurityContextException) e).status()).isEqualTo(SecurityStatus.UNSUPPORTED_FUNCTION));
  }

  @Test
  void contextStepCopiesTokens() {
    byte[] t = {1, 2, 3};
    ContextStep s = ContextStep.continueWith(t);
    t[0] = 9;
    assertThat(s.token()).containsExactly(1, 2, 3);
    assertThat(ContextStep.complete(null).hasToken()).isFalse();
  }

  @Test
  void segmentsAreBoundsChecked() {
    assertThatThrownBy(() -> MessageSegment.data(new byte[4], 2, 3)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void qosDefaults() {
    assertThat(SecurityQos.DEFAULT.impersonationLevel()).isEqualTo(ImpersonationLevel.IMPERSONATE);
    SecurityQos q = new SecurityQos(Set.of(QosCapability.MUTUAL_AUTH), IdentityTracking.DYNAMIC, ImpersonationLevel.DELEGATE);
    assertThat(q.mutualAuth()).isTrue();
    assertThat(q.capabilityMask()).isEqualTo(1);
  }
}
