package org.msrpc4j.kerberos.client;

import java.time.Instant;
import java.util.Objects;
import org.msrpc4j.kerberos.crypto.KerberosKey;

/**
 * A ticket and what its owner knows about it: the client and server principals, the ticket's DER
 * encoding, the session key, flags and times. This is one credential of an MIT credential cache.
 * Immutable; thread-safe; {@link #toString()} never shows the key.
 *
 * @param client the client principal
 * @param server the service principal
 * @param ticket the DER-encoded Ticket
 * @param sessionKey the session key
 * @param flags the ticket flags as the 32-bit big-endian KerberosFlags value (bit 0 is 0x80000000)
 * @param authTime authentication time
 * @param startTime start time
 * @param endTime end time
 * @param renewTill renew-till time, or null
 */
public record KerberosTicket(Principal client, Principal server, byte[] ticket, KerberosKey sessionKey, int flags,
        Instant authTime, Instant startTime, Instant endTime, Instant renewTill) {
    /** FORWARDABLE (bit 1). */
    public static final int FLAG_FORWARDABLE = 0x40000000;
    /** FORWARDED (bit 2). */
    public static final int FLAG_FORWARDED = 0x20000000;
    /** RENEWABLE (bit 8). */
    public static final int FLAG_RENEWABLE = 0x00800000;
    /** INITIAL (bit 9). */
    public static final int FLAG_INITIAL = 0x00400000;
    /** PRE-AUTHENT (bit 10). */
    public static final int FLAG_PRE_AUTHENT = 0x00200000;
    /** OK-AS-DELEGATE (bit 13). */
    public static final int FLAG_OK_AS_DELEGATE = 0x00040000;

    /** Validates and copies. */
    public KerberosTicket {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(server, "server");
        ticket = ticket.clone();
        Objects.requireNonNull(sessionKey, "sessionKey");
        Objects.requireNonNull(endTime, "endTime");
        authTime = authTime == null ? Instant.EPOCH : authTime;
        startTime = startTime == null ? authTime : startTime;
    }

    @Override
    public byte[] ticket() {
        return ticket.clone();
    }

    /** @return whether the ticket is a TGT (krbtgt/…) */
    public boolean isTgt() {
        return server.components().size() == 2 && server.components().get(0).equals("krbtgt");
    }

    /**
     * @param now the current time
     * @return whether the ticket is still valid at {@code now}
     */
    public boolean isValidAt(Instant now) {
        return now.isBefore(endTime);
    }

    /**
     * @param flag one of the FLAG_ constants
     * @return whether it is set
     */
    public boolean hasFlag(int flag) {
        return (flags & flag) != 0;
    }

    @Override
    public String toString() {
        return "KerberosTicket[" + client + " → " + server + ", " + sessionKey.type().mitName() + ", until " + endTime + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KerberosTicket t && t.client.equals(client) && t.server.equals(server)
                && java.util.Arrays.equals(t.ticket, ticket) && t.sessionKey.equals(sessionKey);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(ticket);
    }
}
