package org.msrpc4j.maven.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.msrpc4j.maven.it.lsa.LsaTranslatedSid;
import org.msrpc4j.maven.it.lsa.LsaprHandle;
import org.msrpc4j.maven.it.lsa.LsaprPolicyAccountDomInfo;
import org.msrpc4j.maven.it.lsa.LsaprPolicyInformation;
import org.msrpc4j.maven.it.lsa.LsaprTranslatedSids;
import org.msrpc4j.maven.it.lsa.Lsarpc;
import org.msrpc4j.maven.it.lsa.LsarpcClient;
import org.msrpc4j.maven.it.lsa.LsarpcDispatcher;
import org.msrpc4j.maven.it.lsa.LsarpcServer;
import org.msrpc4j.maven.it.lsa.LsapLookupLevel;
import org.msrpc4j.maven.it.lsa.PolicyInformationClass;
import org.msrpc4j.maven.it.lsa.RpcSid;
import org.msrpc4j.maven.it.lsa.RpcSidIdentifierAuthority;
import org.msrpc4j.maven.it.lsa.RpcUnicodeString;
import org.msrpc4j.maven.it.lsa.SidNameUse;
import org.msrpc4j.ndr.NdrContextHandle;
import org.msrpc4j.ndr.NdrDecoder;
import org.msrpc4j.ndr.NdrEncoder;
import org.msrpc4j.ndr.NdrException;
import org.msrpc4j.runtime.RpcCall;
import org.msrpc4j.runtime.RpcException;
import org.msrpc4j.runtime.RpcStatus;

/** Properties of generated data types and stubs: round trips, and only NDR errors on bad input. */
class GeneratedCodePropertiesTest {

  @Provide
  Arbitrary<RpcSid> sids() {
    Arbitrary<byte[]> authority = Arbitraries.bytes().array(byte[].class).ofSize(6);
    Arbitrary<int[]> subs = Arbitraries.integers().list().ofMaxSize(15)
        .map(l -> l.stream().mapToInt(Integer::intValue).toArray());
    return Combinators.combine(Arbitraries.bytes(), authority, subs)
        .as((rev, auth, sub) -> new RpcSid(rev, (byte) sub.length, new RpcSidIdentifierAuthority(auth), sub));
  }

  @Provide
  Arbitrary<RpcUnicodeString> strings() {
    return Arbitraries.strings().ofMaxLength(40).withCharRange('\u0001', '\ud7ff')
        .flatMap(s -> Arbitraries.integers().between(0, 8)
            .map(extra -> new RpcUnicodeString(2 * s.length(), 2 * (s.length() + extra), s)));
  }

  @Property(tries = 300)
  void aConformantStructureRoundTrips(@ForAll("sids") RpcSid sid) throws NdrException {
    NdrEncoder e = new NdrEncoder();
    e.writeTopLevel(sid);
    RpcSid back = new NdrDecoder(e.toByteArray()).readTopLevel(RpcSid::decode);
    assertThat(back).isEqualTo(sid);
    // conformance, then revision, count and authority, then 4 octets per sub-authority
    assertThat(e.size()).isEqualTo(4 + 8 + 4 * sid.subAuthority.length);
  }

  @Property(tries = 300)
  void aStructureWithACountedStringRoundTrips(@ForAll("strings") RpcUnicodeString s, @ForAll boolean nullBuffer)
      throws NdrException {
    RpcUnicodeString value = nullBuffer ? new RpcUnicodeString(0, 0, null) : s;
    NdrEncoder e = new NdrEncoder();
    e.writeTopLevel(value);
    assertThat(new NdrDecoder(e.toByteArray()).readTopLevel(RpcUnicodeString::decode)).isEqualTo(value);
  }

  /** A server that answers what the test put in its fields. */
  private static final class EchoingServer implements LsarpcServer {
    LsaprPolicyInformation info;
    LsaprTranslatedSids sids;

    @Override
    public Lsarpc.LsarCloseResult lsarClose(RpcCall call, LsaprHandle objectHandle) {
      return new Lsarpc.LsarCloseResult(objectHandle, 0);
    }

    @Override
    public Lsarpc.LsarQueryInformationPolicyResult lsarQueryInformationPolicy(RpcCall call, LsaprHandle h,
        PolicyInformationClass informationClass) {
      return new Lsarpc.LsarQueryInformationPolicyResult(info, 0);
    }

