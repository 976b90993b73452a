package org.msrpc4j.kerberos.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.msrpc4j.kerberos.gss.DceKerberosContextTest;
import org.msrpc4j.runtime.RpcCall;
import org.msrpc4j.runtime.RpcException;
import org.msrpc4j.runtime.auth.ClientSecurity;
import org.msrpc4j.runtime.auth.ServerAuthPolicy;
import org.msrpc4j.runtime.client.ClientSettings;
import org.msrpc4j.runtime.client.RpcBinding;
import org.msrpc4j.runtime.client.RpcChannel;
import org.msrpc4j.runtime.client.RpcClient;
import org.msrpc4j.runtime.echo.EchoClient;
import org.msrpc4j.runtime.echo.EchoDispatcher;
import org.msrpc4j.runtime.echo.EchoEnums;
import org.msrpc4j.runtime.echo.EchoInfo;
import org.msrpc4j.runtime.echo.EchoService;
import org.msrpc4j.runtime.echo.SambaEchoService;
import org.msrpc4j.runtime.server.RpcServer;
import org.msrpc4j.security.AuthnLevel;
import org.msrpc4j.security.AuthnService;
import org.msrpc4j.security.AuthzService;
import org.msrpc4j.security.ClientIdentity;
import org.msrpc4j.security.IdentityTracking;
import org.msrpc4j.security.ImpersonationLevel;
import org.msrpc4j.security.QosCapability;
import org.msrpc4j.security.SecurityProviderRegistry;
import org.msrpc4j.security.SecurityQos;
import org.msrpc4j.security.accounts.AccountStore;

/**
 * Issue 5 acceptance 5, through the real runtime and the embedded KDC: server A, inside
 * {@code impersonateClient()}, calls server B with a null identity, and B sees the original caller
 * (alice, RID 1104) when she allowed delegation; without delegation A has no credentials.
 */
class RuntimeDelegationTest {
    private static KerberosProviders.EmbeddedRealm realm;
    private static RpcServer serverA;
    private static RpcServer serverB;
    private static ClientSecurity clientSecurity;

    /** rpcecho with Samba's semantics, except TestSleep, which runs the given function. */
    private record Echo(ToIntFunction<RpcCall> sleep, SambaEchoService d) implements EchoService {
        Echo(ToIntFunction<RpcCall> sleep) {
            this(sleep, new SambaEchoService());
        }

        @Override public int addOne(int in) {
            return d.addOne(in);
        }

        @Override public byte[] echoData(byte[] in) {
            return d.echoData(in);
        }

        @Override public void sinkData(byte[] data) {
            d.sinkData(data);
        }

        @Override public byte[] sourceData(int len) throws RpcException {
            return d.sourceData(len);
        }

        @Override public String testCall(String s1) {
            return d.testCall(s1);
        }

        @Override public EchoInfo testCall2(int level) throws RpcException {
            return d.testCall2(level);
        }

        @Override public int testSleep(int seconds, RpcCall call) {
            return sleep.applyAsInt(call);
        }

        @Override public EchoEnums testEnum(EchoEnums in) {
            return d.testEnum(in);
        }

        @Override public short[] testSurrounding(short[] in) {
            return d.testSurrounding(in);
        }

        @Override public int testDoublePointer(Integer value) {
            return d.testDoublePointer(value);
        }
    }

