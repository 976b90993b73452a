package org.msrpc4j.kerberos.gss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.msrpc4j.kerberos.client.Keytab;
import org.msrpc4j.kerberos.kdc.EmbeddedKdc;
import org.msrpc4j.security.AuthnLevel;
import org.msrpc4j.security.ClientContextRequest;
import org.msrpc4j.security.ClientIdentity;
import org.msrpc4j.security.ClientSecurityContext;
import org.msrpc4j.security.ContextStep;
import org.msrpc4j.security.IdentityTracking;
import org.msrpc4j.security.ImpersonationLevel;
import org.msrpc4j.security.SecurityContextException;
import org.msrpc4j.security.SecurityQos;
import org.msrpc4j.security.SecurityStatus;
import org.msrpc4j.security.ServerContextRequest;
import org.msrpc4j.security.ServerSecurityContext;
import org.msrpc4j.security.accounts.AccountStore;

/** Three-leg DCE-style Kerberos between msrpc4j's initiator and acceptor, tickets from the embedded KDC. */
public class DceKerberosContextTest {
    public static final String ACCOUNTS = String.join("\n",
            "domain: EXAMPLE", "realm: EXAMPLE.TEST", "sid: S-1-5-21-1111111111-2222222222-3333333333",
            "users:",
            "  - name: alice", "    rid: 1104", "    password: \"Alic3Pass!x\"", "    groups: [engineers]",
            "  - name: bob", "    rid: 1105", "    nthash: \"0cb6948805f797bf2a82807973b89537\"",
            "groups:", "  - name: engineers", "    rid: 1201", "");
    static EmbeddedKdc kdc;
    static AccountStore store;
    static Keytab keytab;
    static KerberosSecurityProvider provider;

    @BeforeAll
    static void start() throws Exception {
        store = AccountStore.parse(ACCOUNTS, "test");
        kdc = EmbeddedKdc.start("EXAMPLE.TEST", "127.0.0.1", 0);
        kdc.addAccounts(store);
        keytab = kdc.addService("host/rpc1.example.test");
        provider = KerberosSecurityProvider.builder().clientConfig(kdc.clientConfig())
                .server(keytab, new AccountStoreTokenSource(store)).build();
    }

    @AfterAll
    static void stop() {
        kdc.close();
    }

    static ClientContextRequest request(ClientIdentity id, ImpersonationLevel imp) {
        return new ClientContextRequest(id, "host/rpc1.example.test", AuthnLevel.PKT_PRIVACY,
                new SecurityQos(Set.of(), IdentityTracking.STATIC, imp));
    }

    /** Runs the handshake as the runtime would (bind, bind_ack, alter_context). */
    public static void handshake(ClientSecurityContext c, ServerSecurityContext s) throws SecurityContextException {
        ContextStep c1 = c.initialize(null);
        assertThat(c1.isComplete()).isFalse();
        assertThat(c1.token()[0] & 0xff).isEqualTo(0x6e);
        ContextStep s1 = s.accept(c1.token());
        assertThat(s1.isComplete()).isFalse();
        assertThat(s1.token()[0] & 0xff).isEqualTo(0x6f);
        ContextStep c2 = c.initialize(s1.token());
        assertThat(c2.isComplete()).isTrue();
        assertThat(c2.hasToken()).isTrue();
        ContextStep s2 = s.accept(c2.token());
        assertThat(s2.isComplete()).isTrue();
        assertThat(c.isEstablished()).isTrue();
        assertThat(s.isEstablished()).isTrue();
    }

    public static void exchangeSealedPdus(ClientSecurityContext c, ServerSecurityContext s) throws Exception {
        for (int i = 0; i < 3; i++) {
            MessageProtectionTest.Pdu req = new MessageProtectionTest.Pdu(48, c.sealTokenSize(), i);
            byte[] plain = req.stubBytes();
            c.seal(req.segments(true));
            s.unseal(req.segments(true));
            assertThat(req.stubBytes()).isEqualTo(plain);
            MessageProtectionTest.Pdu resp = new MessageProtectionTest.Pdu(32, s.signatureSize(), i + 100);
            s.sign(resp.segments(true));
            c.verify(resp.segments(true));
        }
    }

