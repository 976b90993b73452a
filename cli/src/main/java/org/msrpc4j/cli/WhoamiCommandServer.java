package org.msrpc4j.cli;

import java.util.ArrayList;
import java.util.List;
import org.msrpc4j.authz.Token;
import org.msrpc4j.authz.TokenGroup;
import org.msrpc4j.interfaces.identity.IdentityInfo;
import org.msrpc4j.interfaces.identity.IdentitySid;
import org.msrpc4j.interfaces.identity.Msrpc4jIdentity;
import org.msrpc4j.interfaces.identity.Msrpc4jIdentityDispatcher;
import org.msrpc4j.interfaces.identity.Msrpc4jIdentityServer;
import org.msrpc4j.runtime.InterfaceId;
import org.msrpc4j.runtime.RpcCall;
import org.msrpc4j.runtime.RpcException;
import org.msrpc4j.runtime.RpcInterfaceHandler;
import org.msrpc4j.runtime.auth.AuthClientInfo;
import org.msrpc4j.runtime.auth.CallerIdentity;
import org.msrpc4j.runtime.auth.ThreadIdentity;

/**
 * The server side of the identity interface (msrpc4j_identity.idl), served by {@code msrpc serve} and
 * the demo: WhoAmI reports what the server sees of its caller (inqAuthClient, the authorization
 * context, and whether impersonation works). Marshalling is the generated
 * {@link Msrpc4jIdentityDispatcher}'s; this class only implements the operation, which takes the call
 * handle first because the ACF declares {@code explicit_handle}. It is registered as a handler itself
 * so that servers write {@code register(new WhoamiCommandServer())}. Stateless; thread-safe.
 */
final class WhoamiCommandServer implements RpcInterfaceHandler {
  private final Msrpc4jIdentityDispatcher dispatcher = new Msrpc4jIdentityDispatcher(new Identity());

  @Override
  public InterfaceId interfaceId() {
    return Msrpc4jIdentity.INTERFACE_ID;
  }

  @Override
  public byte[] dispatch(int opnum, byte[] stubIn, RpcCall call) throws RpcException {
    return dispatcher.dispatch(opnum, stubIn, call);
  }

  /** The implementation the generated dispatcher calls. */
  private static final class Identity implements Msrpc4jIdentityServer {
    @Override
    public Msrpc4jIdentity.WhoAmIResult whoAmI(RpcCall call) {
      return new Msrpc4jIdentity.WhoAmIResult(WhoamiCommandServer.whoAmI(call), 0);
    }
  }

  /** WhoAmI(handle, [out] info): the explicit_handle form of the IDL's {@code WhoAmI([out] info)}. */
  static IdentityInfo whoAmI(RpcCall call) {
    String client = null;
    String server = null;
    int service = 0;
    int authz = 0;
    try {
      AuthClientInfo a = call.inqAuthClient();
      client = a.clientPrincipal();
      server = a.serverPrincipal();
      service = (int) a.service().wireValue();
      authz = (int) a.authzService().value();
    } catch (RpcException e) {
      // unauthenticated: the strings stay NULL
    }
    int impersonation = 0;
    String impersonated = null;
    try (ThreadIdentity.Impersonation imp = call.impersonateClient()) {
      impersonated = ThreadIdentity.current().map(CallerIdentity::principal).orElse(null);
    } catch (RpcException e) {
      impersonation = e.status();
    }
    IdentitySid user = new IdentitySid(null, null, 0);
    List<IdentitySid> groups = new ArrayList<>();
    try {
      Token t = call.authorizationContext();
      user = new IdentitySid(t.user().toString(), t.userName(), (int) t.userAttributes());
      for (TokenGroup g : t.groups()) {
        groups.add(new IdentitySid(g.sid().toString(), g.name(), (int) g.attributes()));
      }
    } catch (RpcException e) {
      // unauthenticated: no token
    }
    return new IdentityInfo(client, server, (int) call.authLevel(), service, authz, impersonation, impersonated,
        user, groups.size(), groups);
  }
}
