package org.msrpc4j.kerberos.gss;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers authenticators (client, server, ctime, cusec) seen within the clock-skew window so that
 * a replayed AP-REQ is refused. Bounded: when full, the oldest entries are dropped (an attacker
 * cannot grow memory). Thread-safe (synchronised).
 */
public final class ReplayCache {
    private final Duration window;
    private final int maxEntries;
    private final LinkedHashMap<String, Instant> seen = new LinkedHashMap<>();

    /**
     * @param window how long an authenticator is remembered (twice the clock skew)
     * @param maxEntries the bound on remembered authenticators
     */
    public ReplayCache(Duration window, int maxEntries) {
        this.window = window;
        this.maxEntries = maxEntries;
    }

    /**
     * Records an authenticator.
     *
     * @param key client, server, ctime and cusec joined
     * @param now the current time
     * @return false when it was already seen (a replay)
     */
    public synchronized boolean firstSeen(String key, Instant now) {
        Iterator<Map.Entry<String, Instant>> it = seen.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Instant> e = it.next();
            if (e.getValue().isBefore(now.minus(window)) || seen.size() > maxEntries) {
                it.remove();
            } else {
                break;
            }
        }
        if (seen.containsKey(key)) {
            return false;
        }
        seen.put(key, now);
        return true;
    }
}
