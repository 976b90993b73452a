package org.msrpc4j.runtime.epm;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.msrpc4j.ndr.NdrContextHandle;
import org.msrpc4j.ndr.NdrDecoder;
import org.msrpc4j.ndr.NdrEncoder;
import org.msrpc4j.ndr.NdrException;
import org.msrpc4j.runtime.InterfaceId;
import org.msrpc4j.runtime.RpcCall;
import org.msrpc4j.runtime.RpcException;
import org.msrpc4j.runtime.RpcInterfaceHandler;
import org.msrpc4j.runtime.RpcStatus;
import org.msrpc4j.runtime.SyntaxId;

/**
 * The endpoint mapper server: ept_lookup (all four inquiry types, the five version options),
 * ept_map for ncacn_ip_tcp towers, ept_lookup_handle_free. Insert/delete are refused
 * (EPT_S_CANT_PERFORM_OP): the map is the server's own registrations.
 *
 * <p>Lookup paging follows Samba: the entries go out in batches of max_ents, each with a non-null
 * lookup handle; the call after the last batch answers no entries, a null handle and
 * EPT_S_NOT_REGISTERED (0x16c9a0d6), which Samba's clients take as the end of the list. (Impacket's
 * {@code hept_lookup} raises on that final status, as it does against Samba.)
 * Lookup handles live in the caller's association group and are run down with it.
 *
 * <p>NDR written by hand against the ndr module. Thread-safe.
 */
public final class EpmDispatcher implements RpcInterfaceHandler {
  private final EndpointRegistry registry;

  public EpmDispatcher(EndpointRegistry registry) {
    this.registry = registry;
  }

  @Override
  public InterfaceId interfaceId() {
    return RpcEpm.INTERFACE;
  }

  /** Lookup state kept behind a lookup handle. */
  private static final class Cursor {
    final List<EndpointEntry> entries;
    int next;

    Cursor(List<EndpointEntry> entries) {
      this.entries = entries;
    }
  }

  @Override
  public byte[] dispatch(int opnum, byte[] stubIn, RpcCall call) throws RpcException {
    try {
      NdrDecoder in = new NdrDecoder(stubIn);
      NdrEncoder out = new NdrEncoder();
      switch (opnum) {
        case RpcEpm.EPT_INSERT, RpcEpm.EPT_DELETE -> out.writeInt32(RpcStatus.EPT_S_CANT_PERFORM_OP);
        case RpcEpm.EPT_LOOKUP -> lookup(in, out, call);
        case RpcEpm.EPT_MAP -> map(in, out, call);
        case RpcEpm.EPT_LOOKUP_HANDLE_FREE -> {
          NdrContextHandle h = in.readContextHandle();
          in.requireFullyConsumed();
          if (!h.isNull()) {
            try {
              call.contextHandles().close(h, Cursor.class);
            } catch (RpcException ignored) {
              // unknown handle: nothing to free
            }
          }
          out.writeContextHandle(NdrContextHandle.NULL);
          out.writeInt32(0);
        }
        default -> throw new RpcException(RpcStatus.NCA_S_OP_RNG_ERROR);
      }
      return out.toByteArray();
    } catch (NdrException e) {
      throw new RpcException(e.status(), "epmapper opnum " + opnum + ": " + e.getMessage());
    }
  }

  private void lookup(NdrDecoder in, NdrEncoder out, RpcCall call) throws NdrException, RpcException {
    long inquiry = in.readUInt32();
    UUID object = EpmWire.readOptionalUuid(in);
    InterfaceId ifid = in.readTopLevelFullPointer(InterfaceId.class, d -> {
      d.align(4);
      UUID u = d.readUuid();
      int major = d.readUInt16();
      int minor = d.readUInt16();
      return new InterfaceId(u, major, minor);
    });
    long versOption = in.readUInt32();
    NdrContextHandle handle = in.readContextHandle();
    long maxEnts = in.readUInt32();
    in.requireFullyConsumed();
    NdrDecoder.checkRange(maxEnts, 0, 500, "max_ents");

    Cursor cursor;
    NdrContextHandle outHandle;
    int status = 0;
    if (handle.isNull()) {
      List<EndpointEntry> matches = new ArrayList<>();
      for (EndpointEntry e : registry.entries()) {
        if (matches(e, (int) inquiry, object, ifid, (int) versOption)) {
          matches.add(e);
        }
      }
      cursor = new Cursor(matches);
      outHandle = matches.isEmpty() ? NdrContextHandle.NULL : call.contextHandles().create(cursor, null);
    } else {
      cursor = call.contextHandles().get(handle, Cursor.class);
      outHandle = handle;
    }
    List<EndpointEntry> batch;
    synchronized (cursor) {
      int n = (int) Math.min(maxEnts, cursor.entries.size() - cursor.next);
      batch = cursor.entries.subList(cursor.next, cursor.next + n);
      cursor.next += n;
      if (batch.isEmpty()) {
        // Samba's end of list: the call after the last batch gets no entries, a null handle and
        // EPT_S_NOT_REGISTERED (rpcclient's epmlookup loops until it sees that status).
        if (!outHandle.isNull()) {
          call.contextHandles().close(outHandle, Cursor.class);
          outHandle = NdrContextHandle.NULL;
        }
        status = RpcEpm.EPT_S_NOT_REGISTERED;
      }
    }
    out.writeContextHandle(outHandle);
    out.writeInt32(batch.size());
    out.writeTopLevel(batch, (e, list) -> {
      e.writeConformance(maxEnts);
      e.writeVariance(0, list.size());
      for (EndpointEntry entry : list) {
        e.align(4);
        e.writeUuid(entry.object());
        e.writeFullPointer(entry.tower(), EpmWire::writeTower);
        EpmWire.writeAnnotation(e, entry.annotation());
      }
    });
    out.writeInt32(status);
  }

