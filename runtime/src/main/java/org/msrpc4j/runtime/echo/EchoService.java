package org.msrpc4j.runtime.echo;

import org.msrpc4j.runtime.RpcCall;
import org.msrpc4j.runtime.RpcException;

/**
 * The rpcecho operations as plain Java (what a generated server interface will look like). The
 * marshalling lives in {@link EchoDispatcher}. Implementations must be thread-safe.
 *
 * @deprecated Hand-written marshalling kept only until the last users outside module interfaces
 *     (kerberos and fuzz tests) move; use {@code org.msrpc4j.interfaces.echo.RpcechoServer} (module msrpc4j-interfaces, generated from
 *     rpcecho.idl).
 */
@Deprecated(since = "0.1.0", forRemoval = true)
public interface EchoService {
  int addOne(int in);

  byte[] echoData(byte[] in);

  void sinkData(byte[] data);

  byte[] sourceData(int len) throws RpcException;

  String testCall(String s1);

  /** @throws RpcException for a level without an arm (the union cannot be marshalled) */
  EchoInfo testCall2(int level) throws RpcException;

  int testSleep(int seconds, RpcCall call);

  EchoEnums testEnum(EchoEnums in);

  short[] testSurrounding(short[] in);

  /** {@code value} is null when either unique pointer was null. */
  int testDoublePointer(Integer value);
}
