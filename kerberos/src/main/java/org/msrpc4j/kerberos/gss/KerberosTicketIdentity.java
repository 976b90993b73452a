package org.msrpc4j.kerberos.gss;

import java.util.Objects;
import org.msrpc4j.kerberos.client.KerberosTicket;
import org.msrpc4j.security.ClientIdentity;

/**
 * A client identity made of a TGT (from a credential cache, a JAAS Subject, or delegated by a
 * caller): the Kerberos provider gets service tickets with it. Immutable; thread-safe; never prints
 * the key.
 */
public final class KerberosTicketIdentity implements ClientIdentity {
    private final KerberosTicket tgt;

    /** @param tgt a TGT (krbtgt/REALM) */
    public KerberosTicketIdentity(KerberosTicket tgt) {
        this.tgt = Objects.requireNonNull(tgt, "tgt");
    }

    /** @return the TGT */
    public KerberosTicket tgt() {
        return tgt;
    }

    @Override
    public String domain() {
        return tgt.client().realm();
    }

    @Override
    public String user() {
        return tgt.client().name();
    }

    @Override
    public String toString() {
        return "KerberosTicketIdentity[" + tgt.client() + "]";
    }
}
