package org.msrpc4j.security.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.msrpc4j.security.AuthnLevel;
import org.msrpc4j.security.ClientContextRequest;
import org.msrpc4j.security.ClientIdentity;
import org.msrpc4j.security.ClientSecurityContext;
import org.msrpc4j.security.ContextStep;
import org.msrpc4j.security.MessageSegment;
import org.msrpc4j.security.SecurityContext;
import org.msrpc4j.security.SecurityContextException;
import org.msrpc4j.security.ServerContextRequest;
import org.msrpc4j.security.ServerSecurityContext;
import org.msrpc4j.security.accounts.AccountStore;
import org.msrpc4j.security.ntlm.NtlmSecurityProvider;
import org.msrpc4j.security.ntlm.NtlmServerConfig;
import org.msrpc4j.security.ntlm.NtlmServerContext;

/**
 * msrpc4j's NTLM against Samba's (gensec ntlmssp, via /usr/bin/python3): our server with Samba's
 * client, our client with Samba's server (verifying against a provisioned sam.ldb), then signed and
 * sealed messages both ways. Skipped without Samba's Python bindings, except under CI=true.
 */
class SambaNtlmInteropTest {
  private static final HexFormat HEX = HexFormat.of();
  private static Path work;

  @BeforeAll
  static void samba() throws Exception {
    SambaFixture.requireSamba();
    work = Path.of("target", "samba-interop").toAbsolutePath();
    Files.createDirectories(work);
  }

  private static String hex(byte[] b) {
    return b.length == 0 ? "-" : HEX.formatHex(b);
  }

  private static byte[] unhex(String s) {
    return s.equals("-") ? new byte[0] : HEX.parseHex(s);
  }

  private static String[] ok(String answer) {
    assertThat(answer).startsWith("OK");
    return answer.split(" ");
  }

  private static AuthnLevel level(String feature) {
    return feature.equals("seal") ? AuthnLevel.PKT_PRIVACY : AuthnLevel.PKT_INTEGRITY;
  }

  // ---------------------------------------------------------------- Samba client, msrpc4j server

  private ServerSecurityContext serverAgainstSambaClient(PythonPeer peer, String feature) throws Exception {
    return serverAgainstSambaClient(peer, feature, level(feature));
  }

  private ServerSecurityContext serverAgainstSambaClient(PythonPeer peer, String feature, AuthnLevel level)
      throws Exception {
    AccountStore store = AccountStore.parse(
        "domain: EXAMPLE\nrealm: EXAMPLE.TEST\nsid: S-1-5-21-1-2-3\nusers:\n  - name: alice\n    rid: 1104\n    password: \""
            + SambaFixture.ALICE_PASSWORD + "\"\n", "test");
    NtlmSecurityProvider provider = NtlmSecurityProvider.server(NtlmServerConfig.builder(store).build());
    ServerSecurityContext server = provider.newServerContext(new ServerContextRequest(level));
    String[] negotiate = peer.call("TOKEN -").split(" ");
    assertThat(negotiate[0]).as(String.join(" ", negotiate)).isEqualTo("TOKEN");
    ContextStep challenge = server.accept(unhex(negotiate[1]));
    String[] authenticate = peer.call("TOKEN " + hex(challenge.token())).split(" ");
    assertThat(authenticate[0]).as(String.join(" ", authenticate)).isEqualTo("TOKEN");
    assertThat(authenticate[2]).isEqualTo("1");
    assertThat(server.accept(unhex(authenticate[1])).isComplete()).isTrue();
    return server;
  }

  @ParameterizedTest
  @ValueSource(strings = {"sign", "seal"})
  void sambaClientAgainstOurServer(String feature) throws Exception {
    try (PythonPeer peer = PythonPeer.start(work, "ntlm_peer.py", "client", SambaFixture.clientConf().toString(),
        "alice", SambaFixture.ALICE_PASSWORD, "EXAMPLE", feature)) {
      ServerSecurityContext server = serverAgainstSambaClient(peer, feature);
      assertThat(server.peerPrincipal()).isEqualTo("EXAMPLE\\alice");
      assertThat(((NtlmServerContext) server).micVerified()).as("Samba sends a MIC").isTrue();
      assertThat(ok(peer.call("KEY"))[1]).isEqualTo(hex(server.sessionKey()));
      PeerMessages.bothWays(peer, server, feature);
    }
  }

