package org.msrpc4j.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.msrpc4j.interfaces.echo.RpcechoDispatcher;
import org.msrpc4j.interfaces.echo.SambaEchoServer;
import org.msrpc4j.interfaces.samr.RpcSid;
import org.msrpc4j.interfaces.samr.RpcSidIdentifierAuthority;
import org.msrpc4j.interfaces.samr.RpcUnicodeString;
import org.msrpc4j.interfaces.samr.SamprHandle;
import org.msrpc4j.interfaces.samr.SamprRevisionInfo;
import org.msrpc4j.interfaces.samr.SamprRevisionInfoV1;
import org.msrpc4j.interfaces.samr.SamrClient;
import org.msrpc4j.ndr.NdrContextHandle;
import org.msrpc4j.runtime.InterfaceId;
import org.msrpc4j.runtime.RpcCall;
import org.msrpc4j.runtime.RpcException;
import org.msrpc4j.runtime.RpcInterfaceHandler;
import org.msrpc4j.runtime.ServerContextHandles;
import org.msrpc4j.runtime.SyntaxId;
import org.msrpc4j.runtime.epm.EndpointRegistry;
import org.msrpc4j.runtime.epm.EpmDispatcher;
import org.msrpc4j.store.ObjectStore;
import org.msrpc4j.store.StoreException;
import org.msrpc4j.store.StoreRpcService;

/**
 * NDR decoding of generated and hand-written stubs with untrusted input on both sides of a call:
 * request stubs as servers dispatch them (rpcecho generated from the project's IDL, the endpoint
 * mapper, the store service over a real ObjectStore) and SAMR response stubs as the generated
 * {@link SamrClient} decodes what a domain controller answered (the SAMPR_ENUMERATION_BUFFER,
 * SIDs, revision unions, context handles).
 *
 * <p>Contract: a dispatcher or client fails only with {@link RpcException} (the NDR layer's
 * errors become RPC_X_BAD_STUB_DATA); the context-handle table never grows past its quota.
 */
class NdrStubFuzzTest {
  private static final int HANDLE_QUOTA = 16;
  private static final ObjectStore STORE = openStore();
  /** SAMR operations msrpc4j calls as a client, the targets of response fuzzing (by byte 1 modulo). */
  private static final int[] SAMR_OPNUMS = {1, 5, 6, 7, 13, 64};

  @FuzzTest(maxDuration = "60s")
  void dispatch(byte[] input) {
    fuzzerTestOneInput(input);
  }

  /**
   * The libFuzzer-style entry point, also used by {@code fuzz/run-fuzz}. Byte 0 chooses the stub
   * (modulo 4): 0 an rpcecho request (generated dispatcher), 1 an EPM request, 2 a SAMR response,
   * 3 a store request; byte 1 the opnum (out-of-range opnums included); the rest is the stub, so
   * that a captured stub is a seed as it is.
   */
  public static void fuzzerTestOneInput(byte[] input) {
    if (input.length < 2) {
      return;
    }
    int kind = (input[0] & 0xff) % 4;
    int opnum = input[1] & 0xff;
    byte[] stub = Arrays.copyOfRange(input, 2, input.length);
    if (kind == 2) {
      Documented.run(() -> samrResponse(opnum, stub), Set.of(RpcException.class));
      return;
    }
    ServerContextHandles handles = new ServerContextHandles(HANDLE_QUOTA);
    RpcInterfaceHandler handler = switch (kind) {
      case 1 -> epm();
      case 3 -> new StoreRpcService(STORE, event -> { }).dispatcher();
      default -> new RpcechoDispatcher(new SambaEchoServer(4096));
    };
    Documented.run(() -> handler.dispatch(opnum, stub, new UnauthenticatedCall(handler.interfaceId(), opnum,
        handles)), Set.of(RpcException.class));
    if (handles.size() > HANDLE_QUOTA) {
      throw new AssertionError("context handles past the quota: " + handles.size());
    }
  }

  /** Calls the SAMR client operation {@code opnum} selects; the "server" answers with {@code stub}. */
  private static void samrResponse(int opnum, byte[] stub) throws RpcException {
    SamprHandle handle = new SamprHandle(new NdrContextHandle(0, new UUID(1, 2)));
    try (ReplayChannel channel = new ReplayChannel(stub)) {
      SamrClient samr = new SamrClient(channel);
      // The arguments msrpc samr enum-users sends; only the response is under test.
      switch (SAMR_OPNUMS[opnum % SAMR_OPNUMS.length]) {
        case 1 -> samr.samrCloseHandle(handle);
        case 5 -> samr.samrLookupDomainInSamServer(handle, new RpcUnicodeString(14, 14, "EXAMPLE"));
        case 6 -> samr.samrEnumerateDomainsInSamServer(handle, 0, 65536);
        case 7 -> samr.samrOpenDomain(handle, 0x305, new RpcSid((byte) 1, (byte) 4,
            new RpcSidIdentifierAuthority(new byte[] {0, 0, 0, 0, 0, 5}), new int[] {21, 1, 2, 3}));
        case 13 -> samr.samrEnumerateUsersInDomain(handle, 0, 0, 65536);
        default -> samr.samrConnect5("\\\\dc1", 0x30, 1,
            new SamprRevisionInfo.V1Arm(new SamprRevisionInfoV1(3, 0)));
      }
    }
  }

  private static EpmDispatcher epm() {
    EndpointRegistry registry = new EndpointRegistry();
    registry.registerTcp(new RpcechoDispatcher(new SambaEchoServer(4096)).interfaceId(), 1024, "rpcecho");
    return new EpmDispatcher(registry);
  }

  /** One store for the whole run, in a temporary directory removed when the JVM exits. */
  private static ObjectStore openStore() {
    try {
      Path dir = Files.createTempDirectory("fuzz-store");
      ObjectStore store = ObjectStore.open(dir, decision -> { });
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        store.close();
        try (Stream<Path> files = Files.walk(dir)) {
          files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
          // a temporary directory left behind is harmless
        }
      }));
      return store;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (StoreException e) {
      throw new IllegalStateException("cannot open the fuzz store", e);
    }
  }

  /**
   * A call as a server sees it from a client that did not authenticate: addresses, opnum, a real
   * context-handle table, and the RpcCall defaults for everything about authentication (they
   * refuse, as for a real unauthenticated call). Cancelled from the start: TestSleep then returns
   * at once (it sleeps only while the caller waits), so a sleep request is decoded but never stalls
   * the fuzzer.
   */
  private record UnauthenticatedCall(InterfaceId interfaceId, int opnum, ServerContextHandles contextHandles)
      implements RpcCall {
    private static final SocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 135);
    private static final SocketAddress PEER = new InetSocketAddress("127.0.0.1", 50000);

    @Override
    public SocketAddress clientAddress() {
      return PEER;
    }

    @Override
    public SocketAddress localAddress() {
      return LOCAL;
    }

    @Override
    public int callId() {
      return 1;
    }

    @Override
    public UUID objectUuid() {
      return null;
    }

    @Override
    public SyntaxId transferSyntax() {
      return SyntaxId.NDR20;
    }

    @Override
    public boolean isCancelled() {
      return true;
    }
  }
}
