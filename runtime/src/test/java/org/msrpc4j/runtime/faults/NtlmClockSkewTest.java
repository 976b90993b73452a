package org.msrpc4j.runtime.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.msrpc4j.security.AuthnLevel;
import org.msrpc4j.security.ClientContextRequest;
import org.msrpc4j.security.ClientSecurityContext;
import org.msrpc4j.security.SecurityContextException;
import org.msrpc4j.security.SecurityQos;
import org.msrpc4j.security.SecurityStatus;
import org.msrpc4j.security.ServerContextRequest;
import org.msrpc4j.security.ServerSecurityContext;
import org.msrpc4j.security.accounts.AccountStore;
import org.msrpc4j.security.ntlm.NtlmSecurityProvider;
import org.msrpc4j.security.ntlm.NtlmServerConfig;

/**
 * NTLMv2 timestamps outside the allowed skew. The server puts its own time in the CHALLENGE
 * (MsvAvTimestamp) and the client echoes it, so a client clock cannot be skewed against the server;
 * what the check catches is an AUTHENTICATE whose time is old by the server's clock when it
 * arrives (a slow or replayed logon, a server clock that jumped). The server's clock is injected
 * and moved between the CHALLENGE and the AUTHENTICATE.
 */
class NtlmClockSkewTest {
  /** A clock the test moves. Thread-safe. */
  static final class SteppedClock extends Clock {
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    void advance(Duration d) {
      offset.updateAndGet(o -> o.plus(d));
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(offset.get());
    }
  }

  /** Runs NEGOTIATE, CHALLENGE, then moves the server clock by {@code step}, then AUTHENTICATE. */
  private static void logonWithServerClockMovedBy(Duration step) throws Exception {
    SteppedClock clock = new SteppedClock();
    AccountStore store = AccountStore.parse(NtlmServers.ACCOUNTS, "faults");
    NtlmSecurityProvider server = NtlmSecurityProvider.server(NtlmServerConfig.builder(store).clock(clock).build());
    ClientSecurityContext c = NtlmSecurityProvider.client().newClientContext(
        new ClientContextRequest(NtlmServers.ALICE, "", AuthnLevel.PKT_PRIVACY, SecurityQos.DEFAULT));
    ServerSecurityContext s = server.newServerContext(new ServerContextRequest(AuthnLevel.PKT_PRIVACY));
    byte[] challenge = s.accept(c.initialize(null).token()).token();
    clock.advance(step);
    byte[] authenticate = c.initialize(challenge).token();
    s.accept(authenticate);
    assertThat(s.isEstablished()).isTrue();
  }

  @Test
  void anAuthenticateWithinTheSkewIsAccepted() throws Exception {
    logonWithServerClockMovedBy(Duration.ofMinutes(4));
    logonWithServerClockMovedBy(Duration.ofMinutes(-4));
  }

  @Test
  void anAuthenticateOutsideTheSkewIsRefusedWithTimeSkew() {
    for (Duration step : new Duration[] {Duration.ofMinutes(6), Duration.ofMinutes(-6)}) {
      assertThatThrownBy(() -> logonWithServerClockMovedBy(step))
          .isInstanceOfSatisfying(SecurityContextException.class, e -> {
            assertThat(e.status()).isEqualTo(SecurityStatus.TIME_SKEW);
            assertThat(e.getMessage()).contains("timestamp").contains("server clock");
          });
    }
  }
}
