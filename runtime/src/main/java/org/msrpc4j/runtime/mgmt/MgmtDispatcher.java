package org.msrpc4j.runtime.mgmt;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.msrpc4j.ndr.NdrDecoder;
import org.msrpc4j.ndr.NdrEncoder;
import org.msrpc4j.ndr.NdrException;
import org.msrpc4j.runtime.InterfaceId;
import org.msrpc4j.runtime.RpcCall;
import org.msrpc4j.runtime.RpcException;
import org.msrpc4j.runtime.RpcInterfaceHandler;
import org.msrpc4j.runtime.RpcStatus;
import org.msrpc4j.runtime.server.RpcServer;

/**
 * The management interface of an {@link RpcServer}, registered on every server. NDR written by
 * hand against the ndr module. stop_server_listening is refused (ERROR_ACCESS_DENIED) unless the
 * server allows it. Thread-safe.
 */
public final class MgmtDispatcher implements RpcInterfaceHandler {
  private final RpcServer server;

  public MgmtDispatcher(RpcServer server) {
    this.server = server;
  }

  @Override
  public InterfaceId interfaceId() {
    return RpcMgmt.INTERFACE;
  }

  @Override
  public byte[] dispatch(int opnum, byte[] stubIn, RpcCall call) throws RpcException {
    try {
      NdrDecoder in = new NdrDecoder(stubIn);
      NdrEncoder out = new NdrEncoder();
      switch (opnum) {
        case RpcMgmt.INQ_IF_IDS -> inqIfIds(out);
        case RpcMgmt.INQ_STATS -> {
          long max = in.readUInt32(); // Samba's IDL sends a second, unused u32: ignore the rest
          long[] stats = {server.statistics().callsIn(), server.statistics().callsOut(),
              server.statistics().pktsIn(), server.statistics().pktsOut()};
          int n = (int) Math.min(max, stats.length);
          out.writeConformance(n);
          out.writeInt32(n);
          for (int i = 0; i < n; i++) {
            out.writeInt32((int) stats[i]);
          }
          out.writeInt32(0);
        }
        case RpcMgmt.IS_SERVER_LISTENING -> {
          out.writeInt32(0); // status
          out.writeInt32(server.isListening() ? 1 : 0);
        }
        case RpcMgmt.STOP_SERVER_LISTENING -> {
          if (server.allowsRemoteStop()) {
            server.stopListening();
            out.writeInt32(0);
          } else {
            out.writeInt32(RpcStatus.ERROR_ACCESS_DENIED);
          }
        }
        case RpcMgmt.INQ_PRINC_NAME -> {
          long authnProto = in.readUInt32();
          long size = in.readUInt32();
          in.requireFullyConsumed();
          inqPrincName(out, authnProto, size);
        }
        default -> throw new RpcException(RpcStatus.NCA_S_OP_RNG_ERROR);
      }
      return out.toByteArray();
    } catch (NdrException e) {
      throw new RpcException(e.status(), "mgmt opnum " + opnum + ": " + e.getMessage());
    }
  }

  private void inqIfIds(NdrEncoder out) throws NdrException {
    List<InterfaceId> ids = server.interfaces();
    // [out] rpc_if_id_vector_t **: a unique pointer to a conformant struct of unique pointers.
    out.writeTopLevelUniquePointer(ids, (e, list) -> {
      e.writeConformance(list.size());
      e.align(4);
      e.writeInt32(list.size());
      for (InterfaceId id : list) {
        e.writeUniquePointer(id, (ee, v) -> {
          ee.align(4);
          ee.writeUuid(v.uuid());
          ee.writeInt16(v.major());
          ee.writeInt16(v.minor());
        });
      }
    });
    out.writeInt32(0);
  }

  private void inqPrincName(NdrEncoder out, long authnProto, long size) throws NdrException {
    String name = server.principalName();
    int status = 0;
    if (name.isEmpty()) {
      status = RpcStatus.RPC_S_UNKNOWN_AUTHN_SERVICE;
    }
    byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
    if (bytes.length + 1 > size) {
      status = status == 0 ? RpcStatus.RPC_S_INVALID_BOUND : status;
      bytes = new byte[0];
    }
    if (size == 0) {
      // No room even for the terminator: send an empty array.
      out.writeConformance(0);
      out.writeVariance(0, 0);
    } else {
      out.writeConformance(size);
      out.writeVariance(0, bytes.length + 1);
      out.writeBytes(bytes);
      out.writeInt8(0);
    }
    out.writeInt32(status);
  }
}
