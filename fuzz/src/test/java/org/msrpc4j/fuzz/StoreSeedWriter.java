package org.msrpc4j.fuzz;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.msrpc4j.ndr.NdrContextHandle;
import org.msrpc4j.runtime.RpcClientChannel;
import org.msrpc4j.runtime.RpcException;
import org.msrpc4j.runtime.RpcRequest;
import org.msrpc4j.runtime.RpcStatus;
import org.msrpc4j.store.rpc.Msrpc4jStoreClient;
import org.msrpc4j.store.rpc.StoreBlob;
import org.msrpc4j.store.rpc.StoreHandle;

/**
 * Writes the store request seeds of {@link NdrStubFuzzTest} (kind 3): every operation as the
 * generated store client encodes it, the octets {@code msrpc store} sends before sealing (the
 * interop captures of the store are sealed with Kerberos, so their stubs cannot be extracted).
 *
 * <p>Run by hand when the store IDL changes: {@code fuzz/seeds/write-seeds}.
 */
public final class StoreSeedWriter {
  private StoreSeedWriter() {}

  /**
   * @param args the resources directory (fuzz/src/test/resources/org/msrpc4j/fuzz)
   */
  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]).resolve("NdrStubFuzzTestInputs/dispatch");
    Files.createDirectories(out);
    RecordingChannel ch = new RecordingChannel();
    Msrpc4jStoreClient store = new Msrpc4jStoreClient(ch);
    StoreHandle h = new StoreHandle(new NdrContextHandle(0, UUID.fromString("6f1c2d3e-4b5a-4978-8a9b-0c1d2e3f4a5b")));
    byte[] text = "hello from alice\n".getBytes(StandardCharsets.UTF_8);
    byte[] sd = org.msrpc4j.authz.Sddl.parse("O:BAG:BAD:P(A;OICI;FA;;;BA)(A;;FR;;;WD)").toBytes();
    List<Step> steps = List.of(
        () -> store.openStore(ch),
        () -> store.createObject(ch, h, "/", "docs", 1, null, new StoreBlob(0, new byte[0])),
        () -> store.createObject(ch, h, "/docs", "a.txt", 0, "D:P(A;;FA;;;OW)(A;;FR;;;AU)",
            new StoreBlob(text.length, text)),
        () -> store.readObject(ch, h, "/docs/a.txt"),
        () -> store.writeObject(ch, h, "/docs/a.txt", new StoreBlob(text.length, text)),
        () -> store.deleteObject(ch, h, "/docs/a.txt"),
        () -> store.listChildren(ch, h, "/docs"),
        () -> store.getObjectSecurity(ch, h, "/docs", 0x7),
        () -> store.setObjectSecurity(ch, h, "/docs", 0x4, new StoreBlob(sd.length, sd)),
        () -> store.whoAmI(ch),
        () -> store.closeStore(ch, h));
    for (Step s : steps) {
      try {
        s.run();
      } catch (RpcException expected) {
        // The recording channel answers nothing; only the request matters.
      }
    }
    for (RpcRequest r : ch.requests) {
      byte[] seed = new byte[r.stub().length + 2];
      seed[0] = 3;
      seed[1] = (byte) r.opnum();
      System.arraycopy(r.stub(), 0, seed, 2, r.stub().length);
      String name = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(seed));
      Files.write(out.resolve("store-" + name), seed);
    }
  }

  @FunctionalInterface
  private interface Step {
    void run() throws RpcException;
  }

  /** Keeps each request and fails the call, as a server that never answers would. */
  private static final class RecordingChannel implements RpcClientChannel {
    final List<RpcRequest> requests = new ArrayList<>();

    @Override
    public byte[] call(RpcRequest request) throws RpcException {
      requests.add(request);
      throw new RpcException(RpcStatus.RPC_S_CALL_FAILED, "recorded, not sent");
    }

    @Override
    public CompletableFuture<byte[]> callAsync(RpcRequest request) {
      requests.add(request);
      return CompletableFuture.failedFuture(new RpcException(RpcStatus.RPC_S_CALL_FAILED, "recorded, not sent"));
    }

    @Override
    public void close() {
      // nothing held
    }
  }
}
