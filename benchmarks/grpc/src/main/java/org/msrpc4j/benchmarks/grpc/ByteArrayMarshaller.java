package org.msrpc4j.benchmarks.grpc;

import io.grpc.Drainable;
import io.grpc.KnownLength;
import io.grpc.MethodDescriptor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Marshals a message that is just its payload bytes, so the echo carries no encoding overhead that the msrpc4j side
 * (NDR of a conformant byte array) would not also carry.
 *
 * <p>The stream it hands to gRPC declares its length and can drain itself, the two hints gRPC's framer uses to write a
 * message without an intermediate copy; without them the baseline would be slower than gRPC has to be.
 *
 * <p>Stateless and thread-safe. Message size limits are enforced by gRPC (max inbound message size) before
 * {@link #parse} sees the stream.
 */
final class ByteArrayMarshaller implements MethodDescriptor.Marshaller<byte[]> {

  static final ByteArrayMarshaller INSTANCE = new ByteArrayMarshaller();

  private ByteArrayMarshaller() {}

  @Override
  public InputStream stream(byte[] value) {
    return new PayloadStream(value);
  }

  @Override
  public byte[] parse(InputStream stream) {
    try {
      if (stream instanceof KnownLength) {
        // gRPC's inbound streams know their length; read into an array of exactly that size.
        int length = stream.available();
        byte[] payload = stream.readNBytes(length);
        if (stream.read() != -1) {
          throw new IllegalStateException("message longer than its declared length " + length);
        }
        return payload;
      }
      return stream.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("reading a message", e);
    }
  }

  /** The payload as a stream that gRPC can size and drain in one write. */
  private static final class PayloadStream extends ByteArrayInputStream implements KnownLength, Drainable {
    PayloadStream(byte[] payload) {
      super(payload);
    }

    @Override
    public synchronized int drainTo(OutputStream target) throws IOException {
      int length = count - pos;
      target.write(buf, pos, length);
      pos = count;
      return length;
    }
  }
}
