package org.msrpc4j.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.msrpc4j.interfaces.identity.IdentityInfo;
import org.msrpc4j.interfaces.identity.IdentitySid;
import org.msrpc4j.interfaces.identity.Msrpc4jIdentity;
import org.msrpc4j.interfaces.identity.Msrpc4jIdentityClient;
import org.msrpc4j.runtime.RpcException;
import org.msrpc4j.runtime.RpcStatus;
import org.msrpc4j.runtime.client.ClientSettings;
import org.msrpc4j.runtime.client.RpcBinding;
import org.msrpc4j.runtime.client.RpcChannel;
import org.msrpc4j.runtime.client.RpcClient;
import org.msrpc4j.runtime.epm.EpmEndpointResolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code msrpc whoami BINDING}: asks an msrpc4j server who it thinks the caller is. */
@Command(name = "whoami", mixinStandardHelpOptions = true,
    description = {"Call WhoAmI of the msrpc4j identity interface (served by 'msrpc serve') and print what the",
        "server sees: inqAuthClient fields, the authorization context (SIDs and names), and the",
        "impersonation status (0, or 1765 for an unauthenticated caller)."})
public final class WhoamiCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "BINDING", description = "e.g. ncacn_ip_tcp:127.0.0.1[1234,seal]")
  String binding;

  @Mixin
  AuthOptions authOptions;

  @Override
  public Integer call() {
    RpcBinding b;
    try {
      b = RpcBinding.parse(binding);
    } catch (RpcException e) {
      System.err.println("msrpc whoami: " + e.getMessage());
      return 2;
    }
    try (RpcClient client = RpcClient.create(ClientSettings.defaults(), new EpmEndpointResolver(), authOptions.security());
         RpcChannel ch = client.channel(b)) {
      authOptions.apply(ch, b);
      // explicit_handle: the generated stub takes the binding to call on as its first argument.
      Msrpc4jIdentity.WhoAmIResult r = new Msrpc4jIdentityClient(ch).whoAmI(ch);
      print(r.info());
      return r.returnValue() == 0 ? 0 : 1;
    } catch (IllegalArgumentException e) {
      System.err.println("msrpc whoami: " + e.getMessage());
      return 2;
    } catch (RpcException e) {
      // a response that does not unmarshal arrives here as RPC_X_BAD_STUB_DATA with the reason
      System.err.println("msrpc whoami: " + e.getMessage());
      return 1;
    }
  }

  private static void print(IdentityInfo i) {
    System.out.println("client principal:     " + orNone(i.clientPrincipal));
    System.out.println("server principal:     " + orNone(i.serverPrincipal));
    System.out.println("authentication level: " + Integer.toUnsignedString(i.authnLevel));
    System.out.println("authentication svc:   " + Integer.toUnsignedString(i.authnService));
    System.out.println("authorization svc:    " + Integer.toUnsignedString(i.authzService));
    System.out.println("impersonation status: " + Integer.toUnsignedString(i.impersonationStatus)
        + (i.impersonationStatus == 0 ? " (impersonated " + orNone(i.impersonatedUser) + ")"
            : " (" + RpcStatus.nameOf(i.impersonationStatus) + ")"));
    if (i.user != null && i.user.sid != null) {
      System.out.println("user:                 " + i.user.sid + "  " + orNone(i.user.name));
    } else {
      System.out.println("user:                 (no authorization context)");
    }
    for (IdentitySid g : i.groups == null ? List.<IdentitySid>of() : i.groups) {
      System.out.printf("group:                %s  %s  (0x%08x)%n", g.sid, orNone(g.name), g.attributes);
    }
  }

  private static String orNone(String s) {
    return s == null || s.isEmpty() ? "(none)" : s;
  }
}