  @Test
  void sambaClientWithWrongPasswordIsDenied() throws Exception {
    try (PythonPeer peer = PythonPeer.start(work, "ntlm_peer.py", "client", SambaFixture.clientConf().toString(),
        "alice", "not-the-password", "EXAMPLE", "sign")) {
      assertThatThrownBy(() -> serverAgainstSambaClient(peer, "sign"))
          .isInstanceOf(SecurityContextException.class)
          .satisfies(e -> assertThat(((SecurityContextException) e).rpcStatus()).isEqualTo(5));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sign", "seal"})
  void sambaAnonymousClientAgainstOurServer(String feature) throws Exception {
    // Samba's anonymous client drops extended session security from its AUTHENTICATE; a null
    // session then uses the older shared-RC4/CRC32 scheme, which our server allows for null sessions only.
    try (PythonPeer peer = PythonPeer.start(work, "ntlm_peer.py", "client", SambaFixture.clientConf().toString(),
        "-", "-", "-", feature)) {
      ServerSecurityContext server = serverAgainstSambaClient(peer, feature);
      assertThat(server.isAnonymous()).isTrue();
      assertThat(server.callerToken().userName()).isEqualTo("NT AUTHORITY\\ANONYMOUS LOGON");
      PeerMessages.bothWays(peer, server, feature);
    }
  }

  // ---------------------------------------------------------------- msrpc4j client, Samba server

  private ClientSecurityContext clientAgainstSambaServer(PythonPeer peer, ClientIdentity id, String feature) throws Exception {
    ClientSecurityContext client = NtlmSecurityProvider.client()
        .newClientContext(new ClientContextRequest(id, "host/server", level(feature), null));
    ContextStep negotiate = client.initialize(null);
    String[] challenge = peer.call("TOKEN " + hex(negotiate.token())).split(" ");
    assertThat(challenge[0]).as(String.join(" ", challenge)).isEqualTo("TOKEN");
    ContextStep authenticate = client.initialize(unhex(challenge[1]));
    assertThat(authenticate.isComplete()).isTrue();
    String done = peer.call("TOKEN " + hex(authenticate.token()));
    assertThat(done).as("Samba's verdict on our AUTHENTICATE").startsWith("TOKEN").endsWith(" 1");
    return client;
  }

  @ParameterizedTest
  @ValueSource(strings = {"sign", "seal"})
  void ourClientAgainstSambaServer(String feature) throws Exception {
    try (PythonPeer peer = PythonPeer.start(work, "ntlm_peer.py", "server", SambaFixture.domainConf().toString(), feature)) {
      ClientSecurityContext client = clientAgainstSambaServer(peer,
          ClientIdentity.password("EXAMPLE", "alice", SambaFixture.ALICE_PASSWORD.toCharArray()), feature);
      String[] who = ok(peer.call("WHO"));
      assertThat(who[1]).isEqualTo("alice");
      assertThat(who[2]).isEqualTo("EXAMPLE");
      assertThat(ok(peer.call("KEY"))[1]).isEqualTo(hex(client.sessionKey()));
      PeerMessages.bothWays(peer, client, feature);
    }
  }

  @Test
  void ourClientWithWrongPasswordIsRefusedBySamba() throws Exception {
    try (PythonPeer peer = PythonPeer.start(work, "ntlm_peer.py", "server", SambaFixture.domainConf().toString(), "sign")) {
      ClientSecurityContext client = NtlmSecurityProvider.client().newClientContext(new ClientContextRequest(
          ClientIdentity.password("EXAMPLE", "alice", "wrong".toCharArray()), "", AuthnLevel.PKT_INTEGRITY, null));
      String[] challenge = peer.call("TOKEN " + hex(client.initialize(null).token())).split(" ");
      String verdict = peer.call("TOKEN " + hex(client.initialize(unhex(challenge[1])).token()));
      // 0xC000006A = NT_STATUS_WRONG_PASSWORD
      assertThat(verdict).startsWith("ERROR").contains(Long.toString(0xC000006AL));
    }
  }

  @Test
  void ourAnonymousClientAgainstSambaServer() throws Exception {
    try (PythonPeer peer = PythonPeer.start(work, "ntlm_peer.py", "server", SambaFixture.domainConf().toString(), "sign")) {
      ClientSecurityContext client = clientAgainstSambaServer(peer, ClientIdentity.anonymous(), "sign");
      String[] who = ok(peer.call("WHO"));
      assertThat(who[1]).isEqualTo("ANONYMOUS");
      // A null session still signs: both sides derive the keys from Z(16) and the exchanged key.
      PeerMessages.bothWays(peer, client, "sign");
    }
  }
}
