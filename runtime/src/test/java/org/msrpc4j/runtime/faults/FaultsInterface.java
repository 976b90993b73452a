package org.msrpc4j.runtime.faults;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.msrpc4j.ndr.NdrContextHandle;
import org.msrpc4j.ndr.NdrDecoder;
import org.msrpc4j.ndr.NdrEncoder;
import org.msrpc4j.ndr.NdrException;
import org.msrpc4j.runtime.InterfaceId;
import org.msrpc4j.runtime.RpcCall;
import org.msrpc4j.runtime.RpcException;
import org.msrpc4j.runtime.RpcInterfaceHandler;
import org.msrpc4j.runtime.RpcStatus;
import org.msrpc4j.runtime.ServerContextHandles;

/**
 * The interface the fault tests call, with what each server instance saw.
 *
 * <p>opnum 0 {@code echo(bytes)}: returns the stub, records "level|principal" of the caller;
 * opnum 1 {@code slow(u32 ms)}: sleeps, then returns the stub;
 * opnum 2 {@code open(u32) -> handle}; opnum 3 {@code get(handle) -> u32}.
 *
 * <p>Thread-safe.
 */
final class FaultsInterface implements RpcInterfaceHandler {
  static final InterfaceId ID = InterfaceId.of("5c0ffee0-0000-4000-8000-00000000f001", 1, 0);
  static final int ECHO = 0;
  static final int SLOW = 1;
  static final int OPEN = 2;
  static final int GET = 3;

  /** "level|principal" per echo call. */
  final List<String> callers = new CopyOnWriteArrayList<>();
  /** How many slow calls started (executed, whatever happened to their answer). */
  final AtomicInteger slowStarted = new AtomicInteger();
  final CountDownLatch firstSlowStarted = new CountDownLatch(1);
  /** Values of the handles run down. */
  final List<Integer> rundowns = new CopyOnWriteArrayList<>();
  final CountDownLatch rundown = new CountDownLatch(1);

  private record Counter(int value) {}

  @Override
  public InterfaceId interfaceId() {
    return ID;
  }

  @Override
  public byte[] dispatch(int opnum, byte[] in, RpcCall call) throws RpcException {
    try {
      switch (opnum) {
        case ECHO -> {
          String who;
          try {
            who = call.inqAuthClient().clientPrincipal();
          } catch (RpcException e) {
            who = "anonymous";
          }
          callers.add(call.authLevel() + "|" + who);
          return in;
        }
        case SLOW -> {
          slowStarted.incrementAndGet();
          firstSlowStarted.countDown();
          Thread.sleep(new NdrDecoder(in).readInt32());
          return in;
        }
        case OPEN -> {
          int v = new NdrDecoder(in).readInt32();
          NdrEncoder e = new NdrEncoder();
          e.writeContextHandle(call.contextHandles().create(new Counter(v), c -> {
            rundowns.add(c.value());
            rundown.countDown();
          }));
          return e.toByteArray();
        }
        case GET -> {
          NdrDecoder d = new NdrDecoder(in);
          try (ServerContextHandles.Lease<Counter> l = call.contextHandles().acquire(d.readContextHandle(), Counter.class)) {
            NdrEncoder e = new NdrEncoder();
            e.writeInt32(l.value().value());
            return e.toByteArray();
          }
        }
        default -> throw new RpcException(RpcStatus.NCA_S_OP_RNG_ERROR);
      }
    } catch (NdrException e) {
      throw new RpcException(e.status(), e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RpcException(RpcStatus.RPC_S_CALL_CANCELLED);
    }
  }

  static byte[] u32(int v) {
    try {
      NdrEncoder e = new NdrEncoder();
      e.writeInt32(v);
      return e.toByteArray();
    } catch (NdrException x) {
      throw new IllegalStateException(x);
    }
  }

  static int readU32(byte[] b) throws NdrException {
    return new NdrDecoder(b).readInt32();
  }

  static byte[] handle(NdrContextHandle h) {
    try {
      NdrEncoder e = new NdrEncoder();
      e.writeContextHandle(h);
      return e.toByteArray();
    } catch (NdrException x) {
      throw new IllegalStateException(x);
    }
  }

  static NdrContextHandle readHandle(byte[] b) throws NdrException {
    return new NdrDecoder(b).readContextHandle();
  }
}
