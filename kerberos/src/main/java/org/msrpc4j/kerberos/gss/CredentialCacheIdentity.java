package org.msrpc4j.kerberos.gss;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.msrpc4j.kerberos.client.CredentialCache;
import org.msrpc4j.kerberos.client.KerberosException;
import org.msrpc4j.security.ClientIdentity;

/**
 * A client identity backed by an MIT credential cache file (as made by {@code kinit}); the file is
 * read each time a context is created, so a renewed cache is picked up. Immutable; thread-safe.
 */
public final class CredentialCacheIdentity implements ClientIdentity {
    private final Path file;
    private final String realm;
    private final String user;

    private CredentialCacheIdentity(Path file, String realm, String user) {
        this.file = file;
        this.realm = realm;
        this.user = user;
    }

    /**
     * @param file the cache file
     * @return the identity of the cache's default principal
     * @throws IOException when the file cannot be read
     * @throws KerberosException when it is not a valid cache
     */
    public static CredentialCacheIdentity of(Path file) throws IOException, KerberosException {
        CredentialCache c = CredentialCache.read(file);
        return new CredentialCacheIdentity(Objects.requireNonNull(file), c.defaultPrincipal().realm(),
                c.defaultPrincipal().name());
    }

    /** @return the cache file */
    public Path file() {
        return file;
    }

    @Override
    public String domain() {
        return realm;
    }

    @Override
    public String user() {
        return user;
    }

    @Override
    public String toString() {
        return "CredentialCacheIdentity[" + user + "@" + realm + ", " + file + "]";
    }
}
