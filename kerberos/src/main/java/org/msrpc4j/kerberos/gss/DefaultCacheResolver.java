package org.msrpc4j.kerberos.gss;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.msrpc4j.kerberos.client.CredentialCache;
import org.msrpc4j.security.ClientIdentity;
import org.msrpc4j.security.CurrentCredentialsResolver;

/**
 * The last resort for "the current thread's credentials": the default MIT credential cache
 * (KRB5CCNAME, else /tmp/krb5cc_UID) when it exists and can be read. Stateless; thread-safe.
 */
public final class DefaultCacheResolver implements CurrentCredentialsResolver {
    @Override
    public Optional<ClientIdentity> resolve() {
        Path p = CredentialCache.defaultPath();
        if (!Files.isReadable(p)) {
            return Optional.empty();
        }
        try {
            return Optional.of(CredentialCacheIdentity.of(p));
        } catch (Exception e) {
            // An unreadable or foreign cache is the same as none: the caller gets the usual
            // "no credentials" error from the chain.
            return Optional.empty();
        }
    }
}
