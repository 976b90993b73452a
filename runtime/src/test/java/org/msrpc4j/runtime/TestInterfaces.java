package org.msrpc4j.runtime;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Small raw-stub interfaces for runtime tests (no NDR involved: the runtime moves octets). */
final class TestInterfaces {
  private TestInterfaces() {}

  static final InterfaceId LOOP = InterfaceId.of("3d3b2a00-0000-4000-8000-00000000a001", 1, 2);
  static final InterfaceId OTHER = InterfaceId.of("3d3b2a00-0000-4000-8000-00000000a002", 1, 0);

  /** opnum 0 echoes; 1 sleeps the u32 millis in the stub then echoes; 2 faults with the u32 status; 3 throws; 4 waits for cancel. */
  static final class Loop implements RpcInterfaceHandler {
    final CountDownLatch cancelled = new CountDownLatch(1);
    volatile UUID lastObject;

    @Override
    public InterfaceId interfaceId() {
      return LOOP;
    }

    @Override
    public byte[] dispatch(int opnum, byte[] in, RpcCall call) throws RpcException {
      lastObject = call.objectUuid();
      switch (opnum) {
        case 0:
          return in;
        case 1:
          try {
            Thread.sleep(u32(in));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return in;
        case 2:
          throw new RpcException(u32(in));
        case 3:
          throw new IllegalStateException("boom");
        case 4:
          long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
          while (!call.isCancelled() && System.nanoTime() < end) {
            try {
              Thread.sleep(5);
            } catch (InterruptedException e) {
              return in;
            }
          }
          if (call.isCancelled()) {
            cancelled.countDown();
          }
          return in;
        default:
          throw new RpcException(RpcStatus.NCA_S_OP_RNG_ERROR);
      }
    }
  }

  /** A second interface for alter_context: opnum 0 returns the stub reversed. */
  static final class Other implements RpcInterfaceHandler {
    @Override
    public InterfaceId interfaceId() {
      return OTHER;
    }

    @Override
    public byte[] dispatch(int opnum, byte[] in, RpcCall call) throws RpcException {
      if (opnum != 0) {
        throw new RpcException(RpcStatus.NCA_S_OP_RNG_ERROR);
      }
      byte[] out = new byte[in.length];
      for (int i = 0; i < in.length; i++) {
        out[i] = in[in.length - 1 - i];
      }
      return out;
    }
  }

  static byte[] u32(int v) {
    return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
  }

  static int u32(byte[] b) {
    return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt();
  }
}
