package org.msrpc4j.kerberos.spnego;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.msrpc4j.kerberos.client.Keytab;
import org.msrpc4j.kerberos.gss.AccountStoreTokenSource;
import org.msrpc4j.kerberos.gss.DceKerberosContextTest;
import org.msrpc4j.kerberos.gss.KerberosSecurityProvider;
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
import org.msrpc4j.security.ServerContextRequest;
import org.msrpc4j.security.ServerSecurityContext;
import org.msrpc4j.security.accounts.AccountStore;
import org.msrpc4j.security.ntlm.NtlmSecurityProvider;
import org.msrpc4j.security.ntlm.NtlmServerConfig;

/** Negotiate between msrpc4j's initiator and acceptor: Kerberos when possible, NTLM otherwise, MIC checks. */
class SpnegoTest {
    static EmbeddedKdc kdc;
    static AccountStore store;
    static KerberosSecurityProvider kerberos;
    static NtlmSecurityProvider ntlm;

    @BeforeAll
    static void start() throws Exception {
        store = AccountStore.parse(DceKerberosContextTest.ACCOUNTS, "test");
        kdc = EmbeddedKdc.start("EXAMPLE.TEST", "127.0.0.1", 0);
        kdc.addAccounts(store);
        Keytab keytab = kdc.addService("host/rpc1.example.test");
        kdc.addService("host/nokey.example.test");
        kerberos = KerberosSecurityProvider.builder().clientConfig(kdc.clientConfig())
                .server(keytab, new AccountStoreTokenSource(store)).build();
        ntlm = NtlmSecurityProvider.server(NtlmServerConfig.builder(store).build());
    }

    @AfterAll
    static void stop() {
        kdc.close();
    }

    static ClientContextRequest request(String spn, AuthnLevel level) {
        return new ClientContextRequest(ClientIdentity.password("EXAMPLE", "alice", "Alic3Pass!x".toCharArray()), spn, level,
                new SecurityQos(Set.of(), IdentityTracking.STATIC, ImpersonationLevel.IMPERSONATE));
    }

    /** bind, bind_ack, alter_context, alter_context_resp. */
    static void fourLegs(ClientSecurityContext c, ServerSecurityContext s, boolean tamper) throws SecurityContextException {
        ContextStep c1 = c.initialize(null);
        ContextStep s1 = s.accept(c1.token());
        ContextStep c2 = c.initialize(s1.token());
        assertThat(c2.isComplete()).isFalse();
        byte[] t = c2.token();
        if (tamper) {
            t[t.length - 3] ^= 1;
        }
        ContextStep s2 = s.accept(t);
        assertThat(s2.isComplete()).isTrue();
        ContextStep c3 = c.initialize(s2.token());
        assertThat(c3.isComplete()).isTrue();
        assertThat(c3.hasToken()).isFalse();
    }

    @Test
    void kerberosIsPreferredAndWorksAtPrivacy() throws Exception {
        NegotiateSecurityProvider p = new NegotiateSecurityProvider(kerberos, ntlm);
        ClientSecurityContext c = p.newClientContext(request("host/rpc1.example.test", AuthnLevel.PKT_PRIVACY));
        SpnegoServerContext s = (SpnegoServerContext) p.newServerContext(new ServerContextRequest(AuthnLevel.PKT_PRIVACY));
        fourLegs(c, s, false);
        assertThat(s.kerberosSelected()).isTrue();
        assertThat(s.callerToken().user().toString()).endsWith("-1104");
        DceKerberosContextTest.exchangeSealedPdus(c, s);
    }

    @Test
    void ntlmWhenTheTargetHasNoSpn() throws Exception {
        NegotiateSecurityProvider p = new NegotiateSecurityProvider(kerberos, ntlm);
        ClientSecurityContext c = p.newClientContext(request("host/unknown.example.test", AuthnLevel.PKT_PRIVACY));
        SpnegoServerContext s = (SpnegoServerContext) p.newServerContext(new ServerContextRequest(AuthnLevel.PKT_PRIVACY));
        fourLegs(c, s, false);
        assertThat(s.kerberosSelected()).isFalse();
        assertThat(s.callerToken().user().toString()).endsWith("-1104");
        DceKerberosContextTest.exchangeSealedPdus(c, s);
    }

    @Test
    void ntlmWhenTheServerHasNoKeyForTheTicket() throws Exception {
        NegotiateSecurityProvider p = new NegotiateSecurityProvider(kerberos, ntlm);
        // The KDC knows host/nokey, but this server's keytab has only host/rpc1.
        ClientSecurityContext c = p.newClientContext(request("host/nokey.example.test", AuthnLevel.PKT_PRIVACY));
        SpnegoServerContext s = (SpnegoServerContext) p.newServerContext(new ServerContextRequest(AuthnLevel.PKT_PRIVACY));
        ContextStep c1 = c.initialize(null);
        ContextStep s1 = s.accept(c1.token());
        ContextStep c2 = c.initialize(s1.token());
        ContextStep s2 = s.accept(c2.token());
        ContextStep c3 = c.initialize(s2.token());
        ContextStep s3 = s.accept(c3.token());
        assertThat(s3.isComplete()).isTrue();
        assertThat(c.initialize(s3.token()).isComplete()).isTrue();
        assertThat(s.kerberosSelected()).isFalse();
        DceKerberosContextTest.exchangeSealedPdus(c, s);
    }

    @Test
    void tamperedMechListMicFailsTheBind() throws Exception {
        NegotiateSecurityProvider p = new NegotiateSecurityProvider(kerberos, ntlm);
        ClientSecurityContext c = p.newClientContext(request("host/rpc1.example.test", AuthnLevel.PKT_PRIVACY));
        ServerSecurityContext s = p.newServerContext(new ServerContextRequest(AuthnLevel.PKT_PRIVACY));
        assertThatThrownBy(() -> fourLegs(c, s, true)).isInstanceOf(SecurityContextException.class);
    }

    @Test
    void garbageIsRefusedCleanly() throws Exception {
        NegotiateSecurityProvider p = new NegotiateSecurityProvider(kerberos, ntlm);
        java.util.Random r = new java.util.Random(3);
        ClientSecurityContext c = p.newClientContext(request("host/rpc1.example.test", AuthnLevel.PKT_PRIVACY));
        byte[] init = c.initialize(null).token();
        for (int i = 0; i < 300; i++) {
            byte[] junk = init.clone();
            junk[r.nextInt(Math.min(junk.length, 60))] ^= (byte) (1 + r.nextInt(255));
            try {
                p.newServerContext(new ServerContextRequest(AuthnLevel.PKT_PRIVACY)).accept(junk);
            } catch (SecurityContextException expected) {
                assertThat(expected.status()).isNotNull();
            }
        }
    }
}
