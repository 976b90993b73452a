package org.msrpc4j.kerberos.gss;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivilegedExceptionAction;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.Subject;
import javax.security.auth.kerberos.KerberosPrincipal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.msrpc4j.kerberos.client.KerberosClient;
import org.msrpc4j.kerberos.client.KerberosTicket;
import org.msrpc4j.kerberos.client.Krb5Config;
import org.msrpc4j.kerberos.client.Principal;
import org.msrpc4j.kerberos.setup.KerberosProviders;
import org.msrpc4j.security.AuthnLevel;
import org.msrpc4j.security.AuthnService;
import org.msrpc4j.security.ClientContextRequest;
import org.msrpc4j.security.ClientIdentity;
import org.msrpc4j.security.ClientSecurityContext;
import org.msrpc4j.security.IdentityTracking;
import org.msrpc4j.security.ImpersonationLevel;
import org.msrpc4j.security.SecurityProvider;
import org.msrpc4j.security.SecurityQos;
import org.msrpc4j.security.ServerContextRequest;
import org.msrpc4j.security.ServerSecurityContext;
import org.msrpc4j.security.accounts.AccountStore;

/** The embedded realm set-up and the JAAS Subject as "current thread credentials". */
class JaasAndSetupTest {
    @Test
    @SuppressWarnings("removal")
    void jdkTicketInASubjectIsTheThreadsIdentity(@TempDir Path dir) throws Exception {
        AccountStore store = AccountStore.parse(DceKerberosContextTest.ACCOUNTS, "test");
        Path conf = dir.resolve("krb5.conf");
        try (KerberosProviders.EmbeddedRealm realm = KerberosProviders.embedded(store, "127.0.0.1", 0,
                List.of("host/rpc1.example.test"), conf, null)) {
            assertThat(Krb5Config.read(conf).kdcs("EXAMPLE.TEST")).hasSize(1);
            KerberosTicket tgt = new KerberosClient(realm.clientConfig())
                    .requestTgt(Principal.parse("alice", "EXAMPLE.TEST"), "Alic3Pass!x".toCharArray());
            boolean[] flags = new boolean[32];
            for (int i = 0; i < 32; i++) {
                flags[i] = (tgt.flags() & (1 << (31 - i))) != 0;
            }
            var jdk = new javax.security.auth.kerberos.KerberosTicket(tgt.ticket(),
                    new KerberosPrincipal("alice@EXAMPLE.TEST"), new KerberosPrincipal("krbtgt/EXAMPLE.TEST@EXAMPLE.TEST"),
                    tgt.sessionKey().bytes(), tgt.sessionKey().type().id(), flags, Date.from(tgt.authTime()),
                    Date.from(tgt.startTime()), Date.from(tgt.endTime()), null, null);
            Subject subject = new Subject();
            subject.getPrivateCredentials().add(jdk);
            Optional<ClientIdentity> id = Subject.doAs(subject,
                    (PrivilegedExceptionAction<Optional<ClientIdentity>>) () -> KerberosProviders.currentCredentials().resolve());
            assertThat(id).get().isInstanceOf(KerberosTicketIdentity.class);

            SecurityProvider client = KerberosProviders.client(realm.clientConfig(), null).get(0);
            SecurityProvider server = realm.serverProviders().get(0);
            assertThat(server.service()).isEqualTo(AuthnService.GSS_KERBEROS);
            ClientSecurityContext c = client.newClientContext(new ClientContextRequest(id.get(), "host/rpc1.example.test",
                    AuthnLevel.PKT_PRIVACY, new SecurityQos(Set.of(), IdentityTracking.STATIC, ImpersonationLevel.IMPERSONATE)));
            ServerSecurityContext s = server.newServerContext(new ServerContextRequest(AuthnLevel.PKT_PRIVACY));
            DceKerberosContextTest.handshake(c, s);
            assertThat(s.callerToken().userName()).isEqualTo("EXAMPLE\\alice");
        }
        assertThat(Files.exists(conf)).isTrue();
    }
}
