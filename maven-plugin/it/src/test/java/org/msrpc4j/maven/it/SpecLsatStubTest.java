package org.msrpc4j.maven.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.msrpc4j.maven.it.spec.mslsat.LsaTranslatedSid;
import org.msrpc4j.maven.it.spec.mslsat.LsapLookupLevel;
import org.msrpc4j.maven.it.spec.mslsat.LsaprHandle;
import org.msrpc4j.maven.it.spec.mslsat.LsaprReferencedDomainList;
import org.msrpc4j.maven.it.spec.mslsat.LsaprTranslatedSids;
import org.msrpc4j.maven.it.spec.mslsat.LsaprTrustInformation;
import org.msrpc4j.maven.it.spec.mslsat.Lsarpc;
import org.msrpc4j.maven.it.spec.mslsat.LsarpcClient;
import org.msrpc4j.maven.it.spec.mslsat.LsarpcDispatcher;
import org.msrpc4j.maven.it.spec.mslsat.LsarpcServer;
import org.msrpc4j.maven.it.spec.mslsat.RpcSid;
import org.msrpc4j.maven.it.spec.mslsat.RpcSidIdentifierAuthority;
import org.msrpc4j.maven.it.spec.mslsat.RpcUnicodeString;
import org.msrpc4j.maven.it.spec.mslsat.SidNameUse;
import org.msrpc4j.ndr.NdrContextHandle;
import org.msrpc4j.runtime.RpcException;
import org.msrpc4j.runtime.RpcStatus;

/**
 * The stubs generated from the unmodified [MS-LSAT] Appendix A IDL (spec/ms-lsat.idl) write the
 * bytes Samba writes for LsarClose and LsarLookupNames.
 */
class SpecLsatStubTest {
  private static final LsaprHandle HANDLE =
      new LsaprHandle(new NdrContextHandle(0, UUID.fromString("11223344-5566-7788-99aa-bbccddeeff00")));
  private static SambaLsaOracle oracle;

  @BeforeAll
  static void loadOracle() throws Exception {
    oracle = SambaLsaOracle.load();
  }

  private static RpcUnicodeString string(String s, int extra) {
    return new RpcUnicodeString(2 * s.length(), 2 * s.length() + extra, s);
  }

  private static LsaprReferencedDomainList domains() {
    RpcSid sid = new RpcSid((byte) 1, (byte) 4,
        new RpcSidIdentifierAuthority(new byte[] {0, 0, 0, 0, 0, 5}), new int[] {21, 1, 2, 3});
    return new LsaprReferencedDomainList(1, List.of(new LsaprTrustInformation(string("SAMDOM", 2), sid)), 32);
  }

  private static LsaprTranslatedSids sids() {
    return new LsaprTranslatedSids(2, List.of(new LsaTranslatedSid(SidNameUse.SidTypeUser, 1104, 0),
        new LsaTranslatedSid(SidNameUse.SidTypeUnknown, 0, -1)));
  }

  /** Answers LsarClose and LsarLookupNames as the oracle's calls expect; other operations fault. */
  private static LsarpcServer server() {
    return (LsarpcServer) Proxy.newProxyInstance(LsarpcServer.class.getClassLoader(), new Class<?>[] {LsarpcServer.class},
        (proxy, method, args) -> switch (method.getName()) {
          case "lsarClose" -> new Lsarpc.LsarCloseResult(LsaprHandle.NULL, 0);
          case "lsarLookupNames" -> new Lsarpc.LsarLookupNamesResult(domains(), sids(), 1, 0x107);
          default -> throw new RpcException(RpcStatus.NCA_S_OP_RNG_ERROR, method.getName() + " is not served by this test");
        });
  }

  private final LoopbackChannel channel = new LoopbackChannel(new LsarpcDispatcher(server()));
  private final LsarpcClient client = new LsarpcClient(channel);

  @Test
  void lsarCloseMatchesSamba() throws Exception {
    assertThat(client.lsarClose(HANDLE).objectHandle().isNull()).isTrue();
    assertThat(channel.lastRequest).isEqualTo(oracle.bytes("close_in"));
    assertThat(channel.lastResponse).isEqualTo(oracle.bytes("close_out"));
  }

  @Test
  void lsarLookupNamesMatchesSambaBothWays() throws Exception {
    Lsarpc.LsarLookupNamesResult r = client.lsarLookupNames(HANDLE, 2, List.of(string("alice", 0), string("bob", 0)),
        new LsaprTranslatedSids(0, null), LsapLookupLevel.LsapLookupWksta, 0);
    assertThat(channel.lastRequest).isEqualTo(oracle.bytes("lookup_in"));
    assertThat(channel.lastResponse).isEqualTo(oracle.bytes("lookup_out"));
    assertThat(r.referencedDomains()).isEqualTo(domains());
    assertThat(r.translatedSids()).isEqualTo(sids());
    assertThat(r.returnValue()).isEqualTo(0x107);
  }

  @Test
  void opnumsOfTheRealInterfaceAreTheSpecifications() {
    assertThat(Lsarpc.OPNUM_LSAR_CLOSE).isZero();
    assertThat(Lsarpc.OPNUM_LSAR_LOOKUP_NAMES).isEqualTo(14);
    assertThat(Lsarpc.OPNUM_LSAR_LOOKUP_NAMES4).isEqualTo(77);
  }
}
