package org.msrpc4j.store;

import java.util.ArrayList;
import java.util.List;
import org.msrpc4j.authz.SecurityDescriptor;
import org.msrpc4j.authz.SecurityFormatException;
import org.msrpc4j.runtime.RpcClientChannel;
import org.msrpc4j.runtime.RpcException;
import org.msrpc4j.runtime.RpcStatus;
import org.msrpc4j.runtime.client.RpcChannel;
import org.msrpc4j.store.rpc.Msrpc4jStore;
import org.msrpc4j.store.rpc.Msrpc4jStoreClient;
import org.msrpc4j.store.rpc.StoreBlob;
import org.msrpc4j.store.rpc.StoreEntry;
import org.msrpc4j.store.rpc.StoreHandle;
import org.msrpc4j.store.rpc.StoreIdentity;
import org.msrpc4j.store.rpc.StoreName;

/**
 * A client of the secure object store over the generated stub. {@link #open} opens a context
 * handle on a channel fixed to the binding's security at that moment
 * ({@link RpcChannel#withCurrentSecurity()}): every call on the session travels with the security
 * context the handle was opened with, whatever {@code setAuthInfo} sets on the channel later, as a
 * Windows context handle keeps its binding's security.
 *
 * <p>Thread-safe as the channel is; a session is closed once.
 */
public final class StoreClient implements AutoCloseable {
  private final Msrpc4jStoreClient stub;
  private final RpcClientChannel pinned;
  private StoreHandle handle;

  private StoreClient(Msrpc4jStoreClient stub, RpcClientChannel pinned, StoreHandle handle) {
    this.stub = stub;
    this.pinned = pinned;
    this.handle = handle;
  }

  /**
   * OpenStore on {@code channel} with its current security settings.
   *
   * @throws StoreException with the server's status (1765 for an unauthenticated caller)
   * @throws RpcException on a fault or transport failure
   */
  public static StoreClient open(RpcChannel channel) throws StoreException, RpcException {
    RpcClientChannel pinned = channel.withCurrentSecurity();
    Msrpc4jStoreClient stub = new Msrpc4jStoreClient(pinned);
    Msrpc4jStore.OpenStoreResult r = stub.openStore(pinned);
    check(r.returnValue(), "OpenStore", "");
    return new StoreClient(stub, pinned, r.store());
  }

  /** What the server sees of the caller of WhoAmI on {@code channel} (no handle needed). */
  public static Identity whoAmI(RpcClientChannel channel) throws RpcException {
    Msrpc4jStore.WhoAmIResult r = new Msrpc4jStoreClient(channel).whoAmI(channel);
    StoreIdentity i = r.identity();
    List<String> groups = new ArrayList<>();
    if (i.groupSids != null) {
      for (StoreName n : i.groupSids) {
        groups.add(n.value);
      }
    }
    return new Identity(i.clientPrincipal, i.authnLevel, i.authnService, i.impersonationStatus, i.userSid, groups);
  }

  /**
   * The caller as the server saw it.
   *
   * @param principal {@code DOMAIN\\user}, or null when unauthenticated
   * @param authLevel the call's level (1 when unauthenticated)
   * @param authService the RPC_C_AUTHN_* service (0 when unauthenticated)
   * @param impersonationStatus 0, or 1765 when the server could not impersonate
   * @param userSid the caller's user SID, or null without an authorization context
   * @param groupSids the token's group SIDs
   */
  public record Identity(String principal, int authLevel, int authService, int impersonationStatus, String userSid,
      List<String> groupSids) {}

  /** CreateObject: {@code name} in container {@code parent}; {@code sddl} may be null (inherit only). */
  public void create(String parent, String name, boolean container, String sddl, byte[] data)
      throws StoreException, RpcException {
    byte[] d = data == null ? new byte[0] : data;
    check(stub.createObject(pinned, handle(), parent, name, container ? 1 : 0, sddl, new StoreBlob(d.length, d)),
        "CreateObject", parent + "/" + name);
  }

  /** ReadObject. */
  public byte[] read(String path) throws StoreException, RpcException {
    Msrpc4jStore.ReadObjectResult r = stub.readObject(pinned, handle(), path);
    check(r.returnValue(), "ReadObject", path);
    return r.data() == null || r.data().data == null ? new byte[0] : r.data().data;
  }

  /** WriteObject. */
  public void write(String path, byte[] data) throws StoreException, RpcException {
    check(stub.writeObject(pinned, handle(), path, new StoreBlob(data.length, data)), "WriteObject", path);
  }

  /** DeleteObject. */
  public void delete(String path) throws StoreException, RpcException {
    check(stub.deleteObject(pinned, handle(), path), "DeleteObject", path);
  }

  /** ListChildren. */
  public List<StoreEntryInfo> list(String path) throws StoreException, RpcException {
    Msrpc4jStore.ListChildrenResult r = stub.listChildren(pinned, handle(), path);
    check(r.returnValue(), "ListChildren", path);
    List<StoreEntryInfo> out = new ArrayList<>();
    if (r.children() != null && r.children().entries != null) {
      for (StoreEntry e : r.children().entries) {
        out.add(new StoreEntryInfo(e.name, e.isContainer != 0));
      }
    }
    return out;
  }

  /** GetObjectSecurity with SECURITY_INFORMATION bits. */
  public SecurityDescriptor getSecurity(String path, int securityInformation) throws StoreException, RpcException {
    Msrpc4jStore.GetObjectSecurityResult r = stub.getObjectSecurity(pinned, handle(), path, securityInformation);
    check(r.returnValue(), "GetObjectSecurity", path);
    try {
      return SecurityDescriptor.fromBytes(r.descriptor().data == null ? new byte[0] : r.descriptor().data);
    } catch (SecurityFormatException e) {
      throw new RpcException(RpcStatus.RPC_X_BAD_STUB_DATA, "the server sent a malformed security descriptor");
    }
  }

  /** SetObjectSecurity with SECURITY_INFORMATION bits. */
  public void setSecurity(String path, int securityInformation, SecurityDescriptor sd)
      throws StoreException, RpcException {
    byte[] b = sd.toBytes();
    check(stub.setObjectSecurity(pinned, handle(), path, securityInformation, new StoreBlob(b.length, b)),
        "SetObjectSecurity", path);
  }

  /** CloseStore; later calls fail. Idempotent. */
  @Override
  public synchronized void close() throws RpcException {
    if (handle != null && !handle.isNull()) {
      StoreHandle h = handle;
      handle = StoreHandle.NULL;
      stub.closeStore(pinned, h);
    }
  }

  private synchronized StoreHandle handle() throws RpcException {
    if (handle == null || handle.isNull()) {
      throw new RpcException(RpcStatus.NCA_S_FAULT_CONTEXT_MISMATCH, "the store session is closed");
    }
    return handle;
  }

  private static void check(int status, String operation, String path) throws StoreException {
    if (status != 0) {
      throw new StoreException(status, operation + (path.isEmpty() ? "" : " " + path) + ": " + StoreStatusNames.describe(status));
    }
  }
}
