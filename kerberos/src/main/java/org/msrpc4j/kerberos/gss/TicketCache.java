package org.msrpc4j.kerberos.gss;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.msrpc4j.kerberos.client.KerberosTicket;

/**
 * Remembers TGTs and service tickets so that each new association does not cost an AS and a TGS
 * exchange. Password identities are keyed by an HMAC of the password under a random per-cache key
 * (the password itself is never kept). Tickets are used until one minute before they expire. Bounded:
 * when full, the cache is emptied. Thread-safe.
 */
final class TicketCache {
    private static final int MAX_ENTRIES = 1024;
    private static final Duration MARGIN = Duration.ofMinutes(1);
    private final byte[] macKey = new byte[32];
    private final Map<String, KerberosTicket> tickets = new ConcurrentHashMap<>();

    TicketCache() {
        new SecureRandom().nextBytes(macKey);
    }

    /** The cache key of a password identity's TGT. */
    String passwordKey(String realm, String user, char[] password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(macKey, "HmacSHA256"));
            mac.update((realm + "\0" + user + "\0").getBytes(StandardCharsets.UTF_8));
            ByteBuffer pw = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
            byte[] b = new byte[pw.remaining()];
            pw.get(b);
            byte[] out = mac.doFinal(b);
            java.util.Arrays.fill(b, (byte) 0);
            return "pw:" + HexFormat.of().formatHex(out);
        } catch (GeneralSecurityException e) {
            // No HMAC-SHA256: a key that never matches, so nothing is cached.
            return "pw:uncached:" + System.nanoTime();
        }
    }

    Optional<KerberosTicket> get(String key, Instant now) {
        KerberosTicket t = tickets.get(key);
        if (t == null || !now.plus(MARGIN).isBefore(t.endTime())) {
            return Optional.empty();
        }
        return Optional.of(t);
    }

    void put(String key, KerberosTicket ticket) {
        if (tickets.size() >= MAX_ENTRIES) {
            tickets.clear();
        }
        tickets.put(key, ticket);
    }
}
