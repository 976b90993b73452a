package org.msrpc4j.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.msrpc4j.kerberos.client.KerberosException;
import org.msrpc4j.kerberos.client.Keytab;
import org.msrpc4j.kerberos.gss.AccountStoreTokenSource;
import org.msrpc4j.kerberos.gss.KerberosSecurityProvider;
import org.msrpc4j.kerberos.pac.PacTokenSource;
import org.msrpc4j.kerberos.spnego.NegotiateSecurityProvider;
import org.msrpc4j.runtime.auth.ServerAuthPolicy;
import org.msrpc4j.security.AuthnLevel;
import org.msrpc4j.security.SecurityProvider;
import org.msrpc4j.security.SecurityProviderRegistry;
import org.msrpc4j.security.accounts.AccountStore;
import org.msrpc4j.security.accounts.AccountsFileException;
import org.msrpc4j.security.ntlm.NtlmSecurityProvider;
import org.msrpc4j.security.ntlm.NtlmServerConfig;

/**
 * How {@code msrpc serve} authenticates: {@code --accounts FILE} makes an NTLM provider over the
 * YAML account store, {@code --keytab FILE} a Kerberos provider (callers' tokens from their PAC,
 * else from the account store), both together a Negotiate (SPNEGO) provider over them;
 * {@code --embedded-kdc} Kerberos and Negotiate with keys from a KDC started in-process;
 * {@code --min-level} sets the default minimum level. Stateless.
 */
final class ServeCommandAccounts {
  private ServeCommandAccounts() {}

  /**
   * The server's authentication policy.
   *
   * @param accounts the accounts file, or null
   * @param keytab the service's keytab, or null
   * @param minLevel the default minimum level name, or null for none
   * @throws IllegalArgumentException with a message for the user (bad level, bad accounts file —
   *     naming the line —, unreadable keytab)
   */
  static ServerAuthPolicy policy(Path accounts, Path keytab, String minLevel) {
    return policy(accounts, keytab, minLevel, null);
  }

  /**
   * The server's authentication policy, with Kerberos and Negotiate from an embedded KDC.
   *
   * @param accounts the accounts file (required with {@code embeddedKdc})
   * @param keytab the service's keytab, or null (not with {@code embeddedKdc})
   * @param minLevel the default minimum level name, or null for none
   * @param embeddedKdc the KDC to start with the accounts' users, or null; the caller closes it
   * @throws IllegalArgumentException with a message for the user, as above, and when the KDC
   *     cannot start
   */
  static ServerAuthPolicy policy(Path accounts, Path keytab, String minLevel, ServeCommandKdc embeddedKdc) {
    if (embeddedKdc != null && (accounts == null || keytab != null)) {
      throw new IllegalArgumentException("--embedded-kdc needs --accounts (its users become the realm's principals) and no --keytab");
    }
    AuthnLevel minimum = minLevel == null ? AuthnLevel.NONE : AuthOptions.parseLevel(minLevel);
    AccountStore store = null;
    NtlmSecurityProvider ntlm = null;
    KerberosSecurityProvider kerberos = null;
    if (accounts != null) {
      try {
        store = AccountStore.load(accounts);
      } catch (AccountsFileException e) {
        throw new IllegalArgumentException(e.getMessage(), e);
      }
      ntlm = NtlmSecurityProvider.server(NtlmServerConfig.builder(store).build());
      System.out.println("authentication: NTLM against " + accounts + " (" + store.domain() + ", "
          + store.users().size() + " users)");
    }
    if (keytab != null) {
      Keytab keys;
      try {
        keys = Keytab.read(keytab);
      } catch (IOException | KerberosException e) {
        throw new IllegalArgumentException("cannot read the keytab " + keytab + ": " + e.getMessage(), e);
      }
      kerberos = KerberosSecurityProvider.builder()
          .server(keys, new PacTokenSource(store == null ? null : new AccountStoreTokenSource(store))).build();
      System.out.println("authentication: Kerberos with the keys in " + keytab);
    }
    List<SecurityProvider> providers = new ArrayList<>();
    if (ntlm != null) {
      providers.add(ntlm);
    }
    if (embeddedKdc != null) {
      try {
        // [Kerberos, Negotiate over Kerberos and NTLM], with the service keys the KDC made.
        providers.addAll(embeddedKdc.start(store, ntlm));
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot start the embedded KDC: " + e.getMessage(), e);
      }
      System.out.println("authentication: Kerberos and Negotiate through the embedded KDC (realm "
          + embeddedKdc.realmName() + ", service principal " + embeddedKdc.spn() + ")");
      System.out.println("minimum authentication level: " + minimum);
      return ServerAuthPolicy.builder(SecurityProviderRegistry.of(providers)).defaultMinimumLevel(minimum).build();
    }
    if (kerberos != null) {
      providers.add(kerberos);
    }
    if (!providers.isEmpty()) {
      // Negotiate too: Samba's and Windows' clients use it by default.
      providers.add(new NegotiateSecurityProvider(kerberos, ntlm));
    } else if (minimum != AuthnLevel.NONE) {
      throw new IllegalArgumentException("--min-level needs --accounts or --keytab: without them no caller can authenticate");
    }
    System.out.println("minimum authentication level: " + minimum);
    return ServerAuthPolicy.builder(SecurityProviderRegistry.of(providers)).defaultMinimumLevel(minimum).build();
  }
}
