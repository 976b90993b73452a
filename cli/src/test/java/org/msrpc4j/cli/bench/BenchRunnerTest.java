package org.msrpc4j.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.msrpc4j.interfaces.echo.SambaEchoServer;
import org.msrpc4j.security.AuthnLevel;
import org.msrpc4j.security.ClientIdentity;

/** The bench engine against a real RpcServer serving rpcecho on loopback. */
class BenchRunnerTest {

  static BenchResult run(BenchServer s, AuthnLevel level, String op, BenchPlan plan) throws Exception {
    return new BenchRunner(s.connector(level, plan.inflight()), BenchOperation.parse(op), plan, s.binding(), null).run();
  }

  static BenchPlan calls(int connections, int inflight, long calls) {
    return new BenchPlan(connections, inflight, 0, calls, 0, false, 0);
  }

  @Test
  void fourConnectionsTimesEightInFlightAtPrivacyMakeExactlyTheCallsAskedFor() throws Exception {
    try (BenchServer s = new BenchServer(new SambaEchoServer())) {
      BenchResult r = run(s, AuthnLevel.PKT_PRIVACY, "addone", calls(4, 8, 2000));
      assertThat(r.errors()).as("first error: %s", r.firstError()).isZero();
      assertThat(r.calls()).isEqualTo(2000);
      assertThat(r.latency().count()).as("one latency per counted call").isEqualTo(2000);
      assertThat(r.auth()).isEqualTo("ntlm");
      assertThat(r.level()).isEqualTo("privacy");
      assertThat(r.latency().p50()).isPositive().isLessThanOrEqualTo(r.latency().p99());
      assertThat(r.latency().p99()).isLessThanOrEqualTo(r.latency().max());
      assertThat(r.bytes()).isEqualTo(2000L * 8);
      assertThat(r.durationSeconds()).isPositive();
    }
  }

  @Test
  void echoDataBytesComeBackTheSame() throws Exception {
    try (BenchServer s = new BenchServer(new SambaEchoServer())) {
      BenchResult r = run(s, AuthnLevel.PKT_PRIVACY, "echodata:64k", calls(2, 2, 40));
      assertThat(r.errors()).as("first error: %s", r.firstError()).isZero();
      assertThat(r.calls()).isEqualTo(40);
      assertThat(r.bytes()).as("64 KiB each way").isEqualTo(40L * 2 * 65536);
    }
  }

  @Test
  void wrongAnswersAreCountedAsErrors() throws Exception {
    try (BenchServer s = new BenchServer(new WrongAnswerEchoServer())) {
      for (String op : new String[] {"addone", "echodata:1000", "sourcedata:1000"}) {
        BenchResult r = run(s, AuthnLevel.NONE, op, calls(2, 4, 100));
        assertThat(r.calls()).as(op).isZero();
        assertThat(r.errors()).as(op).isEqualTo(100);
        assertThat(r.firstError()).as(op).startsWith("wrong answer");
      }
    }
  }

  @Test
  void connectionsThatCannotAuthenticateAreErrorsAndNothingIsMeasured() throws Exception {
    try (BenchServer s = new BenchServer(new SambaEchoServer())) {
      BenchConnector good = s.connector(AuthnLevel.PKT_PRIVACY, 1);
      BenchConnector wrongPassword = new BenchConnector(good.client(), good.binding(), good.settings(), good.level(),
          good.service(), ClientIdentity.password("EXAMPLE", "alice", "not-her-password".toCharArray()), good.spn());
      BenchResult r = new BenchRunner(wrongPassword, BenchOperation.parse("addone"), calls(3, 1, 10), s.binding(), null)
          .run();
      assertThat(r.calls()).isZero();
      assertThat(r.errors()).as("one per connection").isEqualTo(3);
      assertThat(r.firstError()).isNotNull().doesNotContain("not-her-password");
    }
  }

  @Test
  void newConnectionsAuthenticateForEveryCall() throws Exception {
    try (BenchServer s = new BenchServer(new SambaEchoServer())) {
      long before = s.server.statistics().callsIn();
      BenchResult r = run(s, AuthnLevel.PKT_PRIVACY, "addone", new BenchPlan(2, 2, 0, 20, 0, true, 0));
      assertThat(r.errors()).as("first error: %s", r.firstError()).isZero();
      assertThat(r.calls()).isEqualTo(20);
      assertThat(r.newConnections()).isTrue();
      assertThat(s.server.statistics().callsIn() - before).as("no probe calls: every call is a measured one").isEqualTo(20);
    }
  }

  @Test
  void idleConnectionsAreOpenedAuthenticatedAndKeptUntilTheEnd() throws Exception {
    try (BenchServer s = new BenchServer(new SambaEchoServer())) {
      BenchResult r = run(s, AuthnLevel.PKT_INTEGRITY, "mgmt", new BenchPlan(1, 1, 0, 10, 0, false, 25));
      assertThat(r.errors()).as("first error: %s", r.firstError()).isZero();
      assertThat(r.idleConnections()).isEqualTo(25);
      assertThat(r.idleConnected()).isEqualTo(25);
      assertThat(r.idleOpenAtEnd()).isEqualTo(25);
      assertThat(r.calls()).isEqualTo(10);
    }
  }

  @Test
  void aTimedRunStopsAfterItsDurationAndCountsOnlyCallsWithinIt() throws Exception {
    try (BenchServer s = new BenchServer(new SambaEchoServer())) {
      BenchResult r = run(s, AuthnLevel.NONE, "addone", new BenchPlan(2, 2, 0.5, 0, 0.2, false, 0));
      assertThat(r.errors()).as("first error: %s", r.firstError()).isZero();
      assertThat(r.calls()).isPositive().isEqualTo(r.latency().count());
    }
  }
}
