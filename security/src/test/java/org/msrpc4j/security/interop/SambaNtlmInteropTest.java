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

  private ServerSecurityContext serverAgainstSambaClient(SambaPeer peer, String feature) throws Exception {
    AccountStore store = AccountStore.parse(
        "domain: EXAMPLE\nrealm: EXAMPLE.TEST\nsid: S-1-5-21-1-2-3\nusers:\n  - name: alice\n    rid: 1104\n    password: \""
            + SambaFixture.ALICE_PASSWORD + "\"\n", "test");
    NtlmSecurityProvider provider = NtlmSecurityProvider.server(NtlmServerConfig.builder(store).build());
    ServerSecurityContext server = provider.newServerContext(new ServerContextRequest(level(feature)));
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
    try (SambaPeer peer = SambaPeer.start(work, "client", SambaFixture.clientConf().toString(),
        "alice", SambaFixture.ALICE_PASSWORD, "EXAMPLE", feature)) {
      ServerSecurityContext server = serverAgainstSambaClient(peer, feature);
      assertThat(server.peerPrincipal()).isEqualTo("EXAMPLE\\alice");
      assertThat(((NtlmServerContext) server).micVerified()).as("Samba sends a MIC").isTrue();
      assertThat(ok(peer.call("KEY"))[1]).isEqualTo(hex(server.sessionKey()));
      messagesBothWays(peer, server, feature);
    }
  }

  @Test
  void sambaClientWithWrongPasswordIsDenied() throws Exception {
    try (SambaPeer peer = SambaPeer.start(work, "client", SambaFixture.clientConf().toString(),
        "alice", "not-the-password", "EXAMPLE", "sign")) {
      assertThatThrownBy(() -> serverAgainstSambaClient(peer, "sign"))
          .isInstanceOf(SecurityContextException.class)
          .satisfies(e -> assertThat(((SecurityContextException) e).rpcStatus()).isEqualTo(5));
    }
  }

  @Test
  void sambaAnonymousClientAgainstOurServer() throws Exception {
    try (SambaPeer peer = SambaPeer.start(work, "client", SambaFixture.clientConf().toString(),
        "-", "-", "-", "sign")) {
      ServerSecurityContext server = serverAgainstSambaClient(peer, "sign");
      assertThat(server.isAnonymous()).isTrue();
      assertThat(server.callerToken().userName()).isEqualTo("NT AUTHORITY\\ANONYMOUS LOGON");
    }
  }

  // ---------------------------------------------------------------- msrpc4j client, Samba server

  private ClientSecurityContext clientAgainstSambaServer(SambaPeer peer, ClientIdentity id, String feature) throws Exception {
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
    try (SambaPeer peer = SambaPeer.start(work, "server", SambaFixture.domainConf().toString(), feature)) {
      ClientSecurityContext client = clientAgainstSambaServer(peer,
          ClientIdentity.password("EXAMPLE", "alice", SambaFixture.ALICE_PASSWORD.toCharArray()), feature);
      String[] who = ok(peer.call("WHO"));
      assertThat(who[1]).isEqualTo("alice");
      assertThat(who[2]).isEqualTo("EXAMPLE");
      assertThat(ok(peer.call("KEY"))[1]).isEqualTo(hex(client.sessionKey()));
      messagesBothWays(peer, client, feature);
    }
  }

  @Test
  void ourClientWithWrongPasswordIsRefusedBySamba() throws Exception {
    try (SambaPeer peer = SambaPeer.start(work, "server", SambaFixture.domainConf().toString(), "sign")) {
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
    try (SambaPeer peer = SambaPeer.start(work, "server", SambaFixture.domainConf().toString(), "sign")) {
      clientAgainstSambaServer(peer, ClientIdentity.anonymous(), "sign");
      String[] who = ok(peer.call("WHO"));
      assertThat(who[1]).isEqualTo("ANONYMOUS");
    }
  }

  // ---------------------------------------------------------------- messages

  /** Samba signs/seals, we check; we sign/seal, Samba checks. Three rounds to move sequence numbers and RC4 state. */
  private void messagesBothWays(SambaPeer peer, SecurityContext ours, String feature) throws Exception {
    for (int round = 0; round < 3; round++) {
      // A DCE/RPC-like PDU: 24-byte header, stub, 8-byte sec_trailer; the signature covers it all.
      byte[] header = ("HEADER-of-the-pdu-" + round + "-----").substring(0, 24).getBytes(StandardCharsets.US_ASCII);
      byte[] stub = ("stub data of round " + round).getBytes(StandardCharsets.US_ASCII);
      byte[] trailer = {10, 5, 0, 0, 0, 0, 0, 0};
      byte[] whole = concat(header, stub, trailer);

      // Samba -> us, gensec_sign_packet (what Samba's DCE/RPC does at integrity)
      String sig = ok(peer.call("SIGN " + hex(stub) + " " + hex(whole)))[1];
      byte[] pdu = concat(whole, unhex(sig));
      ours.verify(rpcSegments(pdu, header.length, stub.length));

      // us -> Samba
      byte[] ourPdu = concat(whole, new byte[16]);
      ours.sign(rpcSegments(ourPdu, header.length, stub.length));
      assertThat(peer.call("CHECK " + hex(stub) + " " + hex(whole) + " " + hex(Arrays.copyOfRange(ourPdu, whole.length, ourPdu.length))))
          .isEqualTo("OK");

      // gensec_wrap / unwrap: 16-byte signature then the data, sealed when SEAL was negotiated
      byte[] message = ("wrapped message " + round).getBytes(StandardCharsets.US_ASCII);
      byte[] wrapped = unhex(ok(peer.call("WRAP " + hex(message)))[1]);
      List<MessageSegment> segs = List.of(MessageSegment.token(wrapped, 0, 16), MessageSegment.data(wrapped, 16, wrapped.length - 16));
      if (feature.equals("seal")) {
        assertThat(Arrays.copyOfRange(wrapped, 16, wrapped.length)).isNotEqualTo(message);
        ours.unseal(segs);
      } else {
        ours.verify(segs);
      }
      assertThat(Arrays.copyOfRange(wrapped, 16, wrapped.length)).isEqualTo(message);

      byte[] mine = concat(new byte[16], message);
      List<MessageSegment> mineSegs = List.of(MessageSegment.token(mine, 0, 16), MessageSegment.data(mine, 16, message.length));
      if (feature.equals("seal")) {
        ours.seal(mineSegs);
      } else {
        ours.sign(mineSegs);
      }
      assertThat(unhex(ok(peer.call("UNWRAP " + hex(mine)))[1])).isEqualTo(message);
    }
  }

  private static List<MessageSegment> rpcSegments(byte[] pdu, int headerLen, int stubLen) {
    return List.of(
        MessageSegment.readOnly(pdu, 0, headerLen),
        MessageSegment.data(pdu, headerLen, stubLen),
        MessageSegment.readOnly(pdu, headerLen + stubLen, 8),
        MessageSegment.token(pdu, headerLen + stubLen + 8, 16));
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int off = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, off, p.length);
      off += p.length;
    }
    return out;
  }
}
