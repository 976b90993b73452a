package org.msrpc4j.runtime.echo;

import org.msrpc4j.runtime.RpcCall;
import org.msrpc4j.runtime.RpcException;
import org.msrpc4j.runtime.RpcStatus;

/**
 * rpcecho with the semantics of Samba's reference server (source4/rpc_server/echo/rpc_echo.c).
 * SourceData is capped ({@code maxSourceData}) because the length comes from the network. Stateless
 * and thread-safe.
 *
 * @deprecated Hand-written marshalling kept only until the last users outside module interfaces
 *     (kerberos and fuzz tests) move; use {@code org.msrpc4j.interfaces.echo.SambaEchoServer} (module msrpc4j-interfaces, generated from
 *     rpcecho.idl).
 */
@Deprecated(since = "0.1.0", forRemoval = true)
public final class SambaEchoService implements EchoService {
  private final int maxSourceData;

  /** @param maxSourceData the largest SourceData answer (bytes) */
  public SambaEchoService(int maxSourceData) {
    this.maxSourceData = maxSourceData;
  }

  /** A service answering SourceData up to 16 MiB. */
  public SambaEchoService() {
    this(16 << 20);
  }

  @Override
  public int addOne(int in) {
    return in + 1;
  }

  @Override
  public byte[] echoData(byte[] in) {
    return in;
  }

  @Override
  public void sinkData(byte[] data) {
    // Discarded on purpose: SinkData measures the client-to-server path.
  }

  @Override
  public byte[] sourceData(int len) throws RpcException {
    if (len < 0 || len > maxSourceData) {
      throw new RpcException(RpcStatus.NCA_S_FAULT_REMOTE_NO_MEMORY, "SourceData length above the server's limit");
    }
    byte[] out = new byte[len];
    for (int i = 0; i < len; i++) {
      out[i] = (byte) i;
    }
    return out;
  }

  @Override
  public String testCall(String s1) {
    return s1;
  }

  @Override
  public EchoInfo testCall2(int level) throws RpcException {
    return switch (level) {
      case 1 -> new EchoInfo(1, 10, 0);
      case 2 -> new EchoInfo(2, 20, 0);
      case 3 -> new EchoInfo(3, 30, 0);
      case 4 -> new EchoInfo(4, 40, 0);
      case 5 -> new EchoInfo(5, 50, 60);
      case 6 -> new EchoInfo(6, 70, 80);
      case 7 -> new EchoInfo(7, 80, 90);
      // Samba answers NT_STATUS_INVALID_LEVEL with no arm to marshal; its NDR push then fails and
      // the client sees a fault. We fault directly with the NDR status for a bad union tag.
      default -> throw new RpcException(RpcStatus.NCA_S_FAULT_INVALID_TAG, "TestCall2 level " + level + " has no arm");
    };
  }

  @Override
  public int testSleep(int seconds, RpcCall call) {
    long end = System.nanoTime() + (seconds & 0xFFFFFFFFL) * 1_000_000_000L;
    // Sleep in slices so a cancelled call or a vanished client frees the thread early.
    while (System.nanoTime() < end && !call.isCancelled()) {
      try {
        Thread.sleep(Math.max(1, Math.min(100, (end - System.nanoTime()) / 1_000_000)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return seconds;
  }

  @Override
  public EchoEnums testEnum(EchoEnums in) {
    // Samba sets foo2->e1 = ECHO_ENUM2 and leaves the rest as received.
    return new EchoEnums(in.foo1(), 2, in.foo2e2(), in.foo3e1(), in.foo3e2e1(), in.foo3e2e2());
  }

  @Override
  public short[] testSurrounding(short[] in) {
    return new short[in.length * 2];
  }

  @Override
  public int testDoublePointer(Integer value) {
    return value == null ? 0 : value;
  }
}
