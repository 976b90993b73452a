package org.msrpc4j.cli;

import java.util.ArrayList;
import java.util.List;
import org.msrpc4j.authz.Token;
import org.msrpc4j.authz.TokenGroup;
import org.msrpc4j.ndr.NdrException;
import org.msrpc4j.runtime.InterfaceId;
import org.msrpc4j.runtime.RpcCall;
import org.msrpc4j.runtime.RpcException;
import org.msrpc4j.runtime.RpcInterfaceHandler;
import org.msrpc4j.runtime.RpcStatus;
import org.msrpc4j.runtime.auth.AuthClientInfo;
import org.msrpc4j.runtime.auth.CallerIdentity;
import org.msrpc4j.runtime.auth.ThreadIdentity;

/**
 * The server side of the identity interface, served by {@code msrpc serve}: WhoAmI reports what the
 * server sees of its caller (inqAuthClient, the authorization context, and whether impersonation
 * works). The method takes the call handle first, as the ACF's {@code explicit_handle} asks.
 * Stateless; thread-safe.
 */
final class WhoamiCommandServer implements RpcInterfaceHandler {
  @Override
  public InterfaceId interfaceId() {
    return WhoamiCommandWire.INTERFACE;
  }

  @Override
  public byte[] dispatch(int opnum, byte[] stubIn, RpcCall call) throws RpcException {
    if (opnum != WhoamiCommandWire.OPNUM_WHOAMI) {
      throw new RpcException(RpcStatus.NCA_S_OP_RNG_ERROR);
    }
    try {
      return WhoamiCommandWire.encodeResponse(whoAmI(call), 0);
    } catch (NdrException e) {
      throw new RpcException(RpcStatus.RPC_X_BAD_STUB_DATA, e.getMessage());
    }
  }

  /** WhoAmI(handle, [out] info): the explicit_handle form of the IDL's {@code WhoAmI([out] info)}. */
  static WhoamiCommandWire.IdentityInfo whoAmI(RpcCall call) {
    String client = null;
    String server = null;
    long service = 0;
    long authz = 0;
    try {
      AuthClientInfo a = call.inqAuthClient();
      client = a.clientPrincipal();
      server = a.serverPrincipal();
      service = a.service().wireValue();
      authz = a.authzService().value();
    } catch (RpcException e) {
      // unauthenticated: the strings stay NULL
    }
    long impersonation = 0;
    String impersonated = null;
    try (ThreadIdentity.Impersonation imp = call.impersonateClient()) {
      impersonated = ThreadIdentity.current().map(CallerIdentity::principal).orElse(null);
    } catch (RpcException e) {
      impersonation = e.status();
    }
    WhoamiCommandWire.IdentitySid user = null;
    List<WhoamiCommandWire.IdentitySid> groups = new ArrayList<>();
    try {
      Token t = call.authorizationContext();
      user = new WhoamiCommandWire.IdentitySid(t.user().toString(), t.userName(), t.userAttributes());
      for (TokenGroup g : t.groups()) {
        groups.add(new WhoamiCommandWire.IdentitySid(g.sid().toString(), g.name(), g.attributes() & 0xFFFFFFFFL));
      }
    } catch (RpcException e) {
      // unauthenticated: no token
    }
    return new WhoamiCommandWire.IdentityInfo(client, server, call.authLevel(), service, authz, impersonation,
        impersonated, user, groups);
  }
}
