package org.msrpc4j.runtime.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.msrpc4j.runtime.SyntaxId;
import org.msrpc4j.runtime.pdu.Auth3Pdu;
import org.msrpc4j.runtime.pdu.AuthVerifier;
import org.msrpc4j.runtime.pdu.BindAckPdu;
import org.msrpc4j.runtime.pdu.BindPdu;
import org.msrpc4j.runtime.pdu.FragmentLayout;
import org.msrpc4j.runtime.pdu.Pdu;
import org.msrpc4j.runtime.pdu.PduCodec;
import org.msrpc4j.runtime.pdu.PduType;
import org.msrpc4j.runtime.pdu.PfcFlags;
import org.msrpc4j.runtime.pdu.PresentationContext;
import org.msrpc4j.runtime.pdu.ResponsePdu;
import org.msrpc4j.runtime.server.RpcServer;
import org.msrpc4j.security.AuthnLevel;
import org.msrpc4j.security.ClientContextRequest;
import org.msrpc4j.security.ClientIdentity;
import org.msrpc4j.security.ClientSecurityContext;
import org.msrpc4j.security.NtHash;
import org.msrpc4j.security.SecurityProviderRegistry;
import org.msrpc4j.security.accounts.AccountStore;
import org.msrpc4j.security.ntlm.NtlmSecurityProvider;
import org.msrpc4j.security.ntlm.NtlmServerConfig;

/**
 * Security-context multiplexing ([MS-RPCE] 3.3.1.5.4): two NTLM contexts on one connection, the
 * second established with alter_context + auth3, each request naming its context by
 * auth_context_id. Driven PDU by PDU over a plain socket against the real server.
 */
class SecurityContextMultiplexingTest {
  RpcServer server;

  @BeforeEach
  void start() throws Exception {
    AccountStore store = AccountStore.parse(AuthenticatedCallsTest.ACCOUNTS, "test");
    NtlmSecurityProvider ntlm = NtlmSecurityProvider.server(NtlmServerConfig.builder(store).build());
    server = RpcServer.builder().listen("127.0.0.1", 0).register(new AuthenticatedCallsTest.Who(AuthenticatedCallsTest.WHO))
        .authentication(ServerAuthPolicy.builder(SecurityProviderRegistry.of(List.of(ntlm))).build()).build().start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static ClientSecurityContext client(ClientIdentity id, AuthnLevel level) throws Exception {
    return NtlmSecurityProvider.client().newClientContext(new ClientContextRequest(id, "", level, null));
  }

  static byte[] readFrame(DataInputStream in) throws IOException {
    byte[] h = new byte[16];
    in.readFully(h);
    int len = (h[8] & 0xFF) | (h[9] & 0xFF) << 8;
    byte[] f = new byte[len];
    System.arraycopy(h, 0, f, 0, 16);
    in.readFully(f, 16, len - 16);
    return f;
  }

  @Test
  void twoContextsOnOneConnectionAreToldApartByAuthContextId() throws Exception {
    ClientSecurityContext alice = client(AuthenticatedCallsTest.ALICE, AuthnLevel.PKT_PRIVACY);
    ClientSecurityContext bob = client(ClientIdentity.ntHash("EXAMPLE", "bob",
        NtHash.fromHex("0cb6948805f797bf2a82807973b89537")), AuthnLevel.PKT_INTEGRITY);
    List<PresentationContext> pctx = List.of(new PresentationContext(0, AuthenticatedCallsTest.WHO.syntax(), List.of(SyntaxId.NDR20)));
    int flags = PfcFlags.FIRST_FRAG | PfcFlags.LAST_FRAG;
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      OutputStream out = s.getOutputStream();
      DataInputStream in = new DataInputStream(s.getInputStream());
      // Context 0 (alice, privacy): bind, bind_ack, auth3.
      out.write(PduCodec.encode(new BindPdu(PduType.BIND, flags, 1, 5840, 5840, 0, pctx,
          new AuthVerifier(10, 6, 0, 0, alice.initialize(null).token()))));
      BindAckPdu ack = (BindAckPdu) PduCodec.decode(readFrame(in));
      out.write(PduCodec.encode(new Auth3Pdu(flags, 1, new AuthVerifier(10, 6, 0, 0, alice.initialize(ack.auth().token()).token()))));
      // Context 7 (bob, integrity): alter_context, alter_context_resp, auth3.
      out.write(PduCodec.encode(new BindPdu(PduType.ALTER_CONTEXT, flags, 2, 5840, 5840, ack.assocGroupId(), pctx,
          new AuthVerifier(10, 5, 0, 7, bob.initialize(null).token()))));
      BindAckPdu alter = (BindAckPdu) PduCodec.decode(readFrame(in));
      assertThat(alter.type()).isEqualTo(PduType.ALTER_CONTEXT_RESP);
      assertThat(alter.auth().contextId()).isEqualTo(7);
      out.write(PduCodec.encode(new Auth3Pdu(flags, 2, new AuthVerifier(10, 5, 0, 7, bob.initialize(alter.auth().token()).token()))));

      SecurityContextProtection pa = new SecurityContextProtection(alice, 10, AuthnLevel.PKT_PRIVACY, 0, false);
      SecurityContextProtection pb = new SecurityContextProtection(bob, 10, AuthnLevel.PKT_INTEGRITY, 7, false);
      assertThat(call(out, in, 3, pa)).startsWith("6|EXAMPLE\\alice|");
      assertThat(call(out, in, 4, pb)).startsWith("5|EXAMPLE\\bob|");
      assertThat(call(out, in, 5, pa)).startsWith("6|EXAMPLE\\alice|");
    }
  }

