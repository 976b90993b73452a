package org.msrpc4j.runtime.echo;

import org.msrpc4j.runtime.RpcCall;
import org.msrpc4j.runtime.RpcException;

/**
 * The rpcecho operations as plain Java (what a generated server interface will look like). The
 * marshalling lives in {@link EchoDispatcher}. Implementations must be thread-safe.
 */
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
