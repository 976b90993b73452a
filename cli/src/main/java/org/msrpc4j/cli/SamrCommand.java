package org.msrpc4j.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.msrpc4j.ndr.NdrContextHandle;
import org.msrpc4j.ndr.NdrException;
import org.msrpc4j.runtime.RpcException;
import org.msrpc4j.runtime.client.ClientSettings;
import org.msrpc4j.runtime.client.RpcBinding;
import org.msrpc4j.runtime.client.RpcChannel;
import org.msrpc4j.runtime.client.RpcClient;
import org.msrpc4j.runtime.epm.EpmEndpointResolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code msrpc samr BINDING enum-users}: lists a domain's users over [MS-SAMR] (SamrConnect5,
 * SamrEnumerateDomainsInSamServer, SamrLookupDomainInSamServer, SamrOpenDomain,
 * SamrEnumerateUsersInDomain), e.g. against a Samba or Windows domain controller.
 */
@Command(name = "samr", mixinStandardHelpOptions = true,
    description = {"Security Account Manager client. Without a port in BINDING the endpoint mapper is asked.",
        "Example: msrpc samr 'ncacn_ip_tcp:dc[seal]' -U EXAMPLE/alice%PASSWORD enum-users"})
public final class SamrCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "BINDING")
  String binding;

  @Parameters(index = "1", paramLabel = "OP", description = "enum-users")
  String op;

  @Option(names = "--domain", paramLabel = "NAME", description = "The SAM domain (default: the first that is not Builtin).")
  String domain;

  @Mixin
  AuthOptions authOptions;

  private static final int SAM_SERVER_CONNECT_ENUMERATE_LOOKUP = 0x00000031;
  private static final int DOMAIN_LOOKUP_LIST_READ = 0x00000301;

  @Override
  public Integer call() {
    if (!op.equals("enum-users")) {
      System.err.println("msrpc samr: unknown operation '" + op + "' (enum-users)");
      return 2;
    }
    RpcBinding b;
    try {
      b = RpcBinding.parse(binding);
    } catch (RpcException e) {
      System.err.println("msrpc samr: " + e.getMessage());
      return 2;
    }
    try (RpcClient client = RpcClient.create(ClientSettings.defaults(), new EpmEndpointResolver(), authOptions.security());
         RpcChannel ch = client.channel(b)) {
      authOptions.apply(ch, b);
      for (SamrCommandWire.RidName u : enumerateUsers(ch, b.host())) {
        System.out.printf("user:[%s] rid:[0x%x]%n", u.name(), u.rid());
      }
      return 0;
    } catch (IllegalArgumentException e) {
      System.err.println("msrpc samr: " + e.getMessage());
      return 2;
    } catch (RpcException e) {
      System.err.println("msrpc samr: " + e.getMessage());
      return 1;
    } catch (NdrException e) {
      System.err.println("msrpc samr: bad response from the server: " + e.getMessage());
      return 1;
    }
  }

  private List<SamrCommandWire.RidName> enumerateUsers(RpcChannel ch, String host) throws RpcException, NdrException {
    var connect = SamrCommandWire.connect5Result(ch.call(SamrCommandWire.INTERFACE, SamrCommandWire.OP_CONNECT5,
        SamrCommandWire.connect5("\\\\" + host, SAM_SERVER_CONNECT_ENUMERATE_LOOKUP)));
    check("SamrConnect5", connect.status());
    NdrContextHandle server = connect.handle();
    try {
      String name = domain != null ? domain : pickDomain(ch, server);
      var sid = SamrCommandWire.lookupDomainResult(ch.call(SamrCommandWire.INTERFACE, SamrCommandWire.OP_LOOKUP_DOMAIN,
          SamrCommandWire.lookupDomain(server, name)));
      check("SamrLookupDomainInSamServer(" + name + ")", sid.status());
      if (sid.authority() == null) {
        throw new NdrException("SamrLookupDomainInSamServer returned no SID");
      }
      System.err.println("domain " + name + " " + SamrCommandWire.sidString(sid.authority(), sid.subAuthorities()));
      var open = SamrCommandWire.openDomainResult(ch.call(SamrCommandWire.INTERFACE, SamrCommandWire.OP_OPEN_DOMAIN,
          SamrCommandWire.openDomain(server, DOMAIN_LOOKUP_LIST_READ, sid.authority(), sid.subAuthorities())));
      check("SamrOpenDomain", open.status());
      try {
        List<SamrCommandWire.RidName> users = new ArrayList<>();
        long context = 0;
        for (int page = 0; page < 10_000; page++) {
          var p = SamrCommandWire.enumerationResult(ch.call(SamrCommandWire.INTERFACE, SamrCommandWire.OP_ENUMERATE_USERS,
              SamrCommandWire.enumerateUsers(open.handle(), context, 0, 0xFFFF)));
          if (p.status() != 0 && p.status() != SamrCommandWire.STATUS_MORE_ENTRIES) {
            check("SamrEnumerateUsersInDomain", p.status());
          }
          users.addAll(p.entries());
          if (p.status() != SamrCommandWire.STATUS_MORE_ENTRIES || p.entries().isEmpty()) {
            break;
          }
          context = p.context();
        }
        return users;
      } finally {
        close(ch, open.handle());
      }
    } finally {
      close(ch, server);
    }
  }

  private static String pickDomain(RpcChannel ch, NdrContextHandle server) throws RpcException, NdrException {
    var p = SamrCommandWire.enumerationResult(ch.call(SamrCommandWire.INTERFACE, SamrCommandWire.OP_ENUMERATE_DOMAINS,
        SamrCommandWire.enumerateDomains(server, 0, 0xFFFF)));
    if (p.status() != 0 && p.status() != SamrCommandWire.STATUS_MORE_ENTRIES) {
      check("SamrEnumerateDomainsInSamServer", p.status());
    }
    return p.entries().stream().map(SamrCommandWire.RidName::name).filter(n -> !n.equalsIgnoreCase("Builtin"))
        .findFirst().orElseThrow(() -> new IllegalArgumentException("the server lists no account domain; use --domain"));
  }

  private static void close(RpcChannel ch, NdrContextHandle h) {
    try {
      ch.call(SamrCommandWire.INTERFACE, SamrCommandWire.OP_CLOSE_HANDLE, SamrCommandWire.handleOnly(h));
    } catch (RpcException | NdrException ignored) {
      // best effort: the association's end runs the handle down anyway
    }
  }

  private static void check(String what, int ntstatus) throws RpcException {
    if (ntstatus != 0) {
      // NTSTATUS values are not Windows RPC statuses; say which call failed and with what.
      throw new RpcException(ntstatus == 0xC0000022 ? 5 : 1726,
          String.format("%s failed with NTSTATUS 0x%08x%s", what, ntstatus,
              ntstatus == 0xC0000022 ? " (STATUS_ACCESS_DENIED)" : ""));
    }
  }
}
