package org.msrpc4j.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.msrpc4j.runtime.RpcException;
import org.msrpc4j.runtime.client.RpcBinding;
import org.msrpc4j.runtime.client.RpcChannel;
import org.msrpc4j.runtime.client.RpcClient;
import org.msrpc4j.runtime.epm.EndpointEntry;
import org.msrpc4j.runtime.epm.EpmClient;
import org.msrpc4j.runtime.epm.RpcEpm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code msrpc epm BINDING}: every endpoint the server's endpoint mapper knows, like rpcdump. */
@Command(name = "epm", mixinStandardHelpOptions = true,
    description = {"List every endpoint registered with a server's endpoint mapper.",
        "BINDING is ncacn_ip_tcp:HOST or ncacn_ip_tcp:HOST[PORT] (default port 135)."})
public final class EpmCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "BINDING")
  String binding;

  @Mixin
  AuthOptions authOptions = new AuthOptions();

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
        List<EndpointEntry> entries = new EpmClient(ch).lookupAll();
        for (EndpointEntry e : entries) {
          System.out.println(EpmCommandLine.format(e, b.host()));
        }
        System.out.println(entries.size() + " endpoint(s)");
        return 0;
      }
    } catch (RpcException e) {
      System.err.println("msrpc epm: " + e.getMessage());
      return 1;
    } catch (IllegalArgumentException e) {
      System.err.println("msrpc epm: " + e.getMessage());
      return 2;
    }
  }
}
