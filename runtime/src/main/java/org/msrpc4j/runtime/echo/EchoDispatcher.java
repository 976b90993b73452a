package org.msrpc4j.runtime.echo;

import org.msrpc4j.ndr.NdrDecoder;
import org.msrpc4j.ndr.NdrEncoder;
import org.msrpc4j.ndr.NdrException;
import org.msrpc4j.runtime.InterfaceId;
import org.msrpc4j.runtime.RpcCall;
import org.msrpc4j.runtime.RpcException;
import org.msrpc4j.runtime.RpcInterfaceHandler;
import org.msrpc4j.runtime.RpcStatus;

/**
 * Server dispatcher for rpcecho with NDR 2.0 marshalling written by hand against the ndr module
 * (to be replaced by the dispatcher the IDL compiler generates from the project's echo.idl; the
 * service interface {@link EchoService} stays). Stateless and thread-safe.
 *
 * @deprecated Hand-written marshalling kept only until the last users outside module interfaces
 *     (kerberos and fuzz tests) move; use {@code org.msrpc4j.interfaces.echo.RpcechoDispatcher} (module msrpc4j-interfaces, generated from
 *     rpcecho.idl).
 */
@Deprecated(since = "0.1.0", forRemoval = true)
public final class EchoDispatcher implements RpcInterfaceHandler {
  private final EchoService service;

  public EchoDispatcher(EchoService service) {
    this.service = service;
  }

  @Override
  public InterfaceId interfaceId() {
    return RpcEcho.INTERFACE;
  }

  @Override
  public byte[] dispatch(int opnum, byte[] stubIn, RpcCall call) throws RpcException {
    try {
      NdrDecoder in = new NdrDecoder(stubIn);
      NdrEncoder out = new NdrEncoder();
      switch (opnum) {
        case RpcEcho.ADD_ONE -> out.writeInt32(service.addOne(in.readInt32()));
        case RpcEcho.ECHO_DATA -> {
          byte[] data = readSizedBytes(in);
          byte[] result = service.echoData(data);
          out.writeConformance(result.length);
          out.writeBytes(result);
        }
        case RpcEcho.SINK_DATA -> service.sinkData(readSizedBytes(in));
        case RpcEcho.SOURCE_DATA -> {
          long len = in.readUInt32();
          in.requireFullyConsumed();
          byte[] data = service.sourceData(len > Integer.MAX_VALUE ? -1 : (int) len);
          out.writeConformance(data.length);
          out.writeBytes(data);
        }
        case RpcEcho.TEST_CALL -> {
          String s1 = in.readTopLevel(NdrDecoder::readConformantVaryingWString);
          in.requireFullyConsumed();
          out.writeTopLevelUniquePointer(service.testCall(s1), NdrEncoder::writeConformantVaryingWString);
        }
        case RpcEcho.TEST_CALL2 -> {
          int level = in.readUInt16();
          in.requireFullyConsumed();
          writeInfo(out, service.testCall2(level));
          out.writeInt32(0); // NTSTATUS result: NT_STATUS_OK
        }
        case RpcEcho.TEST_SLEEP -> {
          int seconds = in.readInt32();
          in.requireFullyConsumed();
          out.writeInt32(service.testSleep(seconds, call));
        }
        case RpcEcho.TEST_ENUM -> writeEnums(out, service.testEnum(readEnums(in)));
        case RpcEcho.TEST_SURROUNDING -> {
          long max = in.readConformance();
          in.align(4);
          long x = in.readUInt32();
          NdrDecoder.checkCorrelation(max, x, "size_is(x)");
          short[] values = in.readInt16s(x);
          in.requireFullyConsumed();
          short[] result = service.testSurrounding(values);
          out.writeConformance(result.length);
          out.align(4);
          out.writeInt32(result.length);
          out.writeInt16s(result, 0, result.length);
        }
        case RpcEcho.TEST_DOUBLE_POINTER -> {
          // uint16 ***data: top-level [ref], then two [unique] pointers.
          Holder inner = in.readTopLevelUniquePointer(d -> {
            Holder h = new Holder();
            d.readUniquePointer(NdrDecoder::readUInt16, v -> h.value = v);
            return h;
          });
          in.requireFullyConsumed();
          out.writeInt16(service.testDoublePointer(inner == null ? null : inner.value));
        }
        default -> throw new RpcException(RpcStatus.NCA_S_OP_RNG_ERROR);
      }
      return out.toByteArray();
    } catch (NdrException e) {
      throw new RpcException(e.status(), "rpcecho opnum " + opnum + ": " + e.getMessage());
    }
  }

  private static final class Holder {
    Integer value;
  }

  /** uint32 len; [size_is(len)] uint8 data[]. */
  private static byte[] readSizedBytes(NdrDecoder in) throws NdrException {
    long len = in.readUInt32();
    long max = in.readConformance();
    NdrDecoder.checkCorrelation(max, len, "size_is(len)");
    byte[] data = in.readBytes(max);
    in.requireFullyConsumed();
    return data;
  }

  private static void writeInfo(NdrEncoder out, EchoInfo info) throws NdrException {
    out.writeInt16(info.level()); // non-encapsulated union: the discriminant again
    switch (info.level()) {
      case 1 -> out.writeInt8((int) info.v1());
      case 2 -> out.writeInt16((int) info.v1());
      case 3 -> out.writeInt32((int) info.v1());
      case 4 -> out.writeInt64(info.v1());
      case 5, 7 -> {
        out.align(8);
        out.writeInt8((int) info.v1());
        out.writeInt64(info.v2());
      }
      case 6 -> {
        out.writeInt8((int) info.v1());
        out.writeInt8((int) info.v2());
      }
      default -> throw NdrException.badDiscriminant("echo_Info", info.level());
    }
  }

  private static EchoEnums readEnums(NdrDecoder in) throws NdrException {
    int foo1 = in.readEnum16();
    in.align(4);
    int foo2e1 = in.readEnum16();
    int foo2e2 = in.readEnum32();
    int disc = in.readUInt16();
    NdrDecoder.checkCorrelation(disc, foo1, "switch_is(*foo1)");
    int e1 = 0;
    int e2e1 = 0;
    int e2e2 = 0;
    if (disc == 1) {
      e1 = in.readEnum16();
    } else if (disc == 2) {
      in.align(4);
      e2e1 = in.readEnum16();
      e2e2 = in.readEnum32();
    } else {
      throw NdrException.badDiscriminant("echo_Enum3", disc);
    }
    in.requireFullyConsumed();
    return new EchoEnums(foo1, foo2e1, foo2e2, e1, e2e1, e2e2);
  }

  private static void writeEnums(NdrEncoder out, EchoEnums v) throws NdrException {
    out.writeEnum16(v.foo1());
    out.align(4);
    out.writeEnum16(v.foo2e1());
    out.writeEnum32(v.foo2e2());
    out.writeInt16(v.foo1());
    if (v.foo1() == 1) {
      out.writeEnum16(v.foo3e1());
    } else {
      out.align(4);
      out.writeEnum16(v.foo3e2e1());
      out.writeEnum32(v.foo3e2e2());
    }
  }
}
