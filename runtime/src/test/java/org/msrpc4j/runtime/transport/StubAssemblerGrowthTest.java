package org.msrpc4j.runtime.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** alloc_hint sizes growth only as far as received bytes justify, and an honest one avoids extra copies. */
class StubAssemblerGrowthTest {
  private static final int FRAGMENT = 5800;

  @Test
  void anHonestHintAboveTheInitialCapGrowsOnceToTheExactSize() {
    byte[] stub = new byte[100_000];
    new Random(1).nextBytes(stub);
    StubAssembler a = new StubAssembler(stub.length, 1 << 20);
    assertThat(a.capacity()).isEqualTo(StubAssembler.MAX_INITIAL_CAPACITY);
    feed(a, stub);
    assertThat(a.capacity()).isEqualTo(stub.length);
    assertThat(a.toByteArray()).isEqualTo(stub);
  }

  @Test
  void aHugeHintNeverAllocatesMoreThanDoubleWhatArrived() {
    StubAssembler a = new StubAssembler(-1, Integer.MAX_VALUE); // alloc_hint 4 GiB
    byte[] part = new byte[FRAGMENT];
    int received = 0;
    for (int i = 0; i < 40; i++) {
      assertThat(a.append(part)).isTrue();
      received += part.length;
      assertThat(a.capacity()).isLessThanOrEqualTo(Math.max(StubAssembler.MAX_INITIAL_CAPACITY, 2 * received));
    }
  }

  @Test
  void aHintLyingLowStillCollectsEverything() {
    byte[] stub = new byte[150_000];
    new Random(2).nextBytes(stub);
    StubAssembler a = new StubAssembler(10, 1 << 20);
    feed(a, stub);
    assertThat(a.toByteArray()).isEqualTo(stub);
  }

  private static void feed(StubAssembler a, byte[] stub) {
    for (int off = 0; off < stub.length; off += FRAGMENT) {
      byte[] part = java.util.Arrays.copyOfRange(stub, off, Math.min(stub.length, off + FRAGMENT));
      assertThat(a.append(part)).isTrue();
    }
  }
}
