package org.msrpc4j.runtime.epm;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.msrpc4j.ndr.NdrContextHandle;
import org.msrpc4j.ndr.NdrDecoder;
import org.msrpc4j.ndr.NdrEncoder;
import org.msrpc4j.ndr.NdrException;
import org.msrpc4j.runtime.InterfaceId;
import org.msrpc4j.runtime.RpcClientChannel;
import org.msrpc4j.runtime.RpcException;
import org.msrpc4j.runtime.SyntaxId;

/**
 * Client of the endpoint mapper (hand-written NDR). {@link #lookupAll()} iterates ept_lookup to the
 * end, accepting both conventions: Windows ends with a null handle, Samba with an extra call that
 * returns EPT_S_NOT_REGISTERED (0x16c9a0d6) — that status is the end of the list, not an error.
 * Thread-safe when the channel is.
 */
public final class EpmClient {
  /** Entries asked for per call. */
  private static final int BATCH = 100;
  /** Hard cap so a server that never ends the list cannot keep us looping. */
  private static final int MAX_ENTRIES = 100_000;

  private final RpcClientChannel channel;

  public EpmClient(RpcClientChannel channel) {
    this.channel = channel;
  }

  /** Every endpoint registered (RPC_C_EP_ALL_ELTS, all versions). */
  public List<EndpointEntry> lookupAll() throws RpcException {
    List<EndpointEntry> all = new ArrayList<>();
    NdrContextHandle handle = NdrContextHandle.NULL;
    do {
      Batch b = lookup(handle);
      all.addAll(b.entries);
      if (b.status == RpcEpm.EPT_S_NOT_REGISTERED) {
        break; // end of list (Samba's convention; also "nothing registered")
      }
      if (b.status != 0) {
        throw new RpcException(b.status, "ept_lookup failed");
      }
      if (b.entries.isEmpty() && !b.handle.isNull()) {
        throw new RpcException(org.msrpc4j.runtime.RpcStatus.RPC_S_PROTOCOL_ERROR, "ept_lookup returned no entries but a handle");
      }
      handle = b.handle;
    } while (!handle.isNull() && all.size() < MAX_ENTRIES);
    if (!handle.isNull()) {
      free(handle);
    }
    return all;
  }

  private record Batch(NdrContextHandle handle, List<EndpointEntry> entries, int status) {}

  private Batch lookup(NdrContextHandle handle) throws RpcException {
    try {
      NdrEncoder e = new NdrEncoder();
      e.writeInt32(RpcEpm.RPC_C_EP_ALL_ELTS);
      e.writeInt32(0); // object: null full pointer
      e.writeInt32(0); // Ifid: null full pointer
      e.writeInt32(RpcEpm.RPC_C_VERS_ALL);
      e.writeContextHandle(handle);
      e.writeInt32(BATCH);
      NdrDecoder d = new NdrDecoder(channel.call(RpcEpm.INTERFACE, RpcEpm.EPT_LOOKUP, e.toByteArray()));
      NdrContextHandle next = d.readContextHandle();
      long num = d.readUInt32();
      List<EndpointEntry> entries = d.readTopLevel(dd -> {
        long max = dd.readConformance();
        long offset = dd.readVarianceOffset();
        int n = dd.readVarianceCount(max, offset, 28);
        NdrDecoder.checkCorrelation(n, num, "length_is(*num_ents)");
        List<UUID> objects = new ArrayList<>(n);
        List<String> notes = new ArrayList<>(n);
        Tower[] towers = new Tower[n];
        for (int i = 0; i < n; i++) {
          dd.align(4);
          objects.add(dd.readUuid());
          int idx = i;
          dd.readFullPointer(Tower.class, EpmWire::readTower, t -> towers[idx] = t);
          notes.add(EpmWire.readAnnotation(dd));
        }
        // Towers arrive after the array (deferred); build the entries lazily after the flush.
        return new LazyEntries(objects, notes, towers);
      }).build();
      int status = d.readInt32();
      d.requireFullyConsumed();
      return new Batch(next, entries, status);
    } catch (NdrException x) {
      throw new RpcException(x.status(), "bad ept_lookup response: " + x.getMessage());
    }
  }

  private record LazyEntries(List<UUID> objects, List<String> notes, Tower[] towers) {
    List<EndpointEntry> build() {
      List<EndpointEntry> out = new ArrayList<>(objects.size());
      for (int i = 0; i < objects.size(); i++) {
        if (towers[i] != null) {
          out.add(new EndpointEntry(objects.get(i), towers[i], notes.get(i)));
        }
      }
      return out;
    }
  }

  private void free(NdrContextHandle handle) {
    try {
      NdrEncoder e = new NdrEncoder();
      e.writeContextHandle(handle);
      channel.call(RpcEpm.INTERFACE, RpcEpm.EPT_LOOKUP_HANDLE_FREE, e.toByteArray());
    } catch (NdrException | RpcException ignored) {
      // best effort: the server frees it with the association anyway
    }
  }

  /** ept_map: the TCP port of {@code iface} on the server, if registered. */
  public Optional<Integer> mapTcp(InterfaceId iface, UUID object) throws RpcException {
    try {
      NdrEncoder e = new NdrEncoder();
      e.writeTopLevelFullPointer(object, NdrEncoder::writeUuid);
      Tower want = Tower.tcp(iface, SyntaxId.NDR20, 0, new byte[4]);
      e.writeTopLevelFullPointer(want, EpmWire::writeTower);
      e.writeContextHandle(NdrContextHandle.NULL);
      e.writeInt32(4);
      NdrDecoder d = new NdrDecoder(channel.call(RpcEpm.INTERFACE, RpcEpm.EPT_MAP, e.toByteArray()));
      d.readContextHandle();
      long num = d.readUInt32();
      List<Tower> towers = new ArrayList<>();
      d.readTopLevel(dd -> {
        long max = dd.readConformance();
        long offset = dd.readVarianceOffset();
        int n = dd.readVarianceCount(max, offset, 4);
        NdrDecoder.checkCorrelation(n, num, "length_is(*num_towers)");
        for (int i = 0; i < n; i++) {
          dd.readFullPointer(Tower.class, EpmWire::readTower, towers::add);
        }
        return towers;
      });
      int status = d.readInt32();
      d.requireFullyConsumed();
      if (status == RpcEpm.EPT_S_NOT_REGISTERED || towers.isEmpty()) {
        return Optional.empty();
      }
      if (status != 0) {
        throw new RpcException(status, "ept_map failed");
      }
      for (Tower t : towers) {
        if (t.tcpPort().isPresent()) {
          return t.tcpPort();
        }
      }
      return Optional.empty();
    } catch (NdrException x) {
      throw new RpcException(x.status(), "bad ept_map response: " + x.getMessage());
    }
  }
}
