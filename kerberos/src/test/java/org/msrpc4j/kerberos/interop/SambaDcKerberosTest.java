package org.msrpc4j.kerberos.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.msrpc4j.authz.Sid;
import org.msrpc4j.authz.Token;
import org.msrpc4j.kerberos.client.KerberosClient;
import org.msrpc4j.kerberos.client.KerberosTicket;
import org.msrpc4j.kerberos.client.Keytab;
import org.msrpc4j.kerberos.client.Krb5Config;
import org.msrpc4j.kerberos.client.Principal;
import org.msrpc4j.kerberos.gss.CredentialCacheIdentity;
import org.msrpc4j.kerberos.gss.KerberosSecurityProvider;
import org.msrpc4j.kerberos.pac.PacTokenSource;
import org.msrpc4j.kerberos.spnego.NegotiateSecurityProvider;
import org.msrpc4j.security.AuthnLevel;
import org.msrpc4j.security.ClientContextRequest;
import org.msrpc4j.security.ClientIdentity;
import org.msrpc4j.security.ClientSecurityContext;
import org.msrpc4j.security.ContextStep;
import org.msrpc4j.security.IdentityTracking;
import org.msrpc4j.security.ImpersonationLevel;
import org.msrpc4j.security.SecurityQos;
import org.msrpc4j.security.ServerContextRequest;
import org.msrpc4j.security.ServerSecurityContext;

/**
 * Against the Samba AD DC of the interop suite (interop/samba-dc start): its Heimdal KDC issues
 * tickets to msrpc4j's client (AS with encrypted timestamp, TGS with the authenticator checksum)
 * and to MIT kinit, and msrpc4j's acceptor reads them with the keytab exported by samba-tool,
 * checks the PAC's server signature and builds the token from it. Skipped when the DC is not
 * provisioned.
 */
class SambaDcKerberosTest {
    private static final Path DC = Path.of(System.getenv().getOrDefault("MSRPC4J_INTEROP_DIR", "/tmp/msrpc4j-interop"), "dc");
    private static final String SPN = "host/rpc1.example.test";
    private static Krb5Config config;
    private static Keytab keytab;

    @BeforeAll
    static void dc() throws Exception {
        Path conf = DC.resolve("krb5.conf");
        Path kt = DC.resolve("keytab/rpc1svc.keytab");
        assumeTrue(Files.isReadable(conf) && Files.isReadable(kt), "the interop Samba DC is not provisioned");
        config = Krb5Config.read(conf);
        keytab = Keytab.read(kt);
        try (java.net.Socket s = new java.net.Socket()) {
            s.connect(new java.net.InetSocketAddress("127.0.0.1", 88), 2000);
        } catch (java.io.IOException e) {
            assumeTrue(false, "the interop Samba DC is not running");
        }
    }

    private static ClientContextRequest request(ClientIdentity id) {
        return new ClientContextRequest(id, SPN, AuthnLevel.PKT_PRIVACY,
                new SecurityQos(Set.of(), IdentityTracking.STATIC, ImpersonationLevel.IMPERSONATE));
    }

    private static void handshake(ClientSecurityContext c, ServerSecurityContext s) throws Exception {
        ContextStep step = c.initialize(null);
        ContextStep reply = s.accept(step.token());
        while (!step.isComplete()) {
            step = c.initialize(reply.token());
            if (step.hasToken()) {
                reply = s.accept(step.token());
            }
        }
        assertThat(s.isEstablished()).isTrue();
    }

    private static void assertPacToken(Token t) {
        assertThat(t.user().toString()).startsWith("S-1-5-21-");
        assertThat(t.userName()).isEqualToIgnoringCase("EXAMPLE\\alice");
        Sid domainUsers = Sid.parse(t.user().toString().replaceAll("-\\d+$", "-513"));
        assertThat(t.isEnabledMember(domainUsers)).isTrue();
        assertThat(t.isEnabledMember(Sid.AUTHENTICATED_USERS)).isTrue();
    }

    @Test
    void heimdalKdcIssuesTicketsToOurClientAndOurAcceptorReadsThePac() throws Exception {
        KerberosClient client = new KerberosClient(config);
        KerberosTicket tgt = client.requestTgt(Principal.parse("alice", "EXAMPLE.TEST"), "Alic3Pass!x".toCharArray());
        KerberosTicket st = client.requestServiceTicket(tgt, Principal.service(SPN, "EXAMPLE.TEST"));
        assertThat(st.sessionKey().type().isAes()).isTrue();

        KerberosSecurityProvider p = KerberosSecurityProvider.builder().clientConfig(config)
                .server(keytab, new PacTokenSource(null)).build();
        ClientSecurityContext c = p.newClientContext(
                request(ClientIdentity.password("EXAMPLE.TEST", "alice", "Alic3Pass!x".toCharArray())));
        ServerSecurityContext s = p.newServerContext(new ServerContextRequest(AuthnLevel.PKT_PRIVACY));
        handshake(c, s);
        assertPacToken(s.callerToken());
        org.msrpc4j.kerberos.gss.DceKerberosContextTest.exchangeSealedPdus(c, s);
    }

    @Test
    void mitKinitCacheIsUsedAsIsThroughNegotiate(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/kinit")), "MIT kinit is not installed");
        Path cc = dir.resolve("cc");
        ProcessBuilder pb = new ProcessBuilder("kinit", "alice@EXAMPLE.TEST").redirectErrorStream(true);
        pb.environment().put("KRB5_CONFIG", DC.resolve("krb5.conf").toString());
        pb.environment().put("KRB5CCNAME", "FILE:" + cc);
        Process proc = pb.start();
        proc.getOutputStream().write("Alic3Pass!x\n".getBytes(StandardCharsets.UTF_8));
        proc.getOutputStream().close();
        String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(proc.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(proc.exitValue()).as(out).isZero();

        KerberosSecurityProvider k = KerberosSecurityProvider.builder().clientConfig(config)
                .server(keytab, new PacTokenSource(null)).build();
        NegotiateSecurityProvider n = new NegotiateSecurityProvider(k, null);
        ClientSecurityContext c = n.newClientContext(request(CredentialCacheIdentity.of(cc)));
        ServerSecurityContext s = n.newServerContext(new ServerContextRequest(AuthnLevel.PKT_PRIVACY));
        handshake(c, s);
        assertPacToken(s.callerToken());
        org.msrpc4j.kerberos.gss.DceKerberosContextTest.exchangeSealedPdus(c, s);
    }
}