  @Test
  void malformedAuthenticationIsRefusedCleanly() throws Exception {
    List<PresentationContext> pctx = List.of(new PresentationContext(0, AuthenticatedCallsTest.WHO.syntax(), List.of(SyntaxId.NDR20)));
    int flags = PfcFlags.FIRST_FRAG | PfcFlags.LAST_FRAG;
    byte[] negotiate = client(AuthenticatedCallsTest.ALICE, AuthnLevel.PKT_INTEGRITY).initialize(null).token();
    // auth_level NONE, an unknown level, an unknown auth type, an empty token: bind_nak, connection closed.
    AuthVerifier[] bad = {new AuthVerifier(10, 1, 0, 0, negotiate), new AuthVerifier(10, 9, 0, 0, negotiate),
        new AuthVerifier(99, 5, 0, 0, negotiate), new AuthVerifier(10, 5, 0, 0, new byte[] {1, 2, 3})};
    for (AuthVerifier v : bad) {
      try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
        s.getOutputStream().write(PduCodec.encode(new BindPdu(PduType.BIND, flags, 1, 5840, 5840, 0, pctx, v)));
        DataInputStream in = new DataInputStream(s.getInputStream());
        assertThat(PduCodec.decode(readFrame(in)).type()).as("%s", v).isEqualTo(PduType.BIND_NAK);
        assertThat(in.read()).isEqualTo(-1);
      }
    }
    // A request naming an auth context that does not exist: access denied, connection closed.
    ClientSecurityContext alice = client(AuthenticatedCallsTest.ALICE, AuthnLevel.PKT_INTEGRITY);
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      OutputStream out = s.getOutputStream();
      DataInputStream in = new DataInputStream(s.getInputStream());
      out.write(PduCodec.encode(new BindPdu(PduType.BIND, flags, 1, 5840, 5840, 0, pctx,
          new AuthVerifier(10, 5, 0, 0, alice.initialize(null).token()))));
      BindAckPdu ack = (BindAckPdu) PduCodec.decode(readFrame(in));
      out.write(PduCodec.encode(new Auth3Pdu(flags, 1, new AuthVerifier(10, 5, 0, 0, alice.initialize(ack.auth().token()).token()))));
      SecurityContextProtection wrongId = new SecurityContextProtection(alice, 10, AuthnLevel.PKT_INTEGRITY, 5, false);
      for (byte[] f : AuthFragmenter.request(2, 0, 0, null, new byte[8], 5840, wrongId)) {
        out.write(f);
      }
      Pdu fault = PduCodec.decode(readFrame(in));
      assertThat(fault.type()).isEqualTo(PduType.FAULT);
      assertThat(((org.msrpc4j.runtime.pdu.FaultPdu) fault).status()).isEqualTo(5);
      assertThat(in.read()).isEqualTo(-1);
    }
  }

  private static String call(OutputStream out, DataInputStream in, int callId, SecurityContextProtection p) throws Exception {
    for (byte[] f : AuthFragmenter.request(callId, 0, 0, null, new byte[8], 5840, p)) {
      out.write(f);
    }
    byte[] frame = readFrame(in);
    Pdu pdu = PduCodec.decode(frame);
    assertThat(pdu.type()).as("answer to call %d", callId).isEqualTo(PduType.RESPONSE);
    assertThat(pdu.auth().contextId()).isEqualTo(p.contextId());
    p.unprotect(frame, FragmentLayout.of(frame));
    return new String(((ResponsePdu) PduCodec.decode(frame)).stub(), StandardCharsets.UTF_8);
  }
}
