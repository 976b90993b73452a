package org.msrpc4j.kerberos.setup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.msrpc4j.kerberos.client.Keytab;
import org.msrpc4j.kerberos.client.Krb5Config;
import org.msrpc4j.kerberos.gss.AccountStoreTokenSource;
import org.msrpc4j.kerberos.gss.CallerTokenSource;
import org.msrpc4j.kerberos.gss.DefaultCacheResolver;
import org.msrpc4j.kerberos.gss.JaasKerberosResolver;
import org.msrpc4j.kerberos.gss.KerberosSecurityProvider;
import org.msrpc4j.kerberos.kdc.EmbeddedKdc;
import org.msrpc4j.kerberos.pac.PacTokenSource;
import org.msrpc4j.kerberos.spnego.NegotiateSecurityProvider;
import org.msrpc4j.security.CurrentCredentialsResolver;
import org.msrpc4j.security.SecurityProvider;
import org.msrpc4j.security.SubjectCredentialsResolver;
import org.msrpc4j.security.accounts.AccountStore;

/**
 * Ready-made Kerberos (auth type 16) and Negotiate (auth type 9) providers for the runtime and the
 * command line: put the returned lists into a {@code SecurityProviderRegistry}. Stateless.
 */
public final class KerberosProviders {
    private KerberosProviders() {
    }

    /**
     * Client side.
     *
     * @param config realms and KDCs (see {@link Krb5Config#read} and {@link Krb5Config#fromEnvironment})
     * @param ntlmClient the NTLM client provider for Negotiate's fallback, or null
     * @return [Kerberos, Negotiate]
     */
    public static List<SecurityProvider> client(Krb5Config config, SecurityProvider ntlmClient) {
        KerberosSecurityProvider k = KerberosSecurityProvider.builder().clientConfig(config).build();
        return List.of(k, new NegotiateSecurityProvider(k, ntlmClient));
    }

    /**
     * Server side with a keytab from a real KDC (Active Directory, Samba): tokens from the PAC, or
     * from the account store for tickets without one.
     *
     * @param keytab the service keys (several SPNs and kvnos may be present)
     * @param accountsOrNull accounts for tickets without a PAC, or null
     * @param ntlmServerOrNull the NTLM server provider for Negotiate, or null
     * @param clientConfigOrNull a krb5 configuration to also initiate (delegation), or null
     * @return [Kerberos, Negotiate]
     */
    public static List<SecurityProvider> server(Keytab keytab, AccountStore accountsOrNull, SecurityProvider ntlmServerOrNull,
            Krb5Config clientConfigOrNull) {
        CallerTokenSource tokens = new PacTokenSource(accountsOrNull == null ? null : new AccountStoreTokenSource(accountsOrNull));
        KerberosSecurityProvider.Builder b = KerberosSecurityProvider.builder().server(keytab, tokens);
        if (clientConfigOrNull != null) {
            b.clientConfig(clientConfigOrNull);
        }
        KerberosSecurityProvider k = b.build();
        return List.of(k, new NegotiateSecurityProvider(k, ntlmServerOrNull));
    }

    /**
     * The current thread's Kerberos credentials: a JAAS Subject with a {@code ClientIdentity}, then
     * one with JDK Kerberos tickets or keys, then the default credential cache (KRB5CCNAME).
     *
     * @return the resolver chain
     */
    public static CurrentCredentialsResolver currentCredentials() {
        return CurrentCredentialsResolver.firstOf(
                List.of(new SubjectCredentialsResolver(), new JaasKerberosResolver(), new DefaultCacheResolver()));
    }

    /**
     * An embedded realm for a server: starts the KDC, adds the accounts and the service principals,
     * writes a krb5.conf for clients (when a path is given), and returns server providers with the
     * service keys.
     *
     * @param store the accounts
     * @param host the KDC's listening address
     * @param port the KDC's port (0 for any)
     * @param spns service principals to create (e.g. host/localhost)
     * @param krb5ConfOut where to write the clients' krb5.conf, or null
     * @param ntlmServerOrNull the NTLM server provider for Negotiate, or null
     * @return the running realm (close it to stop the KDC)
     * @throws IOException when the KDC cannot start or a file cannot be written
     */
    public static EmbeddedRealm embedded(AccountStore store, String host, int port, List<String> spns, Path krb5ConfOut,
            SecurityProvider ntlmServerOrNull) throws IOException {
        String realm = store.realm() != null ? store.realm() : store.domain();
        EmbeddedKdc kdc = EmbeddedKdc.start(realm, host, port);
        try {
            kdc.addAccounts(store);
            List<Keytab.Entry> entries = new ArrayList<>();
            for (String spn : spns) {
                entries.addAll(kdc.addService(spn).entries());
            }
            Keytab keytab = new Keytab(entries);
            if (krb5ConfOut != null) {
                Files.writeString(krb5ConfOut, kdc.clientConfig().toKrb5ConfText());
            }
            List<SecurityProvider> providers = server(keytab, store, ntlmServerOrNull, kdc.clientConfig());
            return new EmbeddedRealm(kdc, keytab, providers);
        } catch (IOException | RuntimeException e) {
            kdc.close();
            throw e;
        }
    }

    /**
     * A running embedded realm.
     *
     * @param kdc the KDC
     * @param keytab the service principals' keys
     * @param serverProviders [Kerberos, Negotiate] for the server
     */
    public record EmbeddedRealm(EmbeddedKdc kdc, Keytab keytab, List<SecurityProvider> serverProviders)
            implements AutoCloseable {
        /** @return the clients' configuration */
        public Krb5Config clientConfig() {
            return kdc.clientConfig();
        }

        @Override
        public void close() {
            kdc.close();
        }
    }
}
