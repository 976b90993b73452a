package org.msrpc4j.kerberos.gss;

import java.util.List;
import java.util.Objects;
import org.msrpc4j.kerberos.client.Principal;
import org.msrpc4j.kerberos.crypto.KerberosKey;
import org.msrpc4j.security.ClientIdentity;

/**
 * A client identity given by long-term keys (a keytab, or JAAS KerberosKey credentials): the
 * provider gets a TGT with them. Immutable; thread-safe; never prints keys.
 */
public final class KerberosKeysIdentity implements ClientIdentity {
    private final Principal principal;
    private final List<KerberosKey> keys;

    /**
     * @param principal the principal
     * @param keys its keys (one per enctype)
     */
    public KerberosKeysIdentity(Principal principal, List<KerberosKey> keys) {
        this.principal = Objects.requireNonNull(principal);
        this.keys = List.copyOf(keys);
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no keys for " + principal);
        }
    }

    /** @return the principal */
    public Principal principal() {
        return principal;
    }

    /** @return the keys */
    public List<KerberosKey> keys() {
        return keys;
    }

    @Override
    public String domain() {
        return principal.realm();
    }

    @Override
    public String user() {
        return principal.name();
    }

    @Override
    public String toString() {
        return "KerberosKeysIdentity[" + principal + ", " + keys.size() + " keys]";
    }
}
