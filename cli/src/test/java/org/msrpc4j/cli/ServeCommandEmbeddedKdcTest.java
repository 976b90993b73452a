package org.msrpc4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code msrpc serve --accounts FILE --embedded-kdc}: started through the command's own code, then
 * reached by {@code msrpc whoami -k} in a separate JVM whose only Kerberos configuration is the
 * krb5.conf serve wrote (KRB5_CONFIG), as a user would.
 */
class ServeCommandEmbeddedKdcTest {
  static final String DOMAIN_SID = "S-1-5-21-1111111111-2222222222-3333333333";
  static final String ALICE_PASSWORD = "Alic3Pass!x";

  @TempDir Path dir;
  Path accounts;
  Path krb5Conf;
  ServeCommandRunning running;

  record Run(int exit, String out) {}

  @BeforeEach
  void writeAccounts() throws IOException {
    accounts = dir.resolve("accounts.yaml");
    Files.writeString(accounts, """
        domain: EXAMPLE
        realm: EXAMPLE.TEST
        sid: %s
        users:
          - name: alice
            rid: 1104
            password: "%s"
        """.formatted(DOMAIN_SID, ALICE_PASSWORD));
    krb5Conf = dir.resolve("krb5.conf");
  }

  @AfterEach
  void stop() {
    if (running != null) {
      running.stop(Duration.ZERO);
    }
  }

  static ServeCommand serve(String... args) {
    ServeCommand command = new ServeCommand();
    new CommandLine(command).parseArgs(args);
    return command;
  }

  /** {@code msrpc whoami} in its own JVM with KRB5_CONFIG pointing at the written krb5.conf. */
  Run whoami(String... args) throws Exception {
    return whoamiWith(krb5Conf, args);
  }

  Run whoamiWith(Path krb5Config, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Msrpc.class.getName(), "whoami"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("KRB5_CONFIG", krb5Config.toString());
    pb.environment().put("KRB5CCNAME", "FILE:" + dir.resolve("no-such-ccache"));
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("whoami finished").isTrue();
    return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  @Test
  void kerberosAtPrivacyAndNegotiateAtIntegrityAgainstTheEmbeddedKdc() throws Exception {
    running = serve("--listen", "127.0.0.1:0", "--epm-port", "0", "--accounts", accounts.toString(),
        "--embedded-kdc", "--krb5conf-out", krb5Conf.toString()).start();
    int port = running.boundAddresses().get(0).getPort();
    assertThat(running.kdc().spn()).isEqualTo("host/127.0.0.1");
    assertThat(Files.readString(krb5Conf)).contains("default_realm = EXAMPLE.TEST")
        .contains("kdc = 127.0.0.1:" + running.kdc().kdcPort());
    assertThat(running.kdc().howToConnect(port, "alice"))
        .anySatisfy(l -> assertThat(l).contains("KRB5_CONFIG=" + krb5Conf).contains("-k -U alice%PASSWORD")
            .contains("--spn host/127.0.0.1"));

    String binding = "ncacn_ip_tcp:127.0.0.1[" + port + "]";
    Run krb = whoami(binding, "-k", "-U", "alice%" + ALICE_PASSWORD, "--auth", "kerberos", "--level", "privacy");
    assertThat(krb.exit()).as(krb.out()).isZero();
    // Kerberos callers show the ticket's server principal (with the realm) and no NTLM group (S-1-5-64-10).
    assertThat(krb.out()).contains("authentication svc:   16").contains("authentication level: 6")
        .contains("client principal:     EXAMPLE\\alice")
        .contains("server principal:     host/127.0.0.1@EXAMPLE.TEST")
        .doesNotContain("S-1-5-64-10")
        .contains("user:                 " + DOMAIN_SID + "-1104")
        .contains("impersonation status: 0");

    Run negotiate = whoami(binding, "-k", "-U", "alice%" + ALICE_PASSWORD, "--auth", "negotiate", "--level", "integrity");
    assertThat(negotiate.exit()).as(negotiate.out()).isZero();
    // The ticket's server principal and the missing NTLM group show that SPNEGO chose Kerberos ...
    assertThat(negotiate.out()).contains("authentication svc:   9").contains("authentication level: 5")
        .contains("client principal:     EXAMPLE\\alice")
        .contains("server principal:     host/127.0.0.1@EXAMPLE.TEST")
        .doesNotContain("S-1-5-64-10")
        .contains("user:                 " + DOMAIN_SID + "-1104");
    // ... whereas a client without a krb5.conf gets NTLM inside Negotiate on the same server.
    Run ntlm = whoamiWith(dir.resolve("no-krb5.conf"), binding, "-U", "EXAMPLE/alice%" + ALICE_PASSWORD, "--auth", "negotiate", "--level", "integrity");
    assertThat(ntlm.exit()).as(ntlm.out()).isZero();
    assertThat(ntlm.out()).contains("authentication svc:   9").contains("S-1-5-64-10")
        .doesNotContain("@EXAMPLE.TEST");

    Run wrongPassword = whoami(binding, "-k", "-U", "alice%NotHerPassw0rd", "--auth", "kerberos", "--level", "privacy");
    assertThat(wrongPassword.exit()).isEqualTo(1);
    assertThat(wrongPassword.out()).contains("ERROR_ACCESS_DENIED").doesNotContain("NotHerPassw0rd");
  }

  @Test
  void stoppingClosesTheKdc() throws Exception {
    running = serve("--listen", "127.0.0.1:0", "--epm-port", "0", "--accounts", accounts.toString(),
        "--embedded-kdc", "--krb5conf-out", krb5Conf.toString()).start();
    int kdcPort = running.kdc().kdcPort();
    running.stop(Duration.ZERO);
    running = null;
    try (java.net.Socket s = new java.net.Socket()) {
      assertThatThrownBy(() -> s.connect(new java.net.InetSocketAddress("127.0.0.1", kdcPort), 5000))
          .isInstanceOf(IOException.class);
    }
  }

  @Test
  void usageErrors() {
    assertThatThrownBy(() -> serve("--listen", "127.0.0.1:0", "--epm-port", "0", "--embedded-kdc").start())
        .isInstanceOfSatisfying(ServeCommandRunning.StartFailed.class, e -> assertThat(e.exitCode()).isEqualTo(2));
    assertThatThrownBy(() -> serve("--listen", "127.0.0.1:0", "--epm-port", "0", "--accounts", accounts.toString(),
        "--krb5conf-out", krb5Conf.toString()).start())
        .isInstanceOfSatisfying(ServeCommandRunning.StartFailed.class, e -> assertThat(e.exitCode()).isEqualTo(2));
    ServeCommand explicitPort = serve("--listen", "127.0.0.1:0", "--embedded-kdc=8899", "--accounts", accounts.toString());
    assertThat(explicitPort.embeddedKdcPort).isEqualTo(8899);
  }
}
