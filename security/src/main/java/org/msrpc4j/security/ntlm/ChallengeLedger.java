package org.msrpc4j.security.ntlm;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The server challenges that are outstanding: each is issued once, is unique among the outstanding
 * ones, and can be redeemed by exactly one AUTHENTICATE within its lifetime. This is what makes a
 * replayed AUTHENTICATE (same challenge, another context) fail. Bounded: beyond {@code capacity}
 * the oldest challenges are forgotten (their handshakes then fail). Thread-safe (synchronized).
 */
final class ChallengeLedger {
  private final int capacity;
  private final Duration lifetime;
  private final Clock clock;
  private final Map<ByteBuffer, Instant> outstanding = new LinkedHashMap<>();

  ChallengeLedger(int capacity, Duration lifetime, Clock clock) {
    this.capacity = capacity;
    this.lifetime = lifetime;
    this.clock = clock;
  }

  /** A fresh random 8-byte challenge, recorded as outstanding. */
  synchronized byte[] issue(SecureRandom random) {
    expire();
    byte[] challenge = new byte[8];
    ByteBuffer key;
    do {
      random.nextBytes(challenge);
      key = ByteBuffer.wrap(challenge.clone());
    } while (outstanding.containsKey(key));
    while (outstanding.size() >= capacity) {
      Iterator<ByteBuffer> it = outstanding.keySet().iterator();
      it.next();
      it.remove();
    }
    outstanding.put(key, clock.instant());
    return challenge;
  }

  /** Redeems a challenge: true exactly once per issued, unexpired challenge. */
  synchronized boolean redeem(byte[] challenge) {
    expire();
    return outstanding.remove(ByteBuffer.wrap(challenge.clone())) != null;
  }

  private void expire() {
    Instant oldest = clock.instant().minus(lifetime);
    Iterator<Instant> it = outstanding.values().iterator();
    while (it.hasNext()) {
      if (it.next().isBefore(oldest)) {
        it.remove();
      } else {
        break; // insertion order is issue order
      }
    }
  }
}
