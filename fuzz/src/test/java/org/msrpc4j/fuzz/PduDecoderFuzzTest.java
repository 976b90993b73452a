package org.msrpc4j.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.Set;
import org.msrpc4j.runtime.pdu.Pdu;
import org.msrpc4j.runtime.pdu.PduCodec;
import org.msrpc4j.runtime.pdu.PduFormatException;
import org.msrpc4j.runtime.pdu.RequestPdu;
import org.msrpc4j.runtime.transport.FragmentFrameDecoder;
import org.msrpc4j.runtime.transport.FrameError;
import org.msrpc4j.runtime.transport.StubAssembler;

/**
 * The connection-oriented PDU path as the server sees it: a TCP byte stream cut into fragments by
 * {@link FragmentFrameDecoder} (arriving in arbitrary chunks), each fragment decoded by
 * {@link PduCodec}, request stubs reassembled by {@link StubAssembler} under a limit.
 *
 * <p>Contract: the framer emits whole fragments no larger than its limit, or one
 * {@link FrameError} and nothing after it; the codec fails only with {@link PduFormatException};
 * the assembler never holds more than its limit.
 */
class PduDecoderFuzzTest {
  /** The framer's limit before negotiation, as the server uses it. */
  static final int MAX_FRAGMENT = 65535;
  /** A small reassembly limit so that the fuzzer can reach it. */
  static final int MAX_STUB = 64 * 1024;

  @FuzzTest(maxDuration = "60s")
  void decode(byte[] input) {
    fuzzerTestOneInput(input);
  }

  /** The libFuzzer-style entry point, also used by {@code fuzz/run-fuzz}. */
  public static void fuzzerTestOneInput(byte[] input) {
    EmbeddedChannel ch = new EmbeddedChannel(new FragmentFrameDecoder(MAX_FRAGMENT, 0));
    try {
      // The first byte chooses how the stream is chopped, so that partial headers are exercised.
      int chunk = input.length == 0 ? 1 : 1 + (input[0] & 0xff);
      for (int off = 0; off < input.length; off += chunk) {
        ch.writeInbound(Unpooled.wrappedBuffer(input, off, Math.min(chunk, input.length - off)));
      }
      StubAssembler stub = null;
      boolean failed = false;
      Object msg;
      while ((msg = ch.readInbound()) != null) {
        assertThat(failed).as("nothing may follow a frame error").isFalse();
        if (msg instanceof FrameError) {
          failed = true;
          continue;
        }
        byte[] frame = (byte[]) msg;
        assertThat(frame.length).isBetween(16, MAX_FRAGMENT);
        Pdu[] decoded = new Pdu[1];
        Documented.run(() -> decoded[0] = PduCodec.decode(frame), Set.of(PduFormatException.class));
        if (decoded[0] instanceof RequestPdu r) {
          if (stub == null) {
            // alloc_hint comes from the peer: the assembler must not trust it for its allocation.
            stub = new StubAssembler(r.allocHint(), MAX_STUB);
          }
          stub.append(r.stub());
          assertThat(stub.size()).isLessThanOrEqualTo(MAX_STUB);
        }
      }
    } finally {
      ch.finishAndReleaseAll();
    }
  }
}
