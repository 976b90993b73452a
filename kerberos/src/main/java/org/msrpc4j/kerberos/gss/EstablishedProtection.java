package org.msrpc4j.kerberos.gss;

import org.msrpc4j.kerberos.crypto.KerberosCryptoException;
import org.msrpc4j.kerberos.crypto.KerberosKey;

/** Chooses the per-message token format for a context's key. Stateless. */
final class EstablishedProtection {
    private EstablishedProtection() {
    }

    static MessageProtection forKey(KerberosKey key, boolean initiator, boolean acceptorSubkey, int sendSeq, int recvSeq)
            throws KerberosCryptoException {
        long s = sendSeq & 0xffffffffL;
        long r = recvSeq & 0xffffffffL;
        if (key.type().isAes()) {
            return new CfxMessageProtection(key, initiator, acceptorSubkey, s, r);
        }
        return new Rc4MessageProtection(key, initiator, s, r);
    }
}
