package org.msrpc4j.kerberos.gss;

import java.util.Optional;
import org.msrpc4j.kerberos.client.Principal;
import org.msrpc4j.kerberos.crypto.KerberosKey;

/**
 * What an acceptor learned about the caller from the ticket, for building its authorization
 * context. Immutable; {@link #toString()} never shows the key.
 *
 * @param client the client principal
 * @param server the service principal the ticket was for
 * @param pac the ticket's PAC (AD-WIN2K-PAC inside AD-IF-RELEVANT), if any
 * @param serviceKey the long-term service key that decrypted the ticket (checks the PAC's server signature)
 */
public record KerberosCaller(Principal client, Principal server, Optional<byte[]> pac, KerberosKey serviceKey) {
    @Override
    public String toString() {
        return "KerberosCaller[" + client + " → " + server + (pac.isPresent() ? ", with PAC" : "") + "]";
    }

}