    @Test
    void passwordClientAuthenticatesAndGetsItsAccountToken() throws Exception {
        ClientSecurityContext c = provider.newClientContext(
                request(ClientIdentity.password("EXAMPLE.TEST", "alice", "Alic3Pass!x".toCharArray()), ImpersonationLevel.IMPERSONATE));
        ServerSecurityContext s = provider.newServerContext(new ServerContextRequest(AuthnLevel.PKT_PRIVACY));
        handshake(c, s);
        exchangeSealedPdus(c, s);
        assertThat(s.callerToken().user().toString()).isEqualTo("S-1-5-21-1111111111-2222222222-3333333333-1104");
        assertThat(s.serverPrincipal()).isEqualTo("host/rpc1.example.test@EXAMPLE.TEST");
        assertThat(c.sessionKey()).isEqualTo(s.sessionKey());
        assertThat(c.sealTokenSize()).isEqualTo(76);
        assertThat(s.delegatedIdentity()).isEmpty();
    }

    @Test
    void rc4OnlyUserGetsRc4Tokens() throws Exception {
        // bob exists only as an NT hash; his password is "password"-like hash from the fixture.
        ClientSecurityContext c = provider.newClientContext(
                request(ClientIdentity.password("EXAMPLE", "alice", "Alic3Pass!x".toCharArray()), ImpersonationLevel.IMPERSONATE));
        ServerSecurityContext s = provider.newServerContext(new ServerContextRequest(AuthnLevel.PKT_INTEGRITY));
        handshake(c, s);
        exchangeSealedPdus(c, s);
    }

    @Test
    void delegationGivesTheServerAUsableTgt() throws Exception {
        ClientSecurityContext c = provider.newClientContext(
                request(ClientIdentity.password("EXAMPLE.TEST", "alice", "Alic3Pass!x".toCharArray()), ImpersonationLevel.DELEGATE));
        ServerSecurityContext s = provider.newServerContext(new ServerContextRequest(AuthnLevel.PKT_PRIVACY));
        handshake(c, s);
        assertThat(s.impersonationLevel()).isEqualTo(ImpersonationLevel.DELEGATE);
        ClientIdentity delegated = s.delegatedIdentity().orElseThrow();
        assertThat(delegated.user()).isEqualTo("alice");
        // Server A uses it to reach server B as alice.
        ClientSecurityContext c2 = provider.newClientContext(request(delegated, ImpersonationLevel.IMPERSONATE));
        ServerSecurityContext s2 = provider.newServerContext(new ServerContextRequest(AuthnLevel.PKT_PRIVACY));
        handshake(c2, s2);
        assertThat(s2.callerToken().user().toString()).endsWith("-1104");
    }

    @Test
    void replayedApReqIsRefused() throws Exception {
        ClientSecurityContext c = provider.newClientContext(
                request(ClientIdentity.password("EXAMPLE.TEST", "alice", "Alic3Pass!x".toCharArray()), ImpersonationLevel.IMPERSONATE));
        byte[] apReq = c.initialize(null).token();
        provider.newServerContext(new ServerContextRequest(AuthnLevel.PKT_PRIVACY)).accept(apReq);
        ServerSecurityContext again = provider.newServerContext(new ServerContextRequest(AuthnLevel.PKT_PRIVACY));
        assertThatThrownBy(() -> again.accept(apReq)).isInstanceOfSatisfying(SecurityContextException.class,
                e -> assertThat(e.status()).isEqualTo(SecurityStatus.LOGON_DENIED));
    }