    @Override
    public Lsarpc.LsarLookupNamesResult lsarLookupNames(RpcCall call, LsaprHandle h, int count,
        List<RpcUnicodeString> names, LsaprTranslatedSids translatedSids, LsapLookupLevel level, int mappedCount) {
      return new Lsarpc.LsarLookupNamesResult(null, sids, names.size(), 0);
    }
  }

  @Property(tries = 200)
  void aUnionArmAndAnArrayOfStructuresSurviveClientToServerAndBack(
      @ForAll("strings") RpcUnicodeString name, @ForAll("sids") RpcSid sid, @ForAll boolean nullSid,
      @ForAll @Size(max = 20) List<@IntRange(min = 1, max = 10) Integer> uses) throws RpcException {
    EchoingServer server = new EchoingServer();
    server.info = new LsaprPolicyInformation.PolicyAccountDomainInfoArm(new LsaprPolicyAccountDomInfo(name, nullSid ? null : sid));
    List<LsaTranslatedSid> translated = new ArrayList<>();
    for (int i = 0; i < uses.size(); i++) {
      translated.add(new LsaTranslatedSid(SidNameUse.values()[uses.get(i) - 1], i * 7, -i));
    }
    server.sids = new LsaprTranslatedSids(translated.size(), translated.isEmpty() ? null : translated);
    LoopbackChannel channel = new LoopbackChannel(new LsarpcDispatcher(server));
    LsarpcClient client = new LsarpcClient(channel);
    LsaprHandle h = new LsaprHandle(NdrContextHandle.random());

    assertThat(client.lsarClose(channel, h).objectHandle()).isEqualTo(h);
    assertThat(client.lsarQueryInformationPolicy(channel, h, PolicyInformationClass.PolicyAccountDomainInformation)
        .policyInformation()).isEqualTo(server.info);
    Lsarpc.LsarLookupNamesResult r = client.lsarLookupNames(channel, h, 1, List.of(name),
        new LsaprTranslatedSids(0, null), LsapLookupLevel.LsapLookupWksta, 0);
    assertThat(r.translatedSids()).isEqualTo(server.sids);
    assertThat(r.referencedDomains()).isNull();
  }

  @Property(tries = 500)
  void arbitraryRequestBytesEndInAFaultStatusNeverAnUncheckedException(
      @ForAll @IntRange(min = 0, max = 20) int opnum, @ForAll @Size(max = 200) byte[] stub) {
    EchoingServer server = new EchoingServer();
    server.info = new LsaprPolicyInformation.PolicyAccountDomainInfoArm(
        new LsaprPolicyAccountDomInfo(new RpcUnicodeString(0, 0, null), null));
    server.sids = new LsaprTranslatedSids(0, null);
    try {
      new LsarpcDispatcher(server).dispatch(opnum, stub, null);
    } catch (RpcException e) {
      assertThat(e.status()).isIn(RpcStatus.RPC_X_BAD_STUB_DATA, RpcStatus.NCA_S_OP_RNG_ERROR);
    }
  }

  @Property(tries = 500)
  void aCorruptedResponseIsDecodedOrRejectedAsBadStubData(@ForAll @IntRange(min = 0, max = 171) int offset,
      @ForAll byte value) throws Exception {
    byte[] response = java.util.HexFormat.of().parseHex(SambaLsaOracle.recorded("lookup_out"));
    response[offset % response.length] = value;
    org.msrpc4j.runtime.RpcClientChannel peer = new org.msrpc4j.runtime.RpcClientChannel() {
      @Override
      public byte[] call(org.msrpc4j.runtime.RpcRequest request) {
        return response;
      }

      @Override
      public java.util.concurrent.CompletableFuture<byte[]> callAsync(org.msrpc4j.runtime.RpcRequest request) {
        return java.util.concurrent.CompletableFuture.completedFuture(response);
      }

      @Override
      public void close() {
      }
    };
    try {
      new LsarpcClient(peer).lsarLookupNames(peer, new LsaprHandle(NdrContextHandle.NULL), 0, List.of(),
          new LsaprTranslatedSids(0, null), LsapLookupLevel.LsapLookupWksta, 0);
    } catch (RpcException e) {
      assertThat(e.status()).isEqualTo(RpcStatus.RPC_X_BAD_STUB_DATA);
    }
  }
}
