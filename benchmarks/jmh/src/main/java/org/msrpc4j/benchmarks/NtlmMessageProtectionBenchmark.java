package org.msrpc4j.benchmarks;

import java.util.concurrent.TimeUnit;
import org.msrpc4j.security.AuthnLevel;
import org.msrpc4j.security.ClientContextRequest;
import org.msrpc4j.security.ClientIdentity;
import org.msrpc4j.security.ClientSecurityContext;
import org.msrpc4j.security.SecurityContextException;
import org.msrpc4j.security.ServerContextRequest;
import org.msrpc4j.security.ServerSecurityContext;
import org.msrpc4j.security.accounts.AccountStore;
import org.msrpc4j.security.ntlm.NtlmSecurityProvider;
import org.msrpc4j.security.ntlm.NtlmServerConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * NTLM (NTLMv2, extended session security, 128-bit, key exchange) sign/verify and seal/unseal of
 * one PDU-shaped message by stub size, through {@link org.msrpc4j.security.SecurityContext} as the
 * runtime calls it. The contexts come from a real in-process handshake against the server's
 * account store. {@code seal} and {@code sign} only advance the client's outbound state;
 * {@code sealUnseal} and {@code signVerify} also run the server's inbound check on the result.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class NtlmMessageProtectionBenchmark {
  private static final String ACCOUNTS =
      """
      domain: EXAMPLE
      realm: EXAMPLE.TEST
      sid: S-1-5-21-1111111111-2222222222-3333333333
      users:
        - name: alice
          rid: 1104
          password: "Alic3Pass!x"
      """;

  // 16-128 bytes: the stubs of small calls (mgmt, addone, lookups), where per-message setup dominates.
  @Param({"16", "64", "128", "1024", "65536", "1048576"})
  public int size;

  private ClientSecurityContext client;
  private ServerSecurityContext server;
  private ProtectedMessage message;

  @Setup(Level.Trial)
  public void handshake() throws Exception {
    AccountStore store = AccountStore.parse(ACCOUNTS, "benchmark");
    NtlmSecurityProvider provider = NtlmSecurityProvider.server(NtlmServerConfig.builder(store).build());
    client = provider.newClientContext(new ClientContextRequest(
        ClientIdentity.password("EXAMPLE", "alice", "Alic3Pass!x".toCharArray()),
        "host/server.example.test", AuthnLevel.PKT_PRIVACY, null));
    server = provider.newServerContext(new ServerContextRequest(AuthnLevel.PKT_PRIVACY));
    byte[] challenge = server.accept(client.initialize(null).token()).token();
    server.accept(client.initialize(challenge).token());
    if (!client.isEstablished() || !server.isEstablished() || !client.canSeal()) {
      throw new IllegalStateException("the NTLM handshake did not establish a sealing context");
    }
    message = new ProtectedMessage(size, client.sealTokenSize(), 1);
  }

  @Benchmark
  public int seal() throws SecurityContextException {
    return client.seal(message.segments());
  }

  @Benchmark
  public byte sealUnseal() throws SecurityContextException {
    client.seal(message.segments());
    server.unseal(message.segmentsWithToken(server.sealTokenSize()));
    return message.stubByte();
  }

  @Benchmark
  public int sign() throws SecurityContextException {
    return client.sign(message.segments());
  }

  @Benchmark
  public byte signVerify() throws SecurityContextException {
    client.sign(message.segments());
    server.verify(message.segmentsWithToken(server.signatureSize()));
    return message.stubByte();
  }
}