    @Test
    void serverWithoutTheKeyRefusesAndGarbageFailsCleanly() throws Exception {
        Keytab other = kdc.addService("host/other.example.test");
        KerberosSecurityProvider wrong = KerberosSecurityProvider.builder().server(other, new AccountStoreTokenSource(store)).build();
        ClientSecurityContext c = provider.newClientContext(
                request(ClientIdentity.password("EXAMPLE.TEST", "alice", "Alic3Pass!x".toCharArray()), ImpersonationLevel.IMPERSONATE));
        byte[] apReq = c.initialize(null).token();
        assertThatThrownBy(() -> wrong.newServerContext(new ServerContextRequest(AuthnLevel.PKT_PRIVACY)).accept(apReq))
                .isInstanceOf(SecurityContextException.class).hasMessageContaining("no key for host/rpc1.example.test");
        Random r = new Random(1);
        for (int i = 0; i < 200; i++) {
            byte[] junk = apReq.clone();
            junk[r.nextInt(junk.length)] ^= (byte) (1 + r.nextInt(255));
            if (i % 3 == 0) {
                junk = java.util.Arrays.copyOf(junk, r.nextInt(junk.length));
            }
            // Bytes outside the encrypted parts (AP options, the case of the realm) are not protected
            // and may be accepted; anything else must fail with a SecurityContextException, never
            // with an unchecked exception.
            try {
                provider.newServerContext(new ServerContextRequest(AuthnLevel.PKT_PRIVACY)).accept(junk);
            } catch (SecurityContextException expected) {
                assertThat(expected.status()).isNotNull();
            }
        }
    }

    @Test
    void keytabWithStaleKeysStillAccepts() throws Exception {
        java.util.List<Keytab.Entry> entries = new java.util.ArrayList<>();
        for (Keytab.Entry e : keytab.entries()) {
            byte[] wrong = new byte[e.key().type().keyLength()];
            entries.add(new Keytab.Entry(e.principal(), 7, new org.msrpc4j.kerberos.crypto.KerberosKey(e.key().type(), wrong),
                    e.timestamp()));
            entries.add(new Keytab.Entry(e.principal(), e.kvno(),
                    new org.msrpc4j.kerberos.crypto.KerberosKey(e.key().type(), new byte[e.key().type().keyLength()]), e.timestamp()));
        }
        entries.addAll(keytab.entries());
        KerberosSecurityProvider p = KerberosSecurityProvider.builder().server(new Keytab(entries), new AccountStoreTokenSource(store)).build();
        ClientSecurityContext c = provider.newClientContext(
                request(ClientIdentity.password("EXAMPLE.TEST", "alice", "Alic3Pass!x".toCharArray()), ImpersonationLevel.IMPERSONATE));
        handshake(c, p.newServerContext(new ServerContextRequest(AuthnLevel.PKT_PRIVACY)));
    }

    @Test
    void ticketsAreReusedAcrossContexts() throws Exception {
        ServiceTickets tickets = new ServiceTickets(new org.msrpc4j.kerberos.client.KerberosClient(kdc.clientConfig()),
                java.time.Clock.systemUTC());
        ClientIdentity alice = ClientIdentity.password("EXAMPLE.TEST", "alice", "Alic3Pass!x".toCharArray());
        ServiceTickets.Acquired first = tickets.acquire(alice, "host/rpc1.example.test");
        ServiceTickets.Acquired second = tickets.acquire(alice, "host/rpc1.example.test");
        assertThat(second.serviceTicket()).isEqualTo(first.serviceTicket());
        assertThat(second.tgt()).isEqualTo(first.tgt());
        // Another password is another identity: no cached ticket may answer for it.
        assertThatThrownBy(() -> tickets.acquire(ClientIdentity.password("EXAMPLE.TEST", "alice", "wrong".toCharArray()),
                "host/rpc1.example.test")).isInstanceOf(SecurityContextException.class);
    }

    @Test
    void wrongPasswordIsLogonDenied() {
        assertThatThrownBy(() -> provider.newClientContext(
                request(ClientIdentity.password("EXAMPLE.TEST", "alice", "nope".toCharArray()), ImpersonationLevel.IMPERSONATE))
                .initialize(null)).isInstanceOfSatisfying(SecurityContextException.class, e -> {
                    assertThat(e.status()).isEqualTo(SecurityStatus.LOGON_DENIED);
                    assertThat(e.getMessage()).contains("wrong password").doesNotContain("nope");
                });
    }

}
