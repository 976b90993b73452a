package org.msrpc4j.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Set;
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

/**
 * NTLM messages through the public provider API, in every position an attacker controls: the
 * server's first leg (NEGOTIATE), its second leg (AUTHENTICATE, after a real NEGOTIATE, so that
 * the target-info/NTLMv2 response parsing is reached), and the client's CHALLENGE.
 *
 * <p>Contract: {@link SecurityContextException} only, and never an established context from
 * garbage for a named account.
 */
class NtlmFuzzTest {
  static final String ACCOUNTS = """
      domain: EXAMPLE
      realm: EXAMPLE.TEST
      sid: S-1-5-21-1111111111-2222222222-3333333333
      users:
        - name: alice
          rid: 1104
          password: "Alic3Pass!x"
      """;

  private static final NtlmSecurityProvider SERVER = server();
  private static final NtlmSecurityProvider CLIENT = NtlmSecurityProvider.client();

  private static NtlmSecurityProvider server() {
    try {
      return NtlmSecurityProvider.server(NtlmServerConfig.builder(AccountStore.parse(ACCOUNTS, "fuzz")).build());
    } catch (Exception e) {
      throw new IllegalStateException("the fuzz account store does not parse", e);
    }
  }

  @FuzzTest(maxDuration = "60s")
  void messages(byte[] input) {
    fuzzerTestOneInput(input);
  }

  /** The libFuzzer-style entry point; byte 0 picks the leg (0 server NEGOTIATE, 1 AUTHENTICATE, 2 client CHALLENGE). */
  public static void fuzzerTestOneInput(byte[] input) {
    if (input.length < 1) {
      return;
    }
    byte[] msg = java.util.Arrays.copyOfRange(input, 1, input.length);
    Set<Class<? extends Exception>> allowed = Set.of(SecurityContextException.class);
    switch ((input[0] & 0xff) % 3) {
      case 0 -> Documented.run(() -> newServer().accept(msg), allowed);
      case 1 -> Documented.run(() -> {
        ServerSecurityContext s = newServer();
        ClientSecurityContext c = CLIENT.newClientContext(new ClientContextRequest(
            ClientIdentity.password("EXAMPLE", "alice", "wrong".toCharArray()), "", AuthnLevel.PKT_INTEGRITY, null));
        s.accept(c.initialize(null).token());
        s.accept(msg);
        if (s.isEstablished() && !s.isAnonymous()) {
          throw new AssertionError("garbage AUTHENTICATE established a named context: " + s.peerPrincipal());
        }
      }, allowed);
      default -> Documented.run(() -> {
        ClientSecurityContext c = CLIENT.newClientContext(new ClientContextRequest(
            ClientIdentity.password("EXAMPLE", "alice", "x".toCharArray()), "", AuthnLevel.PKT_PRIVACY, null));
        c.initialize(null);
        c.initialize(msg);
      }, allowed);
    }
  }

  private static ServerSecurityContext newServer() throws SecurityContextException {
    return SERVER.newServerContext(new ServerContextRequest(AuthnLevel.PKT_INTEGRITY));
  }
}
