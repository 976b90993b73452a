package org.msrpc4j.kerberos.kdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kerby.kerberos.kerb.type.ticket.EncTicketPart;
import org.apache.kerby.kerberos.kerb.type.ticket.Ticket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.msrpc4j.kerberos.client.CredentialCache;
import org.msrpc4j.kerberos.client.KerberosClient;
import org.msrpc4j.kerberos.client.KerberosException;
import org.msrpc4j.kerberos.client.KerberosTicket;
import org.msrpc4j.kerberos.client.KerbyCodec;
import org.msrpc4j.kerberos.client.Keytab;
import org.msrpc4j.kerberos.client.Principal;
import org.msrpc4j.kerberos.crypto.KerberosCipher;
import org.msrpc4j.kerberos.crypto.KerberosKey;

/** The embedded KDC with msrpc4j's client, and with MIT kinit/klist when they are installed. */
class EmbeddedKdcTest {
    private static EmbeddedKdc kdc;
    private static Keytab serviceKeys;

    @BeforeAll
    static void start() throws Exception {
        kdc = EmbeddedKdc.start("EXAMPLE.TEST", "127.0.0.1", 0);
        kdc.addUser("alice", "Secret1!".toCharArray());
        serviceKeys = kdc.addService("host/rpc1.example.test");
    }

    @AfterAll
    static void stop() {
        kdc.close();
    }

    @Test
    void clientGetsTgtAndServiceTicketThatTheServiceCanRead() throws Exception {
        KerberosClient client = new KerberosClient(kdc.clientConfig());
        Principal alice = Principal.parse("alice", "EXAMPLE.TEST");
        KerberosTicket tgt = client.requestTgt(alice, "Secret1!".toCharArray());
        assertThat(tgt.isTgt()).isTrue();
        assertThat(tgt.client().name()).isEqualTo("alice");
        assertThat(tgt.hasFlag(KerberosTicket.FLAG_FORWARDABLE)).isTrue();

        Principal spn = Principal.service("host/rpc1.example.test", "EXAMPLE.TEST");
        KerberosTicket st = client.requestServiceTicket(tgt, spn);
        assertThat(st.server().sameAs(spn)).isTrue();

        Ticket ticket = KerbyCodec.decode(st.ticket(), Ticket.class);
        int etype = ticket.getEncryptedEncPart().getEType().getValue();
        KerberosKey key = serviceKeys.keys(spn, Optional.empty()).stream()
                .filter(e -> e.key().type().id() == etype).findFirst().orElseThrow().key();
        byte[] plain = KerberosCipher.of(key).decrypt(key, 2, ticket.getEncryptedEncPart().getCipher());
        EncTicketPart part = KerbyCodec.decode(plain, EncTicketPart.class);
        assertThat(part.getCname().getNameStrings()).containsExactly("alice");
        assertThat(part.getKey().getKeyData()).isEqualTo(st.sessionKey().bytes());
    }

    @Test
    void wrongPasswordAndUnknownNamesAreReportedInPlainWords() throws Exception {
        KerberosClient client = new KerberosClient(kdc.clientConfig());
        assertThatThrownBy(() -> client.requestTgt(Principal.parse("alice", "EXAMPLE.TEST"), "nope".toCharArray()))
                .isInstanceOf(KerberosException.class).hasMessageContaining("wrong password");
        assertThatThrownBy(() -> client.requestTgt(Principal.parse("bob", "EXAMPLE.TEST"), "x".toCharArray()))
                .isInstanceOf(KerberosException.class).hasMessageContaining("does not know the user");
        KerberosTicket tgt = client.requestTgt(Principal.parse("alice", "EXAMPLE.TEST"), "Secret1!".toCharArray());
        assertThatThrownBy(() -> client.requestServiceTicket(tgt, Principal.service("host/nowhere", "EXAMPLE.TEST")))
                .isInstanceOf(KerberosException.class).hasMessageContaining("no service principal");
    }

    @Test
    void forwardedTgtForDelegation() throws Exception {
        KerberosClient client = new KerberosClient(kdc.clientConfig());
        KerberosTicket tgt = client.requestTgt(Principal.parse("alice", "EXAMPLE.TEST"), "Secret1!".toCharArray());
        KerberosTicket fwd = client.requestForwardedTgt(tgt);
        assertThat(fwd.isTgt()).isTrue();
        assertThat(fwd.client().name()).isEqualTo("alice");
        // Kerby's KDC does not set the FORWARDED flag in the reply; AD and Heimdal do.
        assertThat(fwd.ticket()).isNotEqualTo(tgt.ticket());
    }

