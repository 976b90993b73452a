package org.msrpc4j.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.msrpc4j.authz.Sddl;
import org.msrpc4j.authz.SecurityDescriptor;
import org.msrpc4j.authz.SecurityFormatException;
import org.msrpc4j.authz.Token;
import org.msrpc4j.authz.TokenGroup;
import org.msrpc4j.ndr.NdrContextHandle;
import org.msrpc4j.runtime.RpcCall;
import org.msrpc4j.runtime.RpcException;
import org.msrpc4j.runtime.RpcStatus;
import org.msrpc4j.runtime.auth.AuthClientInfo;
import org.msrpc4j.runtime.auth.ThreadIdentity;
import org.msrpc4j.store.rpc.Msrpc4jStore;
import org.msrpc4j.store.rpc.Msrpc4jStoreDispatcher;
import org.msrpc4j.store.rpc.Msrpc4jStoreServer;
import org.msrpc4j.store.rpc.StoreBlob;
import org.msrpc4j.store.rpc.StoreEntry;
import org.msrpc4j.store.rpc.StoreEntryList;
import org.msrpc4j.store.rpc.StoreHandle;
import org.msrpc4j.store.rpc.StoreIdentity;
import org.msrpc4j.store.rpc.StoreName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of the msrpc4j_store interface over an {@link ObjectStore}. Every operation
 * impersonates the caller ({@code call.impersonateClient()}) and runs with its authorization
 * context ({@code call.authorizationContext()}); an unauthenticated call gets status 1765
 * (RPC_S_NO_CONTEXT_AVAILABLE) as the return value, as impersonation fails. A context handle
 * remembers the principal and level it was opened with; a call on it from another principal is
 * denied (5). Register it with {@link #dispatcher()}.
 *
 * <p>Thread-safe (the store serializes its operations; the handle table is the runtime's).
 */
public final class StoreRpcService implements Msrpc4jStoreServer {
  private static final Logger LOG = LoggerFactory.getLogger(StoreRpcService.class);
  /** RPC_S_NO_CONTEXT_AVAILABLE. */
  static final int NO_CONTEXT = 1765;

  private final ObjectStore store;
  private final StoreCallListener listener;

  /** A service over {@code store}; {@code listener} sees every call after it was served. */
  public StoreRpcService(ObjectStore store, StoreCallListener listener) {
    this.store = Objects.requireNonNull(store, "store");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /** The dispatcher to register with {@code RpcServer.Builder.register}. */
  public Msrpc4jStoreDispatcher dispatcher() {
    return new Msrpc4jStoreDispatcher(this);
  }

  /** What an operation does with the caller's token. */
  private interface Operation<T> {
    T run(Token token) throws StoreException;
  }

  /** The outcome of {@link #asCaller}: a value or a status. */
  private record Outcome<T>(T value, int status) {}

  /**
   * Runs {@code op} impersonating the caller with its token; the session (if any) must belong to
   * the same principal. Reports the call to the listener and the log.
   */
  private <T> Outcome<T> asCaller(RpcCall call, String operation, String path, StoreSessionState session,
      Operation<T> op) {
    String principal = principal(call);
    int handleLevel = session == null ? 0 : session.authLevel();
    int status;
    T value = null;
    try (ThreadIdentity.Impersonation imp = call.impersonateClient()) {
      Token token = call.authorizationContext();
      if (session != null && !session.principal().equals(principal)) {
        LOG.info("access denied: {} used a store handle opened by another principal", principal);
        status = StoreException.ACCESS_DENIED;
      } else {
        value = op.run(token);
        status = 0;
      }
    } catch (RpcException e) {
      status = e.status() == NO_CONTEXT ? NO_CONTEXT : e.status();
    } catch (StoreException e) {
      status = e.status();
      if (status == StoreException.INTERNAL_ERROR) {
        LOG.warn("store {} {} failed: {}", operation, path, e.getMessage());
      }
    }
    LOG.debug("{} {} by {} at level {} -> {}", operation, path, principal, call.authLevel(), status);
    listener.onCall(new StoreCallEvent(operation, path, principal, call.authLevel(), handleLevel, status));
    return new Outcome<>(value, status);
  }

  private static String principal(RpcCall call) {
    try {
      AuthClientInfo a = call.inqAuthClient();
      return a.clientPrincipal() == null ? "(unknown)" : a.clientPrincipal();
    } catch (RpcException e) {
      return "(unauthenticated)";
    }
  }

  private static StoreSessionState session(RpcCall call, StoreHandle handle) throws RpcException {
    if (handle == null) {
      throw new RpcException(RpcStatus.NCA_S_FAULT_CONTEXT_MISMATCH, "no store handle");
    }
    return call.contextHandles().get(handle.handle(), StoreSessionState.class);
  }

  @Override
  public Msrpc4jStore.OpenStoreResult openStore(RpcCall call) throws RpcException {
    Outcome<StoreSessionState> o = asCaller(call, "OpenStore", "", null,
        token -> new StoreSessionState(principal(call), call.authLevel()));
    if (o.status() != 0) {
      return new Msrpc4jStore.OpenStoreResult(StoreHandle.NULL, o.status());
    }
    NdrContextHandle h = call.contextHandles().create(o.value(), s -> { });
    return new Msrpc4jStore.OpenStoreResult(new StoreHandle(h), 0);
  }

  @Override
  public int createObject(RpcCall call, StoreHandle handle, String parent, String name, int isContainer, String sddl,
      StoreBlob data) throws RpcException {
    StoreSessionState s = session(call, handle);
    String path = parent == null || name == null ? "" : (parent.endsWith("/") ? parent + name : parent + "/" + name);
    return asCaller(call, "CreateObject", path, s, token -> {
      SecurityDescriptor creator = null;
      if (sddl != null && !sddl.isEmpty()) {
        try {
          org.msrpc4j.authz.Sid domain = domainOf(token);
          creator = domain == null ? Sddl.parse(sddl) : Sddl.parse(sddl, domain);
        } catch (SecurityFormatException e) {
          throw new StoreException(StoreException.INVALID_SECURITY_DESCRIPTOR, "bad SDDL: " + e.getMessage());
        }
      }
      store.create(token, parent, name, isContainer != 0, creator, bytes(data));
      return Boolean.TRUE;
    }).status();
  }

  @Override
  public Msrpc4jStore.ReadObjectResult readObject(RpcCall call, StoreHandle handle, String path) throws RpcException {
    StoreSessionState s = session(call, handle);
    Outcome<byte[]> o = asCaller(call, "ReadObject", path, s, token -> store.read(token, path));
    return new Msrpc4jStore.ReadObjectResult(blob(o.value()), o.status());
  }

  @Override
  public int writeObject(RpcCall call, StoreHandle handle, String path, StoreBlob data) throws RpcException {
    StoreSessionState s = session(call, handle);
    return asCaller(call, "WriteObject", path, s, token -> {
      store.write(token, path, bytes(data));
      return Boolean.TRUE;
    }).status();
  }

  @Override
  public int deleteObject(RpcCall call, StoreHandle handle, String path) throws RpcException {
    StoreSessionState s = session(call, handle);
    return asCaller(call, "DeleteObject", path, s, token -> {
      store.delete(token, path);
      return Boolean.TRUE;
    }).status();
  }

  @Override
  public Msrpc4jStore.ListChildrenResult listChildren(RpcCall call, StoreHandle handle, String path)
      throws RpcException {
    StoreSessionState s = session(call, handle);
    Outcome<List<StoreEntryInfo>> o = asCaller(call, "ListChildren", path, s, token -> store.list(token, path));
    List<StoreEntry> entries = new ArrayList<>();
    if (o.value() != null) {
      for (StoreEntryInfo e : o.value()) {
        entries.add(new StoreEntry(e.name(), e.container() ? 1 : 0));
      }
    }
    return new Msrpc4jStore.ListChildrenResult(new StoreEntryList(entries.size(), entries), o.status());
  }

  @Override
  public Msrpc4jStore.GetObjectSecurityResult getObjectSecurity(RpcCall call, StoreHandle handle, String path,
      int securityInformation) throws RpcException {
    StoreSessionState s = session(call, handle);
    Outcome<SecurityDescriptor> o = asCaller(call, "GetObjectSecurity", path, s,
        token -> store.getSecurity(token, path, securityInformation));
    return new Msrpc4jStore.GetObjectSecurityResult(blob(o.value() == null ? null : o.value().toBytes()), o.status());
  }

  @Override
  public int setObjectSecurity(RpcCall call, StoreHandle handle, String path, int securityInformation,
      StoreBlob descriptor) throws RpcException {
    StoreSessionState s = session(call, handle);
    return asCaller(call, "SetObjectSecurity", path, s, token -> {
      byte[] b = bytes(descriptor);
      if (b.length > ObjectStore.MAX_DESCRIPTOR) {
        throw new StoreException(StoreException.INVALID_PARAMETER, "descriptor too large");
      }
      SecurityDescriptor sd;
      try {
        sd = SecurityDescriptor.fromBytes(b);
      } catch (SecurityFormatException e) {
        throw new StoreException(StoreException.INVALID_SECURITY_DESCRIPTOR, "bad security descriptor: " + e.getMessage());
      }
      store.setSecurity(token, path, securityInformation, sd);
      return Boolean.TRUE;
    }).status();
  }

  @Override
  public Msrpc4jStore.WhoAmIResult whoAmI(RpcCall call) throws RpcException {
    StoreIdentity id = new StoreIdentity();
    id.authnLevel = call.authLevel();
    try {
      AuthClientInfo a = call.inqAuthClient();
      id.clientPrincipal = a.clientPrincipal();
      id.authnService = a.service().wireValue();
    } catch (RpcException e) {
      // unauthenticated: no principal
    }
    try (ThreadIdentity.Impersonation imp = call.impersonateClient()) {
      id.impersonationStatus = 0;
    } catch (RpcException e) {
      id.impersonationStatus = e.status();
    }
    List<StoreName> groups = new ArrayList<>();
    try {
      Token t = call.authorizationContext();
      id.userSid = t.user().toString();
      for (TokenGroup g : t.groups()) {
        groups.add(new StoreName(g.sid().toString()));
      }
    } catch (RpcException e) {
      // no authorization context
    }
    id.groupSids = groups;
    id.groupCount = groups.size();
    listener.onCall(new StoreCallEvent("WhoAmI", "", principal(call), call.authLevel(), 0, id.impersonationStatus));
    return new Msrpc4jStore.WhoAmIResult(id, 0);
  }

  @Override
  public Msrpc4jStore.CloseStoreResult closeStore(RpcCall call, StoreHandle handle) throws RpcException {
    StoreSessionState s = session(call, handle);
    String principal = principal(call);
    if (!s.principal().equals(principal)) {
      // Another caller on the same association group may not close someone else's handle.
      LOG.info("access denied: {} tried to close a store handle opened by another principal", principal);
      listener.onCall(new StoreCallEvent("CloseStore", "", principal, call.authLevel(), s.authLevel(),
          StoreException.ACCESS_DENIED));
      return new Msrpc4jStore.CloseStoreResult(handle, StoreException.ACCESS_DENIED);
    }
    call.contextHandles().close(handle.handle(), StoreSessionState.class);
    listener.onCall(new StoreCallEvent("CloseStore", "", principal, call.authLevel(), s.authLevel(), 0));
    return new Msrpc4jStore.CloseStoreResult(StoreHandle.NULL, 0);
  }

  private static org.msrpc4j.authz.Sid domainOf(Token token) {
    // SDDL aliases such as DU and DA need the caller's domain: its user SID without the RID.
    org.msrpc4j.authz.Sid u = token.user();
    boolean account = u.identifierAuthority() == 5 && u.subAuthorityCount() == 5 && u.subAuthority(0) == 21;
    return account ? u.domainOf() : null;
  }

  private static byte[] bytes(StoreBlob b) throws StoreException {
    if (b == null || b.data == null) {
      return new byte[0];
    }
    if (b.data.length != b.length) {
      throw new StoreException(StoreException.INVALID_PARAMETER, "blob length does not match its data");
    }
    return b.data;
  }

  private static StoreBlob blob(byte[] data) {
    byte[] d = data == null ? new byte[0] : data;
    return new StoreBlob(d.length, d);
  }
}
