package org.msrpc4j.runtime.mgmt;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.msrpc4j.ndr.NdrDecoder;
import org.msrpc4j.ndr.NdrEncoder;
import org.msrpc4j.ndr.NdrException;
import org.msrpc4j.runtime.InterfaceId;
import org.msrpc4j.runtime.RpcClientChannel;
import org.msrpc4j.runtime.RpcException;

/** Client stub of the management interface (hand-written NDR). Thread-safe when the channel is. */
public final class MgmtClient {
  private final RpcClientChannel channel;

  public MgmtClient(RpcClientChannel channel) {
    this.channel = channel;
  }

  /** mgmt_inq_if_ids: the interfaces the server offers. */
  public List<InterfaceId> inqIfIds() throws RpcException {
    try {
      NdrDecoder d = new NdrDecoder(channel.call(RpcMgmt.INTERFACE, RpcMgmt.INQ_IF_IDS, new byte[0]));
      List<InterfaceId> ids = new ArrayList<>();
      List<InterfaceId> vector = d.readTopLevelUniquePointer(dd -> {
        long max = dd.readConformance();
        dd.align(4);
        long count = dd.readUInt32();
        NdrDecoder.checkCorrelation(max, count, "size_is(count)");
        int n = dd.checkCount(count, 4);
        for (int i = 0; i < n; i++) {
          dd.readUniquePointer(x -> {
            x.align(4);
            UUID u = x.readUuid();
            int major = x.readUInt16();
            int minor = x.readUInt16();
            return new InterfaceId(u, major, minor);
          }, ids::add);
        }
        return ids;
      });
      check(d.readInt32());
      d.requireFullyConsumed();
      return vector == null ? List.of() : List.copyOf(ids);
    } catch (NdrException e) {
      throw new RpcException(e.status(), "bad inq_if_ids response: " + e.getMessage());
    }
  }

  /** mgmt_inq_stats: calls in, calls out, packets in, packets out. */
  public long[] inqStats() throws RpcException {
    try {
      NdrEncoder e = new NdrEncoder();
      e.writeInt32(4);
      e.writeInt32(0); // Samba's IDL carries a second u32
      NdrDecoder d = new NdrDecoder(channel.call(RpcMgmt.INTERFACE, RpcMgmt.INQ_STATS, e.toByteArray()));
      long max = d.readConformance();
      long count = d.readUInt32();
      NdrDecoder.checkCorrelation(max, count, "size_is(count)");
      int n = d.checkCount(count, 4);
      long[] stats = new long[n];
      for (int i = 0; i < n; i++) {
        stats[i] = d.readUInt32();
      }
      check(d.readInt32());
      d.requireFullyConsumed();
      return stats;
    } catch (NdrException e) {
      throw new RpcException(e.status(), "bad inq_stats response: " + e.getMessage());
    }
  }

  /** mgmt_is_server_listening. */
  public boolean isServerListening() throws RpcException {
    try {
      NdrDecoder d = new NdrDecoder(channel.call(RpcMgmt.INTERFACE, RpcMgmt.IS_SERVER_LISTENING, new byte[0]));
      int status = d.readInt32();
      int result = d.readInt32();
      d.requireFullyConsumed();
      check(status);
      return result != 0;
    } catch (NdrException e) {
      throw new RpcException(e.status(), "bad is_server_listening response: " + e.getMessage());
    }
  }

  /** mgmt_stop_server_listening; most servers refuse it (status 5). */
  public void stopServerListening() throws RpcException {
    try {
      NdrDecoder d = new NdrDecoder(channel.call(RpcMgmt.INTERFACE, RpcMgmt.STOP_SERVER_LISTENING, new byte[0]));
      int status = d.readInt32();
      d.requireFullyConsumed();
      check(status);
    } catch (NdrException e) {
      throw new RpcException(e.status(), "bad stop_server_listening response: " + e.getMessage());
    }
  }

  /** mgmt_inq_princ_name for authentication service {@code authnProto}. */
  public String inqPrincName(int authnProto, int maxLength) throws RpcException {
    try {
      NdrEncoder e = new NdrEncoder();
      e.writeInt32(authnProto);
      e.writeInt32(maxLength);
      NdrDecoder d = new NdrDecoder(channel.call(RpcMgmt.INTERFACE, RpcMgmt.INQ_PRINC_NAME, e.toByteArray()));
      long max = d.readConformance();
      long offset = d.readVarianceOffset();
      int n = d.readVarianceCount(max, offset, 1);
      byte[] bytes = d.readBytes(n);
      int status = d.readInt32();
      d.requireFullyConsumed();
      check(status);
      int len = 0;
      while (len < bytes.length && bytes[len] != 0) {
        len++;
      }
      return new String(bytes, 0, len, StandardCharsets.UTF_8);
    } catch (NdrException e) {
      throw new RpcException(e.status(), "bad inq_princ_name response: " + e.getMessage());
    }
  }

  private static void check(int status) throws RpcException {
    if (status != 0) {
      throw new RpcException(status);
    }
  }
}