    @Test
    void keytabRoundTripsAndGivesATgt(@TempDir Path dir) throws Exception {
        Keytab kt = kdc.addService("svc/a.example.test");
        Path file = dir.resolve("svc.keytab");
        kt.write(file);
        Keytab back = Keytab.read(file);
        assertThat(back.entries()).hasSize(3);
        assertThat(back.entries().get(0).key()).isEqualTo(kt.entries().get(0).key());
        KerberosClient client = new KerberosClient(kdc.clientConfig());
        Principal p = Principal.service("svc/a.example.test", "EXAMPLE.TEST");
        KerberosTicket tgt = client.requestTgt(p, back.keys(p, Optional.empty()).stream().map(Keytab.Entry::key).toList());
        assertThat(tgt.client().sameAs(p)).isTrue();
    }

    // --- MIT tools ---

    private static boolean ci() {
        return "true".equals(System.getenv("CI"));
    }

    private static String run(Path dir, Map<String, String> env, String stdin, String... cmd) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).directory(dir.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        if (stdin != null) {
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", cmd) + ": " + out).isZero();
        return out;
    }

    private static Map<String, String> mitEnv(Path dir) throws Exception {
        assumeTrue(ci() || Files.isExecutable(Path.of("/usr/bin/kinit")), "MIT kinit is not installed");
        Path conf = dir.resolve("krb5.conf");
        Files.writeString(conf, kdc.clientConfig().toKrb5ConfText());
        return Map.of("KRB5_CONFIG", conf.toString(), "KRB5CCNAME", "FILE:" + dir.resolve("cc"));
    }

    @Test
    void mitKinitGetsATicketAndWeReadItsCache(@TempDir Path dir) throws Exception {
        Map<String, String> env = mitEnv(dir);
        run(dir, env, "Secret1!\n", "kinit", "-f", "alice@EXAMPLE.TEST");
        assertThat(run(dir, env, null, "klist", "-f")).contains("krbtgt/EXAMPLE.TEST@EXAMPLE.TEST");
        run(dir, env, null, "kvno", "host/rpc1.example.test@EXAMPLE.TEST");

        CredentialCache cache = CredentialCache.read(dir.resolve("cc"));
        assertThat(cache.defaultPrincipal().toString()).isEqualTo("alice@EXAMPLE.TEST");
        KerberosTicket tgt = cache.tgt("EXAMPLE.TEST", Instant.now()).orElseThrow();
        // The cached TGT is usable by our client as is.
        KerberosTicket st = new KerberosClient(kdc.clientConfig())
                .requestServiceTicket(tgt, Principal.service("host/rpc1.example.test", "EXAMPLE.TEST"));
        assertThat(st.client().name()).isEqualTo("alice");
        assertThat(cache.find(Principal.service("host/rpc1.example.test", "EXAMPLE.TEST"), Instant.now())).isPresent();
    }

    @Test
    void klistReadsTheCacheWeWrite(@TempDir Path dir) throws Exception {
        Map<String, String> env = mitEnv(dir);
        KerberosClient client = new KerberosClient(kdc.clientConfig());
        KerberosTicket tgt = client.requestTgt(Principal.parse("alice", "EXAMPLE.TEST"), "Secret1!".toCharArray());
        KerberosTicket st = client.requestServiceTicket(tgt, Principal.service("host/rpc1.example.test", "EXAMPLE.TEST"));
        new CredentialCache(tgt.client(), java.util.List.of(tgt)).with(st).write(dir.resolve("cc"));
        String out = run(dir, env, null, "klist", "-e", "-f");
        assertThat(out).contains("alice@EXAMPLE.TEST").contains("krbtgt/EXAMPLE.TEST@EXAMPLE.TEST")
                .contains("host/rpc1.example.test@EXAMPLE.TEST");
        // MIT can use our TGT to get another ticket.
        run(dir, env, null, "kvno", "svc2/b.example.test@EXAMPLE.TEST".replace("svc2/b", "host/rpc1"));
    }
}
