package org.msrpc4j.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.msrpc4j.interfaces.samr.RpcSid;
import org.msrpc4j.interfaces.samr.RpcUnicodeString;
import org.msrpc4j.interfaces.samr.SamprEnumerationBuffer;
import org.msrpc4j.interfaces.samr.SamprHandle;
import org.msrpc4j.interfaces.samr.SamprRevisionInfo;
import org.msrpc4j.interfaces.samr.SamprRevisionInfoV1;
import org.msrpc4j.interfaces.samr.SamprRidEnumeration;
import org.msrpc4j.interfaces.samr.SamrClient;
import org.msrpc4j.runtime.RpcException;
import org.msrpc4j.runtime.RpcStatus;
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
 * SamrEnumerateUsersInDomain), e.g. against a Samba or Windows domain controller. The calls go
 * through {@link SamrClient}, generated from interfaces/src/main/idl/samr.idl.
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
  /** STATUS_MORE_ENTRIES: the enumeration goes on. */
  private static final int STATUS_MORE_ENTRIES = 0x00000105;

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
      for (RidName u : enumerateUsers(ch, b.host())) {
        System.out.printf("user:[%s] rid:[0x%x]%n", u.name(), u.rid());
      }
      return 0;
    } catch (IllegalArgumentException e) {
      System.err.println("msrpc samr: " + e.getMessage());
      return 2;
    } catch (RpcException e) {
      // a response that does not unmarshal arrives here as RPC_X_BAD_STUB_DATA with the reason
      System.err.println("msrpc samr: " + e.getMessage());
      return 1;
    }
  }

  /** One account of an enumeration: its RID and name. */
  record RidName(long rid, String name) {}

  private List<RidName> enumerateUsers(RpcChannel ch, String host) throws RpcException {
    // Context handles keep the security context they were opened under: open and use them through
    // a view fixed to the channel's current security (runtime/AUTH.md).
    SamrClient samr = new SamrClient(ch.withCurrentSecurity());
    var connect = samr.samrConnect5("\\\\" + host, SAM_SERVER_CONNECT_ENUMERATE_LOOKUP, 1,
        new SamprRevisionInfo.V1Arm(new SamprRevisionInfoV1(3, 0)));
    check("SamrConnect5", connect.returnValue());
    SamprHandle server = connect.serverHandle();
    try {
      String name = domain != null ? domain : pickDomain(samr, server);
      int bytes = name.length() * 2;
      var sid = samr.samrLookupDomainInSamServer(server, new RpcUnicodeString(bytes, bytes, name));
      check("SamrLookupDomainInSamServer(" + name + ")", sid.returnValue());
      if (sid.domainId() == null) {
        throw new RpcException(RpcStatus.RPC_X_BAD_STUB_DATA, "SamrLookupDomainInSamServer returned no SID");
      }
      System.err.println("domain " + name + " " + sidString(sid.domainId()));
      var open = samr.samrOpenDomain(server, DOMAIN_LOOKUP_LIST_READ, sid.domainId());
      check("SamrOpenDomain", open.returnValue());
      try {
        List<RidName> users = new ArrayList<>();
        int context = 0;
        for (int page = 0; page < 10_000; page++) {
          var p = samr.samrEnumerateUsersInDomain(open.domainHandle(), context, 0, 0xFFFF);
          if (p.returnValue() != 0 && p.returnValue() != STATUS_MORE_ENTRIES) {
            check("SamrEnumerateUsersInDomain", p.returnValue());
          }
          List<RidName> entries = entries(p.buffer());
          users.addAll(entries);
          if (p.returnValue() != STATUS_MORE_ENTRIES || entries.isEmpty()) {
            break;
          }
          context = p.enumerationContext();
        }
        return users;
      } finally {
        close(samr, open.domainHandle());
      }
    } finally {
      close(samr, server);
    }
  }

  private static String pickDomain(SamrClient samr, SamprHandle server) throws RpcException {
    var p = samr.samrEnumerateDomainsInSamServer(server, 0, 0xFFFF);
    if (p.returnValue() != 0 && p.returnValue() != STATUS_MORE_ENTRIES) {
      check("SamrEnumerateDomainsInSamServer", p.returnValue());
    }
    return entries(p.buffer()).stream().map(RidName::name).filter(n -> !n.equalsIgnoreCase("Builtin"))
        .findFirst().orElseThrow(() -> new IllegalArgumentException("the server lists no account domain; use --domain"));
  }

  /** The entries of an enumeration buffer (a NULL buffer or a NULL name reads as empty). */
  static List<RidName> entries(SamprEnumerationBuffer buffer) {
    List<RidName> out = new ArrayList<>();
    if (buffer == null || buffer.buffer == null) {
      return out;
    }
    for (SamprRidEnumeration e : buffer.buffer) {
      String name = e.name == null || e.name.buffer == null ? "" : e.name.buffer;
      out.add(new RidName(Integer.toUnsignedLong(e.relativeId), name));
    }
    return out;
  }

  /** S-1-a-s1-s2-… of an RPC_SID. */
  static String sidString(RpcSid sid) {
    long a = 0;
    byte[] authority = sid.identifierAuthority == null ? new byte[0] : sid.identifierAuthority.value;
    for (byte b : authority) {
      a = (a << 8) | (b & 0xFF);
    }
    StringBuilder sb = new StringBuilder("S-").append(Byte.toUnsignedInt(sid.revision)).append('-').append(a);
    for (int s : sid.subAuthority) {
      sb.append('-').append(Integer.toUnsignedLong(s));
    }
    return sb.toString();
  }

  private static void close(SamrClient samr, SamprHandle h) {
    try {
      samr.samrCloseHandle(h);
    } catch (RpcException ignored) {
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
