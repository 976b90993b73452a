package org.msrpc4j.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Set;
import org.msrpc4j.interfaces.echo.RpcechoDispatcher;
import org.msrpc4j.interfaces.echo.SambaEchoServer;
import org.msrpc4j.runtime.RpcCall;
import org.msrpc4j.runtime.RpcException;
import org.msrpc4j.runtime.RpcInterfaceHandler;
import org.msrpc4j.runtime.ServerContextHandles;
import org.msrpc4j.runtime.echo.EchoDispatcher;
import org.msrpc4j.runtime.echo.SambaEchoService;
import org.msrpc4j.runtime.epm.EndpointRegistry;
import org.msrpc4j.runtime.epm.EpmDispatcher;

/**
 * NDR decoding of real interfaces' request stubs, as the server dispatches them: rpcecho (all ten
 * operations: conformant arrays, strings, unique pointers, unions, enums, surrounding structures)
 * both hand-written (runtime) and generated from the project's IDL by the Maven plugin
 * (interfaces), and the endpoint mapper (towers, context handles).
 *
 * <p>Contract: a dispatcher fails only with {@link RpcException} (the NDR layer's errors become
 * RPC_X_BAD_STUB_DATA); the context-handle table never grows past its quota.
 */
class NdrStubFuzzTest {
  private static final int HANDLE_QUOTA = 16;

  @FuzzTest(maxDuration = "60s")
  void dispatch(byte[] input) {
    fuzzerTestOneInput(input);
  }

  /**
   * The libFuzzer-style entry point, also used by {@code fuzz/run-fuzz}. Byte 0 chooses the
   * interface (0 hand-written rpcecho, 1 EPM, 2 generated rpcecho; taken modulo 3), byte 1 the
   * opnum (out-of-range opnums included), the rest is the stub, so that a captured request stub
   * is a seed as it is.
   */
  public static void fuzzerTestOneInput(byte[] input) {
    if (input.length < 2) {
      return;
    }
    int iface = (input[0] & 0xff) % 3;
    int opnum = input[1] & 0xff;
    byte[] stub = Arrays.copyOfRange(input, 2, input.length);
    ServerContextHandles handles = new ServerContextHandles(HANDLE_QUOTA);
    RpcInterfaceHandler handler = switch (iface) {
      case 1 -> epm();
      case 2 -> new RpcechoDispatcher(new SambaEchoServer(4096));
      default -> new EchoDispatcher(new SambaEchoService(4096));
    };
    Documented.run(() -> handler.dispatch(opnum, stub, call(opnum, handles)), Set.of(RpcException.class));
    if (handles.size() > HANDLE_QUOTA) {
      throw new AssertionError("context handles past the quota: " + handles.size());
    }
  }

  private static EpmDispatcher epm() {
    EndpointRegistry registry = new EndpointRegistry();
    registry.registerTcp(new EchoDispatcher(new SambaEchoService()).interfaceId(), 1024, "rpcecho");
    return new EpmDispatcher(registry);
  }

  /**
   * The call as the dispatchers see it: addresses, opnum and a real context-handle table; nothing
   * else is consulted by these two interfaces (a method they do not use answers null).
   */
  private static RpcCall call(int opnum, ServerContextHandles handles) {
    InetSocketAddress local = new InetSocketAddress("127.0.0.1", 135);
    InetSocketAddress peer = new InetSocketAddress("127.0.0.1", 50000);
    return (RpcCall) Proxy.newProxyInstance(RpcCall.class.getClassLoader(), new Class<?>[] {RpcCall.class},
        (proxy, method, args) -> switch (method.getName()) {
          case "contextHandles" -> handles;
          case "localAddress" -> local;
          case "clientAddress" -> peer;
          case "opnum" -> opnum;
          case "callId" -> 1;
          // Cancelled from the start: TestSleep then returns at once (it sleeps by design only
          // while the caller waits), so a sleep request is decoded but never stalls the fuzzer.
          case "isCancelled" -> true;
          case "hashCode" -> System.identityHashCode(proxy);
          case "equals" -> proxy == args[0];
          case "toString" -> "fuzz call";
          default -> method.getReturnType() == boolean.class ? false
              : method.getReturnType() == int.class ? 0 : null;
        });
  }
}
