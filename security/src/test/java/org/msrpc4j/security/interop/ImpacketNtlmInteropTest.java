package org.msrpc4j.security.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.msrpc4j.security.AuthnLevel;
import org.msrpc4j.security.ContextStep;
import org.msrpc4j.security.SecurityContextException;
import org.msrpc4j.security.ServerContextRequest;
import org.msrpc4j.security.ServerSecurityContext;
import org.msrpc4j.security.accounts.AccountStore;
import org.msrpc4j.security.ntlm.NtlmSecurityProvider;
import org.msrpc4j.security.ntlm.NtlmServerConfig;

/**
 * Impacket's NTLM client (the code its rpcrt uses: getNTLMSSPType1/3, SIGN, SEAL) against our NTLM
 * server: no VERSION, no MIC, its own flag choices. Skipped without Impacket, except under CI=true.
 */
class ImpacketNtlmInteropTest {
  private static final HexFormat HEX = HexFormat.of();
  private static Path work;

  @BeforeAll
  static void impacket() throws Exception {
    SambaFixture.requireImpacket();
    work = Path.of("target", "impacket-interop").toAbsolutePath();
    Files.createDirectories(work);
  }

  private static ServerSecurityContext handshake(PythonPeer peer, AuthnLevel level) throws Exception {
    AccountStore store = AccountStore.parse(
        "domain: EXAMPLE\nrealm: EXAMPLE.TEST\nsid: S-1-5-21-1-2-3\nusers:\n  - name: alice\n    rid: 1104\n    password: \""
            + SambaFixture.ALICE_PASSWORD + "\"\n", "test");
    ServerSecurityContext server = NtlmSecurityProvider.server(NtlmServerConfig.builder(store).build())
        .newServerContext(new ServerContextRequest(level));
    String[] negotiate = peer.call("TOKEN -").split(" ");
    ContextStep challenge = server.accept(HEX.parseHex(negotiate[1]));
    String[] authenticate = peer.call("TOKEN " + HEX.formatHex(challenge.token())).split(" ");
    assertThat(authenticate[0]).as(String.join(" ", authenticate)).isEqualTo("TOKEN");
    assertThat(server.accept(HEX.parseHex(authenticate[1])).isComplete()).isTrue();
    return server;
  }

  @ParameterizedTest
  @ValueSource(strings = {"sign", "seal"})
  void impacketClientAgainstOurServer(String feature) throws Exception {
    AuthnLevel level = feature.equals("seal") ? AuthnLevel.PKT_PRIVACY : AuthnLevel.PKT_INTEGRITY;
    try (PythonPeer peer = PythonPeer.start(work, "impacket_peer.py", "alice", SambaFixture.ALICE_PASSWORD, "EXAMPLE", feature)) {
      ServerSecurityContext server = handshake(peer, level);
      assertThat(server.peerPrincipal()).isEqualTo("EXAMPLE\\alice");
      assertThat(peer.call("KEY")).isEqualTo("OK " + HEX.formatHex(server.sessionKey()));
      PeerMessages.bothWays(peer, server, feature);
    }
  }

  @Test
  void impacketAnonymous() throws Exception {
    try (PythonPeer peer = PythonPeer.start(work, "impacket_peer.py", "-", "-", "-", "seal")) {
      ServerSecurityContext server = handshake(peer, AuthnLevel.PKT_PRIVACY);
      assertThat(server.isAnonymous()).isTrue();
      PeerMessages.bothWays(peer, server, "seal");
    }
  }

  @Test
  void impacketWrongPassword() throws Exception {
    try (PythonPeer peer = PythonPeer.start(work, "impacket_peer.py", "alice", "wrong", "EXAMPLE", "sign")) {
      assertThatThrownBy(() -> handshake(peer, AuthnLevel.PKT_INTEGRITY))
          .isInstanceOf(SecurityContextException.class)
          .satisfies(e -> assertThat(((SecurityContextException) e).rpcStatus()).isEqualTo(5));
    }
  }
}
