package org.msrpc4j.interfaces.echo;

import java.time.Duration;
import org.msrpc4j.runtime.RpcCall;
import org.msrpc4j.runtime.RpcException;
import org.msrpc4j.runtime.RpcStatus;

/**
 * rpcecho with the semantics of Samba's reference server (source4/rpc_server/echo/rpc_echo.c), on
 * the server interface generated from {@code rpcecho.idl}. Register it with
 * {@code new RpcechoDispatcher(new SambaEchoServer())}.
 *
 * <p>Where Samba trusts a length from the network (SourceData allocates {@code len} bytes), this
 * server caps it ({@code maxSourceData}) and answers larger requests with
 * nca_s_fault_remote_no_memory, as Samba does when its allocation fails.
 *
 * <p>Stateless and thread-safe.
 */
public final class SambaEchoServer implements RpcechoServer {
  /** What Samba's TestCall2 returns for a level without an arm (the NDR push then fails). */
  public static final int NT_STATUS_INVALID_LEVEL = 0xC0000148;

  /** The slice in which TestSleep looks for a cancelled call. */
  private static final Duration SLEEP_SLICE = Duration.ofMillis(100);

  private final int maxSourceData;

  /**
   * @param maxSourceData the largest SourceData answer in bytes
   * @throws IllegalArgumentException if negative
   */
  public SambaEchoServer(int maxSourceData) {
    if (maxSourceData < 0) {
      throw new IllegalArgumentException("maxSourceData must not be negative");
    }
    this.maxSourceData = maxSourceData;
  }

  /** A server answering SourceData up to 16 MiB. */
  public SambaEchoServer() {
    this(16 << 20);
  }

  @Override
  public Rpcecho.EchoAddOneResult echoAddOne(int inData) {
    return new Rpcecho.EchoAddOneResult(inData + 1); // uint32 arithmetic: wraps like Samba's
  }

  @Override
  public Rpcecho.EchoEchoDataResult echoEchoData(int len, byte[] inData) {
    return new Rpcecho.EchoEchoDataResult(inData);
  }

  @Override
  public void echoSinkData(int len, byte[] data) {
    // Discarded on purpose: SinkData measures the client-to-server path.
  }

  @Override
  public Rpcecho.EchoSourceDataResult echoSourceData(int len) throws RpcException {
    long n = Integer.toUnsignedLong(len);
    if (n > maxSourceData) {
      throw new RpcException(RpcStatus.NCA_S_FAULT_REMOTE_NO_MEMORY, "SourceData length above the server's limit");
    }
    byte[] out = new byte[(int) n];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) i;
    }
    return new Rpcecho.EchoSourceDataResult(out);
  }

  @Override
  public Rpcecho.EchoTestCallResult echoTestCall(String s1) {
    return new Rpcecho.EchoTestCallResult(s1);
  }

  @Override
  public Rpcecho.EchoTestCall2Result echoTestCall2(int level) throws RpcException {
    EchoInfo info = switch (level) {
      case 1 -> new EchoInfo.Info1Arm(new EchoInfo1((byte) 10));
      case 2 -> new EchoInfo.Info2Arm(new EchoInfo2(20));
      case 3 -> new EchoInfo.Info3Arm(new EchoInfo3(30));
      case 4 -> new EchoInfo.Info4Arm(new EchoInfo4(40));
      case 5 -> new EchoInfo.Info5Arm(new EchoInfo5((byte) 50, 60));
      case 6 -> new EchoInfo.Info6Arm(new EchoInfo6((byte) 70, new EchoInfo1((byte) 80)));
      case 7 -> new EchoInfo.Info7Arm(new EchoInfo7((byte) 80, new EchoInfo4(90)));
      // Samba returns NT_STATUS_INVALID_LEVEL with no arm for the level; pushing the reply then
      // fails and its server answers DCERPC_FAULT_NDR (0x6f7, RPC_X_BAD_STUB_DATA). So do we.
      default -> throw new RpcException(RpcStatus.RPC_X_BAD_STUB_DATA,
          "TestCall2 level " + level + " has no arm (NT_STATUS_INVALID_LEVEL)");
    };
    return new Rpcecho.EchoTestCall2Result(info, 0);
  }

  /**
   * Answers after {@code seconds} (unsigned), returning them. Samba replies asynchronously from a
   * timer; here the handler thread sleeps, in slices, so that a cancelled or orphaned call frees it
   * early.
   */
  @Override
  public int echoTestSleep(RpcCall call, int seconds) {
    long end = System.nanoTime() + Duration.ofSeconds(Integer.toUnsignedLong(seconds)).toNanos();
    while (end - System.nanoTime() > 0 && !call.isCancelled()) {
      try {
        Thread.sleep(Math.max(1, Math.min(SLEEP_SLICE.toMillis(), (end - System.nanoTime()) / 1_000_000)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return seconds;
  }

  @Override
  public Rpcecho.EchoTestEnumResult echoTestEnum(EchoEnum1 foo1, EchoEnum2 foo2, EchoEnum3 foo3) {
    // Samba sets foo2->e1 = ECHO_ENUM2 and sends the rest back as received.
    return new Rpcecho.EchoTestEnumResult(foo1, new EchoEnum2(EchoEnum1.ECHO_ENUM2, foo2.e2), foo3);
  }

  @Override
  public Rpcecho.EchoTestSurroundingResult echoTestSurrounding(EchoSurrounding data) {
    // x doubles and the array is that many zeros. 2 * x cannot overflow: x elements arrived in
    // the request, so x is bounded by the runtime's largest call.
    int x = 2 * data.x;
    return new Rpcecho.EchoTestSurroundingResult(new EchoSurrounding(x, new short[x]));
  }

  @Override
  public int echoTestDoublePointer(Integer data) {
    return data == null ? 0 : data; // either unique pointer null: 0, as Samba
  }
}
