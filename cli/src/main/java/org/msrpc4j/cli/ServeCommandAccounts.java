package org.msrpc4j.cli;

import java.nio.file.Path;
import java.util.List;
import org.msrpc4j.kerberos.spnego.NegotiateSecurityProvider;
import org.msrpc4j.runtime.auth.ServerAuthPolicy;
import org.msrpc4j.security.AuthnLevel;
import org.msrpc4j.security.SecurityProviderRegistry;
import org.msrpc4j.security.accounts.AccountStore;
import org.msrpc4j.security.accounts.AccountsFileException;
import org.msrpc4j.security.ntlm.NtlmSecurityProvider;
import org.msrpc4j.security.ntlm.NtlmServerConfig;

/**
 * How {@code msrpc serve} authenticates: {@code --accounts FILE} makes an NTLM provider over the
 * YAML account store, {@code --min-level} sets the default minimum level. Stateless.
 */
final class ServeCommandAccounts {
  private ServeCommandAccounts() {}

  /**
   * The server's authentication policy.
   *
   * @param accounts the accounts file, or null for no authentication providers
   * @param minLevel the default minimum level name, or null for none
   * @throws IllegalArgumentException with a message for the user (bad level, bad accounts file —
   *     naming the line)
   */
  static ServerAuthPolicy policy(Path accounts, String minLevel) {
    AuthnLevel minimum = minLevel == null ? AuthnLevel.NONE : AuthOptions.parseLevel(minLevel);
    SecurityProviderRegistry providers = SecurityProviderRegistry.of(List.of());
    if (accounts != null) {
      AccountStore store;
      try {
        store = AccountStore.load(accounts);
      } catch (AccountsFileException e) {
        throw new IllegalArgumentException(e.getMessage(), e);
      }
      NtlmSecurityProvider ntlm = NtlmSecurityProvider.server(NtlmServerConfig.builder(store).build());
      // Negotiate (SPNEGO) too: Samba's clients use it by default and settle on NTLM here.
      providers = SecurityProviderRegistry.of(List.of(ntlm, new NegotiateSecurityProvider(null, ntlm)));
      System.out.println("authentication: NTLM and Negotiate(NTLM) against " + accounts + " (" + store.domain() + ", "
          + store.users().size() + " users), minimum level " + minimum);
    } else if (minimum != AuthnLevel.NONE) {
      throw new IllegalArgumentException("--min-level needs --accounts: without it no caller can authenticate");
    }
    return ServerAuthPolicy.builder(providers).defaultMinimumLevel(minimum).build();
  }
}