  private static boolean matches(EndpointEntry e, int inquiry, UUID object, InterfaceId ifid, int versOption) {
    boolean byIf = inquiry == RpcEpm.RPC_C_EP_MATCH_BY_IF || inquiry == RpcEpm.RPC_C_EP_MATCH_BY_BOTH;
    boolean byObj = inquiry == RpcEpm.RPC_C_EP_MATCH_BY_OBJ || inquiry == RpcEpm.RPC_C_EP_MATCH_BY_BOTH;
    if (byObj && (object == null || !object.equals(e.object()))) {
      return false;
    }
    if (byIf) {
      InterfaceId have = e.tower().iface().orElse(null);
      if (ifid == null || have == null || !have.uuid().equals(ifid.uuid())) {
        return false;
      }
      return switch (versOption) {
        case RpcEpm.RPC_C_VERS_ALL -> true;
        case RpcEpm.RPC_C_VERS_COMPATIBLE -> have.major() == ifid.major() && have.minor() >= ifid.minor();
        case RpcEpm.RPC_C_VERS_EXACT -> have.major() == ifid.major() && have.minor() == ifid.minor();
        case RpcEpm.RPC_C_VERS_MAJOR_ONLY -> have.major() == ifid.major();
        case RpcEpm.RPC_C_VERS_UPTO -> have.major() < ifid.major()
            || (have.major() == ifid.major() && have.minor() <= ifid.minor());
        default -> false;
      };
    }
    return true;
  }

  private void map(NdrDecoder in, NdrEncoder out, RpcCall call) throws NdrException {
    EpmWire.readOptionalUuid(in); // object: towers are not per object here
    Tower wanted = in.readTopLevelFullPointer(Tower.class, EpmWire::readTower);
    NdrContextHandle handle = in.readContextHandle();
    long maxTowers = in.readUInt32();
    in.requireFullyConsumed();
    NdrDecoder.checkRange(maxTowers, 0, 500, "max_towers");

    List<Tower> found = new ArrayList<>();
    if (wanted != null && maxTowers > 0 && wanted.tcpPort().isPresent()
        && wanted.transferSyntax().map(SyntaxId.NDR20::equals).orElse(false)) {
      InterfaceId want = wanted.iface().orElse(null);
      for (EndpointEntry e : registry.entries()) {
        InterfaceId have = e.tower().iface().orElse(null);
        if (want != null && have != null && have.serves(want) && e.tower().tcpPort().isPresent()) {
          found.add(Tower.tcp(have, SyntaxId.NDR20, e.tower().tcpPort().get(), localIpv4(call.localAddress())));
          break;
        }
      }
    }
    out.writeContextHandle(NdrContextHandle.NULL);
    out.writeInt32(found.size());
    out.writeTopLevel(found, (e, list) -> {
      e.writeConformance(maxTowers);
      e.writeVariance(0, list.size());
      for (Tower t : list) {
        e.writeFullPointer(t, EpmWire::writeTower);
      }
    });
    out.writeInt32(found.isEmpty() ? RpcEpm.EPT_S_NOT_REGISTERED : 0);
  }

  private static byte[] localIpv4(SocketAddress a) {
    if (a instanceof InetSocketAddress i && i.getAddress() != null && i.getAddress().getAddress().length == 4) {
      return i.getAddress().getAddress();
    }
    return new byte[4];
  }
}
