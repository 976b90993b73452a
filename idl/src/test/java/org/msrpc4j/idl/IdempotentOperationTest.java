package org.msrpc4j.idl;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.msrpc4j.ndr.NdrEncoder;
import org.msrpc4j.runtime.RpcClientChannel;
import org.msrpc4j.runtime.RpcException;
import org.msrpc4j.runtime.RpcRequest;

/**
 * {@code [idempotent]} reaches the runtime: the generated client marks the requests of such an
 * operation (blocking and async) so that the channel may send them again after a lost connection,
 * and leaves every other operation unmarked.
 */
class IdempotentOperationTest {
  static final String IDL = """
      [uuid(5c0ffee0-0000-4000-8000-00000000c001), version(1.0), pointer_default(unique)]
      interface faulty
      {
        [idempotent] unsigned long Faulty_Read([in] unsigned long key);
        unsigned long Faulty_Write([in] unsigned long key);
      }
      """;

  /** The channel the generated stub talks to: records each request and answers a u32 of 7. */
  static final class RecordingChannel implements RpcClientChannel {
    final List<RpcRequest> requests = new CopyOnWriteArrayList<>();

    @Override
    public byte[] call(RpcRequest request) throws RpcException {
      requests.add(request);
      try {
        NdrEncoder e = new NdrEncoder();
        e.writeInt32(7);
        return e.toByteArray();
      } catch (org.msrpc4j.ndr.NdrException x) {
        throw new RpcException(x.status(), x.getMessage());
      }
    }

    @Override
    public CompletableFuture<byte[]> callAsync(RpcRequest request) {
      try {
        return CompletableFuture.completedFuture(call(request));
      } catch (RpcException e) {
        return CompletableFuture.failedFuture(e);
      }
    }

    @Override
    public void close() {}
  }

  @Test
  void idempotentOperationsAreSentAsIdempotentAndOthersAreNot(@TempDir Path work) throws Exception {
    Path idl = work.resolve("faulty.idl");
    Files.writeString(idl, IDL);
    Path sources = Files.createDirectories(work.resolve("src"));
    new IdlCompiler().compile(idl, null, List.of(work), "gen.faulty", sources);
    Path classes = Files.createDirectories(work.resolve("classes"));
    assertThat(JavaSourceCompiler.compile(sources, classes)).isEmpty();

    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      Class<?> clientClass = loader.loadClass("gen.faulty.FaultyClient");
      RecordingChannel channel = new RecordingChannel();
      Constructor<?> ctor = clientClass.getConstructor(RpcClientChannel.class);
      Object client = ctor.newInstance(channel);
      String read = "faultyRead";
      String write = "faultyWrite";
      clientClass.getMethod(read, int.class).invoke(client, 1);
      clientClass.getMethod(write, int.class).invoke(client, 2);
      ((CompletableFuture<?>) clientClass.getMethod(read + "Async", int.class).invoke(client, 3)).get();
      ((CompletableFuture<?>) clientClass.getMethod(write + "Async", int.class).invoke(client, 4)).get();

      assertThat(channel.requests).extracting(RpcRequest::opnum).containsExactly(0, 1, 0, 1);
      assertThat(channel.requests).extracting(RpcRequest::idempotent).containsExactly(true, false, true, false);
    }
  }
}