    @BeforeAll
    static void start() throws Exception {
        AccountStore store = AccountStore.parse(DceKerberosContextTest.ACCOUNTS, "test");
        realm = KerberosProviders.embedded(store, "127.0.0.1", 0, List.of("host/a.example.test", "host/b.example.test"), null, null);
        ServerAuthPolicy policy = ServerAuthPolicy.builder(SecurityProviderRegistry.of(realm.serverProviders())).build();
        clientSecurity = ClientSecurity.defaults()
                .withProviders(SecurityProviderRegistry.of(KerberosProviders.client(realm.clientConfig(), null)));
        // B answers TestSleep with its caller's RID.
        serverB = RpcServer.builder().register(new EchoDispatcher(new Echo(call -> {
            try {
                String sid = call.authorizationContext().user().toString();
                return Integer.parseInt(sid.substring(sid.lastIndexOf('-') + 1));
            } catch (RpcException e) {
                return -1;
            }
        }))).authentication(policy).listen("127.0.0.1", 0).build().start();
        int portB = serverB.port();
        // A impersonates its caller and calls B with the thread's (the caller's) credentials.
        serverA = RpcServer.builder().register(new EchoDispatcher(new Echo(call -> {
            try (var imp = call.impersonateClient();
                 RpcClient c = RpcClient.create(ClientSettings.defaults(), null, clientSecurity);
                 RpcChannel ch = c.channel(RpcBinding.parse("ncacn_ip_tcp:127.0.0.1[" + portB + "]"))) {
                ch.setAuthInfo("host/b.example.test", AuthnLevel.PKT_PRIVACY, AuthnService.GSS_KERBEROS, null, AuthzService.NONE);
                return new EchoClient(ch).testSleep(0);
            } catch (RpcException e) {
                return -2;
            }
        }))).authentication(policy).listen("127.0.0.1", 0).build().start();
    }

    @AfterAll
    static void stop() {
        if (serverA != null) {
            serverA.shutdown(Duration.ZERO);
        }
        if (serverB != null) {
            serverB.shutdown(Duration.ZERO);
        }
        if (realm != null) {
            realm.close();
        }
    }

    @ParameterizedTest
    @CsvSource({"GSS_KERBEROS,CONNECT", "GSS_KERBEROS,PKT", "GSS_KERBEROS,PKT_INTEGRITY", "GSS_KERBEROS,PKT_PRIVACY",
        "GSS_NEGOTIATE,CONNECT", "GSS_NEGOTIATE,PKT", "GSS_NEGOTIATE,PKT_INTEGRITY", "GSS_NEGOTIATE,PKT_PRIVACY"})
    void everyLevelWithKerberosAndNegotiate(AuthnService service, AuthnLevel level) throws Exception {
        try (RpcClient c = RpcClient.create(ClientSettings.defaults(), null, clientSecurity);
             RpcChannel ch = c.channel(RpcBinding.parse("ncacn_ip_tcp:127.0.0.1[" + serverB.port() + "]"))) {
            ch.setAuthInfo("host/b.example.test", level, service,
                    ClientIdentity.password("EXAMPLE", "alice", "Alic3Pass!x".toCharArray()), AuthzService.NONE);
            EchoClient echo = new EchoClient(ch);
            byte[] data = new byte[5000];
            new java.util.Random(level.value()).nextBytes(data);
            assertThat(echo.echoData(data)).isEqualTo(data);
            assertThat(echo.testSleep(0)).isEqualTo(1104);
            assertThat(echo.addOne(41)).isEqualTo(42);
        }
    }

    @ParameterizedTest
    @CsvSource({"GSS_KERBEROS,DELEGATE,1104", "GSS_NEGOTIATE,DELEGATE,1104", "GSS_KERBEROS,IMPERSONATE,-2"})
    void serverBSeesTheOriginalCallerOnlyWithDelegation(AuthnService service, ImpersonationLevel level, int expected)
            throws Exception {
        try (RpcClient c = RpcClient.create(ClientSettings.defaults(), null, clientSecurity);
             RpcChannel ch = c.channel(RpcBinding.parse("ncacn_ip_tcp:127.0.0.1[" + serverA.port() + "]"))) {
            ch.setAuthInfoEx("host/a.example.test", AuthnLevel.PKT_PRIVACY, service,
                    ClientIdentity.password("EXAMPLE", "alice", "Alic3Pass!x".toCharArray()), AuthzService.NONE,
                    new SecurityQos(Set.of(QosCapability.MUTUAL_AUTH), IdentityTracking.STATIC, level));
            assertThat(new EchoClient(ch).testSleep(0)).isEqualTo(expected);
        }
    }
}
