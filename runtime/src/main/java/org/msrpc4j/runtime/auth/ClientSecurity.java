package org.msrpc4j.runtime.auth;

import java.util.List;
import java.util.Objects;
import org.msrpc4j.security.CurrentCredentialsResolver;
import org.msrpc4j.security.SecurityProviderRegistry;
import org.msrpc4j.security.SubjectCredentialsResolver;
import org.msrpc4j.security.ntlm.NtlmSecurityProvider;

/**
 * What a client runtime uses to authenticate bindings: the security providers, how "the current
 * thread's credentials" are found, and two wire options (request header signing, send the
 * verification trailer). Immutable; thread-safe.
 *
 * @param providers the providers by service
 * @param currentCredentials resolves the identity when a binding's identity is null
 * @param headerSigning set PFC_SUPPORT_HEADER_SIGN in bind / alter_context
 * @param verificationTrailer append the [MS-RPCE] 2.2.2.13 verification trailer to requests at
 *     PKT level and above
 */
public record ClientSecurity(SecurityProviderRegistry providers, CurrentCredentialsResolver currentCredentials,
    boolean headerSigning, boolean verificationTrailer) {
  public ClientSecurity {
    Objects.requireNonNull(providers, "providers");
    Objects.requireNonNull(currentCredentials, "currentCredentials");
  }

  /**
   * NTLM; current credentials from an impersonated caller's delegation, then the JAAS Subject;
   * header signing and the verification trailer on.
   */
  public static ClientSecurity defaults() {
    return new ClientSecurity(SecurityProviderRegistry.of(List.of(NtlmSecurityProvider.client())),
        defaultResolver(), true, true);
  }

  /** The impersonation resolver first, then the JAAS Subject. */
  public static CurrentCredentialsResolver defaultResolver() {
    return CurrentCredentialsResolver.firstOf(List.of(new ImpersonationCredentialsResolver(), new SubjectCredentialsResolver()));
  }

  public ClientSecurity withProviders(SecurityProviderRegistry p) {
    return new ClientSecurity(p, currentCredentials, headerSigning, verificationTrailer);
  }

  public ClientSecurity withCurrentCredentials(CurrentCredentialsResolver r) {
    return new ClientSecurity(providers, r, headerSigning, verificationTrailer);
  }

  public ClientSecurity withHeaderSigning(boolean on) {
    return new ClientSecurity(providers, currentCredentials, on, verificationTrailer);
  }

  public ClientSecurity withVerificationTrailer(boolean on) {
    return new ClientSecurity(providers, currentCredentials, headerSigning, on);
  }
}
