package org.msrpc4j.runtime.echo;

import java.util.concurrent.CompletableFuture;
import org.msrpc4j.ndr.NdrDecoder;
import org.msrpc4j.ndr.NdrEncoder;
import org.msrpc4j.ndr.NdrException;
import org.msrpc4j.runtime.RpcClientChannel;
import org.msrpc4j.runtime.RpcException;

/**
 * Client stub for rpcecho, marshalled by hand with the ndr module (to be replaced by the generated
 * stub). Thread-safe when the channel is.
 *
 * @deprecated Hand-written marshalling kept only until the last users outside module interfaces
 *     (kerberos and fuzz tests) move; use {@code org.msrpc4j.interfaces.echo.RpcechoClient} (module msrpc4j-interfaces, generated from
 *     rpcecho.idl).
 */
@Deprecated(since = "0.1.0", forRemoval = true)
public final class EchoClient {
  private final RpcClientChannel channel;

  public EchoClient(RpcClientChannel channel) {
    this.channel = channel;
  }

  /** echo_AddOne: returns n + 1 (mod 2^32). */
  public int addOne(int n) throws RpcException {
    try {
      NdrEncoder e = new NdrEncoder();
      e.writeInt32(n);
      NdrDecoder d = new NdrDecoder(channel.call(RpcEcho.INTERFACE, RpcEcho.ADD_ONE, e.toByteArray()));
      int v = d.readInt32();
      d.requireFullyConsumed();
      return v;
    } catch (NdrException x) {
      throw bad(x);
    }
  }

  /** echo_EchoData: returns the same bytes. */
  public byte[] echoData(byte[] data) throws RpcException {
    try {
      NdrDecoder d = new NdrDecoder(channel.call(RpcEcho.INTERFACE, RpcEcho.ECHO_DATA, sized(data)));
      long max = d.readConformance();
      NdrDecoder.checkCorrelation(max, data.length, "size_is(len)");
      byte[] out = d.readBytes(max);
      d.requireFullyConsumed();
      return out;
    } catch (NdrException x) {
      throw bad(x);
    }
  }

  /** echo_SinkData: sends bytes, nothing comes back. */
  public void sinkData(byte[] data) throws RpcException {
    try {
      new NdrDecoder(channel.call(RpcEcho.INTERFACE, RpcEcho.SINK_DATA, sized(data))).requireFullyConsumed();
    } catch (NdrException x) {
      throw bad(x);
    }
  }

  /** echo_SourceData: returns {@code len} bytes 0, 1, 2, … (mod 256). */
  public byte[] sourceData(int len) throws RpcException {
    try {
      NdrEncoder e = new NdrEncoder();
      e.writeInt32(len);
      NdrDecoder d = new NdrDecoder(channel.call(RpcEcho.INTERFACE, RpcEcho.SOURCE_DATA, e.toByteArray()));
      long max = d.readConformance();
      NdrDecoder.checkCorrelation(max, len & 0xFFFFFFFFL, "size_is(len)");
      byte[] out = d.readBytes(max);
      d.requireFullyConsumed();
      return out;
    } catch (NdrException x) {
      throw bad(x);
    }
  }

  /** echo_TestCall: returns the string. */
  public String testCall(String s) throws RpcException {
    try {
      NdrEncoder e = new NdrEncoder();
      e.writeTopLevel(s, NdrEncoder::writeConformantVaryingWString);
      NdrDecoder d = new NdrDecoder(channel.call(RpcEcho.INTERFACE, RpcEcho.TEST_CALL, e.toByteArray()));
      String out = d.readTopLevelUniquePointer(NdrDecoder::readConformantVaryingWString);
      d.requireFullyConsumed();
      return out;
    } catch (NdrException x) {
      throw bad(x);
    }
  }

  /** echo_TestCall2 for levels 1..7. */
  public EchoInfo testCall2(int level) throws RpcException {
    try {
      NdrEncoder e = new NdrEncoder();
      e.writeInt16(level);
      NdrDecoder d = new NdrDecoder(channel.call(RpcEcho.INTERFACE, RpcEcho.TEST_CALL2, e.toByteArray()));
      int disc = d.readUInt16();
      NdrDecoder.checkCorrelation(disc, level, "switch_is(level)");
      EchoInfo info = switch (disc) {
        case 1 -> new EchoInfo(1, d.readUInt8(), 0);
        case 2 -> new EchoInfo(2, d.readUInt16(), 0);
        case 3 -> new EchoInfo(3, d.readUInt32(), 0);
        case 4 -> new EchoInfo(4, d.readInt64(), 0);
        case 5, 7 -> {
          d.align(8);
          int v1 = d.readUInt8();
          yield new EchoInfo(disc, v1, d.readInt64());
        }
        case 6 -> {
          int v1 = d.readUInt8();
          yield new EchoInfo(6, v1, d.readUInt8());
        }
        default -> throw NdrException.badDiscriminant("echo_Info", disc);
      };
      int status = d.readInt32();
      d.requireFullyConsumed();
      if (status != 0) {
        throw new RpcException(status, "TestCall2 returned an NTSTATUS error");
      }
      return info;
    } catch (NdrException x) {
      throw bad(x);
    }
  }

  /** echo_TestSleep: the server answers after {@code seconds}. */
  public CompletableFuture<Integer> testSleepAsync(int seconds) {
    NdrEncoder e = new NdrEncoder();
    try {
      e.writeInt32(seconds);
    } catch (NdrException x) {
      return CompletableFuture.failedFuture(bad(x));
    }
    return channel.callAsync(RpcEcho.INTERFACE, RpcEcho.TEST_SLEEP, e.toByteArray()).thenApply(out -> {
      try {
        NdrDecoder d = new NdrDecoder(out);
        int v = d.readInt32();
        d.requireFullyConsumed();
        return v;
      } catch (NdrException x) {
        throw new java.util.concurrent.CompletionException(bad(x));
      }
    });
  }

  /** echo_TestSleep, blocking. */
  public int testSleep(int seconds) throws RpcException {
    try {
      return testSleepAsync(seconds).get();
    } catch (InterruptedException x) {
      Thread.currentThread().interrupt();
      throw new RpcException(org.msrpc4j.runtime.RpcStatus.RPC_S_CALL_CANCELLED, "interrupted");
    } catch (java.util.concurrent.ExecutionException x) {
      Throwable c = x.getCause();
      if (c instanceof RpcException r) {
        throw r;
      }
      throw new RpcException(org.msrpc4j.runtime.RpcStatus.RPC_S_INTERNAL_ERROR, String.valueOf(c), c);
    }
  }

  private static byte[] sized(byte[] data) throws NdrException {
    NdrEncoder e = new NdrEncoder();
    e.writeInt32(data.length);
    e.writeConformance(data.length);
    e.writeBytes(data);
    return e.toByteArray();
  }

  private static RpcException bad(NdrException x) {
    return new RpcException(x.status(), "bad response stub: " + x.getMessage());
  }
}
