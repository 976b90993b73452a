package org.msrpc4j.cli;

import java.util.Arrays;
import java.util.concurrent.Callable;
import org.msrpc4j.interfaces.echo.RpcechoClient;
import org.msrpc4j.runtime.RpcException;
import org.msrpc4j.runtime.client.ClientSettings;
import org.msrpc4j.runtime.client.RpcBinding;
import org.msrpc4j.runtime.client.RpcChannel;
import org.msrpc4j.runtime.client.RpcClient;
import org.msrpc4j.runtime.epm.EpmEndpointResolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code msrpc echo BINDING OP N}: call Samba's rpcecho test interface through the stub generated from rpcecho.idl. */
@Command(name = "echo", mixinStandardHelpOptions = true,
    description = {"Call Samba's rpcecho test interface.",
        "Without a port in BINDING the endpoint mapper is asked.",
        "OP: addone N | echodata N | sinkdata N | sourcedata N | testsleep S"})
public final class EchoCommand implements Callable<Integer> {
  /** The operations offered on the command line. */
  enum Op { addone, echodata, sinkdata, sourcedata, testsleep }

  @Parameters(index = "0", paramLabel = "BINDING")
  String binding;

  @Parameters(index = "1", paramLabel = "OP")
  Op op;

  @Parameters(index = "2", paramLabel = "N")
  long n;

  @Mixin
  AuthOptions authOptions = new AuthOptions();

  @Override
  public Integer call() {
    if (op != Op.addone && (n < 0 || n > Integer.MAX_VALUE)) {
      System.err.println("msrpc echo: N must be within 0.." + Integer.MAX_VALUE);
      return 2;
    }
    ClientSettings settings = ClientSettings.defaults().withCallTimeout(java.time.Duration.ofSeconds(Math.max(60, op == Op.testsleep ? n + 30 : 60)));
    try (RpcClient client = RpcClient.create(settings, new EpmEndpointResolver(), authOptions.security())) {
      RpcBinding b = RpcBinding.parse(binding);
      try (RpcChannel ch = client.channel(b)) {
        authOptions.apply(ch, b);
        RpcechoClient echo = new RpcechoClient(ch);
        switch (op) {
          case addone -> System.out.println(Integer.toUnsignedString(echo.echoAddOne((int) n).outData()));
          case echodata -> {
            byte[] in = pattern((int) n);
            byte[] out = echo.echoEchoData(in.length, in).outData();
            if (!Arrays.equals(in, out)) {
              System.err.println("msrpc echo: echodata returned different bytes");
              return 1;
            }
            System.out.println("echodata: " + n + " bytes echoed");
          }
          case sinkdata -> {
            byte[] in = pattern((int) n);
            echo.echoSinkData(in.length, in);
            System.out.println("sinkdata: " + n + " bytes sent");
          }
          case sourcedata -> {
            byte[] out = echo.echoSourceData((int) n).data();
            if (!Arrays.equals(out, pattern((int) n))) {
              System.err.println("msrpc echo: sourcedata did not return 0,1,2,... (mod 256)");
              return 1;
            }
            System.out.println("sourcedata: " + out.length + " bytes received");
          }
          case testsleep -> System.out.println("testsleep: " + echo.echoTestSleep(ch, (int) n));
        }
        return 0;
      }
    } catch (RpcException e) {
      System.err.println("msrpc echo: " + e.getMessage());
      return 1;
    } catch (IllegalArgumentException e) {
      System.err.println("msrpc echo: " + e.getMessage());
      return 2;
    }
  }

  private static byte[] pattern(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) i;
    }
    return b;
  }
}
