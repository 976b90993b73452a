package org.msrpc4j.cli.bench;

import org.msrpc4j.interfaces.echo.EchoEnum1;
import org.msrpc4j.interfaces.echo.EchoEnum2;
import org.msrpc4j.interfaces.echo.EchoEnum3;
import org.msrpc4j.interfaces.echo.EchoSurrounding;
import org.msrpc4j.interfaces.echo.Rpcecho;
import org.msrpc4j.interfaces.echo.RpcechoServer;
import org.msrpc4j.interfaces.echo.SambaEchoServer;
import org.msrpc4j.runtime.RpcCall;
import org.msrpc4j.runtime.RpcException;

/** An rpcecho server that answers well-formed but wrong: AddOne adds two, EchoData flips a byte, SourceData flips its last byte. */
final class WrongAnswerEchoServer implements RpcechoServer {
  private final SambaEchoServer right = new SambaEchoServer();

  @Override
  public Rpcecho.EchoAddOneResult echoAddOne(int inData) {
    return new Rpcecho.EchoAddOneResult(inData + 2);
  }

  @Override
  public Rpcecho.EchoEchoDataResult echoEchoData(int len, byte[] inData) {
    byte[] out = inData.clone();
    if (out.length > 0) {
      out[out.length / 2] ^= 1;
    }
    return new Rpcecho.EchoEchoDataResult(out);
  }

  @Override
  public void echoSinkData(int len, byte[] data) {
    right.echoSinkData(len, data);
  }

  @Override
  public Rpcecho.EchoSourceDataResult echoSourceData(int len) throws RpcException {
    byte[] out = right.echoSourceData(len).data();
    if (out.length > 0) {
      out[out.length - 1] ^= 1;
    }
    return new Rpcecho.EchoSourceDataResult(out);
  }

  @Override
  public Rpcecho.EchoTestCallResult echoTestCall(String s1) {
    return right.echoTestCall(s1);
  }

  @Override
  public Rpcecho.EchoTestCall2Result echoTestCall2(int level) throws RpcException {
    return right.echoTestCall2(level);
  }

  @Override
  public int echoTestSleep(RpcCall call, int seconds) {
    return right.echoTestSleep(call, seconds);
  }

  @Override
  public Rpcecho.EchoTestEnumResult echoTestEnum(EchoEnum1 foo1, EchoEnum2 foo2, EchoEnum3 foo3) {
    return right.echoTestEnum(foo1, foo2, foo3);
  }

  @Override
  public Rpcecho.EchoTestSurroundingResult echoTestSurrounding(EchoSurrounding data) {
    return right.echoTestSurrounding(data);
  }

  @Override
  public int echoTestDoublePointer(Integer data) {
    return right.echoTestDoublePointer(data);
  }
}
