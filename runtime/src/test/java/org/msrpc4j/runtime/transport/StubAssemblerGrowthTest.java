package org.msrpc4j.runtime.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** alloc_hint never sizes an allocation: memory held is what arrived, and the stub comes out whole. */
class StubAssemblerGrowthTest {
  private static final int FRAGMENT = 5800;

  @Test
  void anHonestHintAboveSixtyFourKibCollectsExactly() {
    byte[] stub = new byte[100_000];
    new Random(1).nextBytes(stub);
    StubAssembler a = new StubAssembler(stub.length, 1 << 20);
    assertThat(a.capacity()).isZero();
    feed(a, stub);
    assertThat(a.capacity()).isEqualTo(stub.length);
    assertThat(a.arrays()).isEqualTo((stub.length + FRAGMENT - 1) / FRAGMENT); // kept, not copied
    assertThat(a.toByteArray()).isEqualTo(stub);
  }

  @Test
  void aHugeHintHoldsOnlyWhatArrived() {
    StubAssembler a = new StubAssembler(-1, Integer.MAX_VALUE); // alloc_hint 4 GiB
    byte[] part = new byte[FRAGMENT];
    int received = 0;
    for (int i = 0; i < 40; i++) {
      assertThat(a.append(part.clone())).isTrue();
      received += part.length;
      assertThat(a.capacity()).isEqualTo(received);
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

  @Test
  void theLimitRefusesThePartThatWouldCrossIt() {
    StubAssembler a = new StubAssembler(0, 10_000);
    assertThat(a.append(new byte[6000])).isTrue();
    assertThat(a.append(new byte[6000])).isFalse();
    assertThat(a.size()).isEqualTo(6000);
  }

  @Test
  void tinyFragmentsGoToOneBufferSoOverheadStaysBounded() {
    byte[] stub = new byte[20_000];
    new Random(3).nextBytes(stub);
    StubAssembler a = new StubAssembler(-1, 1 << 20);
    for (int off = 0; off < stub.length; off += 8) {
      assertThat(a.append(Arrays.copyOfRange(stub, off, off + 8))).isTrue();
      // Past the first parts, one buffer at most twice what arrived (not 2,500 arrays of 8 bytes).
      if (a.size() > 8 * 17) {
        assertThat(a.arrays()).isEqualTo(1);
        assertThat(a.capacity()).isLessThanOrEqualTo(2 * a.size());
      }
    }
    assertThat(a.toByteArray()).isEqualTo(stub);
  }

  private static void feed(StubAssembler a, byte[] stub) {
    for (int off = 0; off < stub.length; off += FRAGMENT) {
      assertThat(a.append(Arrays.copyOfRange(stub, off, Math.min(stub.length, off + FRAGMENT)))).isTrue();
    }
  }
}
