package org.msrpc4j.cli;

import java.util.concurrent.Callable;
import org.msrpc4j.runtime.InterfaceId;
import org.msrpc4j.runtime.RpcException;
import org.msrpc4j.runtime.client.RpcBinding;
import org.msrpc4j.runtime.client.RpcChannel;
import org.msrpc4j.runtime.client.RpcClient;
import org.msrpc4j.runtime.epm.RpcEpm;
import org.msrpc4j.runtime.mgmt.MgmtClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code msrpc mgmt BINDING}: the management interface: interfaces, statistics, listening, principal name. */
@Command(name = "mgmt", mixinStandardHelpOptions = true,
    description = {"Query a server's management interface (interfaces, stats, listening, principal).",
        "BINDING is ncacn_ip_tcp:HOST[PORT] (default port 135)."})
public final class MgmtCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "BINDING")
  String binding;

  @Mixin
  AuthOptions authOptions = new AuthOptions();

  @Option(names = "--authn-service", paramLabel = "N", defaultValue = "9",
      description = "Authentication service for inq_princ_name (9 SPNEGO, 10 NTLM, 16 Kerberos; default ${DEFAULT-VALUE}).")
  int authnService;

  @Override
  public Integer call() {
    try (RpcClient client = RpcClient.create(org.msrpc4j.runtime.client.ClientSettings.defaults(), null,
        authOptions.security())) {
      RpcBinding b = RpcBinding.parse(binding);
      if (b.port() == null) {
        b = b.withPort(RpcEpm.PORT);
      }
      try (RpcChannel ch = client.channel(b)) {
        authOptions.apply(ch, b);
        MgmtClient m = new MgmtClient(ch);
        System.out.println("interfaces:");
        for (InterfaceId id : m.inqIfIds()) {
          System.out.println("  " + id.uuid() + " v" + id.major() + "." + id.minor());
        }
        long[] s = m.inqStats();
        String[] names = {"calls_in", "calls_out", "pkts_in", "pkts_out"};
        StringBuilder sb = new StringBuilder("stats:");
        for (int i = 0; i < s.length; i++) {
          sb.append(' ').append(i < names.length ? names[i] : "stat" + i).append('=').append(s[i]);
        }
        System.out.println(sb);
        System.out.println("listening: " + (m.isServerListening() ? "yes" : "no"));
        try {
          String p = m.inqPrincName(authnService, 1024);
          System.out.println("principal name: " + (p.isEmpty() ? "(empty)" : p));
        } catch (RpcException e) {
          System.out.println("principal name: (" + e.getMessage() + ")");
        }
        return 0;
      }
    } catch (RpcException e) {
      System.err.println("msrpc mgmt: " + e.getMessage());
      return 1;
    } catch (IllegalArgumentException e) {
      System.err.println("msrpc mgmt: " + e.getMessage());
      return 2;
    }
  }
}
