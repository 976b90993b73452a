package org.msrpc4j.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.msrpc4j.runtime.RpcException;
import org.msrpc4j.runtime.client.ClientSettings;
import org.msrpc4j.runtime.client.RpcBinding;
import org.msrpc4j.runtime.client.RpcChannel;
import org.msrpc4j.runtime.client.RpcClient;
import org.msrpc4j.runtime.epm.EpmEndpointResolver;
import org.msrpc4j.store.ObjectStore;
import org.msrpc4j.store.StoreClient;
import org.msrpc4j.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code msrpc store BINDING ACTION …}: the secure object store's client (served by
 * {@code msrpc serve --data DIR}). Exit 0 on success, 1 when the server refuses (the Windows
 * status is printed, e.g. {@code 5 (ERROR_ACCESS_DENIED)}) or the call fails, 2 for a usage error.
 * Not thread-safe (one invocation).
 */
@Command(name = "store", mixinStandardHelpOptions = true,
    description = {"Use the msrpc4j secure object store on BINDING. Actions:",
        "  mkdir PATH [--sddl SDDL]        create a container",
        "  put PATH [FILE] [--sddl SDDL]   create or overwrite a leaf from FILE, --text or stdin",
        "  get PATH                        print the data",
        "  rm PATH                         delete",
        "  ls [PATH]                       list a container ('/' by default)",
        "  getacl PATH                     print owner, group and DACL as SDDL",
        "  setacl PATH SDDL                set the parts SDDL names (O:, G:, D:)",
        "  whoami                          what the server sees of the caller"})
public final class StoreCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "BINDING", description = "e.g. ncacn_ip_tcp:127.0.0.1[1234,seal]")
  String binding;

  @Parameters(index = "1", paramLabel = "ACTION", description = "mkdir | put | get | rm | ls | getacl | setacl | whoami")
  String action;

  @Parameters(index = "2..*", paramLabel = "ARG", description = "The action's arguments.")
  List<String> args = new ArrayList<>();

  @Option(names = "--sddl", paramLabel = "SDDL", description = "mkdir/put: the creator's descriptor (inherited ACEs are added).")
  String sddl;

  @Option(names = "--text", paramLabel = "TEXT", description = "put: the data as UTF-8 text instead of a file.")
  String text;

  @Mixin
  AuthOptions authOptions;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    RpcBinding b;
    try {
      b = RpcBinding.parse(binding);
    } catch (RpcException e) {
      spec.commandLine().getErr().println("msrpc store: " + e.getMessage());
      return 2;
    }
    StoreCommandActions actions = new StoreCommandActions(spec.commandLine().getOut());
    try (RpcClient client = RpcClient.create(ClientSettings.defaults(), new EpmEndpointResolver(), authOptions.security());
         RpcChannel ch = client.channel(b)) {
      authOptions.apply(ch, b);
      if (action.equals("whoami")) {
        actions.whoami(StoreClient.whoAmI(ch));
        return 0;
      }
      try (StoreClient store = StoreClient.open(ch)) {
        return run(actions, store);
      }
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("msrpc store: " + e.getMessage());
      return 2;
    } catch (StoreException e) {
      spec.commandLine().getErr().println("msrpc store: " + e.getMessage());
      return 1;
    } catch (RpcException e) {
      spec.commandLine().getErr().println("msrpc store: " + e.getMessage());
      return 1;
    } catch (IOException e) {
      spec.commandLine().getErr().println("msrpc store: " + e.getMessage());
      return 1;
    }
  }

  private int run(StoreCommandActions actions, StoreClient store) throws StoreException, RpcException, IOException {
    switch (action) {
      case "mkdir" -> {
        String path = arg(0, "mkdir PATH");
        store.create(StoreCommandActions.parentOf(path), StoreCommandActions.nameOf(path), true, sddl, null);
      }
      case "put" -> {
        String path = arg(0, "put PATH [FILE]");
        byte[] data = data();
        try {
          store.write(path, data);
        } catch (StoreException e) {
          if (e.status() != StoreException.NOT_FOUND) {
            throw e;
          }
          store.create(StoreCommandActions.parentOf(path), StoreCommandActions.nameOf(path), false, sddl, data);
        }
      }
      case "get" -> {
        // The data are bytes: they go to the standard output stream as they are.
        PrintStream out = System.out;
        out.write(store.read(arg(0, "get PATH")));
        out.flush();
      }
      case "rm" -> store.delete(arg(0, "rm PATH"));
      case "ls" -> actions.list(store.list(args.isEmpty() ? "/" : args.get(0)));
      case "getacl" -> actions.acl(store.getSecurity(arg(0, "getacl PATH"), StoreCommandActions.READABLE_PARTS));
      case "setacl" -> {
        String path = arg(0, "setacl PATH SDDL");
        String text = arg(1, "setacl PATH SDDL");
        StoreCommandActions.Modification m = StoreCommandActions.modification(text);
        store.setSecurity(path, m.securityInformation(), m.descriptor());
      }
      default -> throw new IllegalArgumentException("unknown action '" + action
          + "' (mkdir, put, get, rm, ls, getacl, setacl, whoami)");
    }
    return 0;
  }

  private String arg(int i, String usage) {
    if (args.size() <= i) {
      throw new IllegalArgumentException("usage: msrpc store BINDING " + usage);
    }
    return args.get(i);
  }

  private byte[] data() throws IOException {
    if (text != null) {
      return text.getBytes(StandardCharsets.UTF_8);
    }
    if (args.size() > 1 && !args.get(1).equals("-")) {
      Path f = Path.of(args.get(1));
      if (Files.size(f) > ObjectStore.MAX_DATA) {
        throw new IllegalArgumentException(f + " is larger than the store's limit of " + ObjectStore.MAX_DATA + " bytes");
      }
      return Files.readAllBytes(f);
    }
    byte[] d = System.in.readNBytes(ObjectStore.MAX_DATA + 1);
    if (d.length > ObjectStore.MAX_DATA) {
      throw new IllegalArgumentException("stdin is larger than the store's limit of " + ObjectStore.MAX_DATA + " bytes");
    }
    return d;
  }
}
