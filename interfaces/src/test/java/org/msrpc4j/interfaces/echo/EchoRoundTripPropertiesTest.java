package org.msrpc4j.interfaces.echo;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Random values through the generated client, the runtime and the generated dispatcher. */
class EchoRoundTripPropertiesTest {
  private static EchoLoopback loop;
  private static RpcechoClient echo;

  @BeforeContainer
  static void start() throws Exception {
    loop = new EchoLoopback();
    echo = new RpcechoClient(loop.channel);
  }

  @AfterContainer
  static void stop() {
    loop.close();
  }

  @Property(tries = 60)
  void echoDataReturnsAnyBytes(@ForAll @Size(max = 12_000) byte[] data) throws Exception {
    assertThat(echo.echoEchoData(data.length, data).outData()).isEqualTo(data);
  }

  @Property(tries = 60)
  void addOneIsUnsignedSuccessor(@ForAll int n) throws Exception {
    assertThat(Integer.toUnsignedLong(echo.echoAddOne(n).outData())).isEqualTo((Integer.toUnsignedLong(n) + 1) & 0xFFFFFFFFL);
  }

  @Property(tries = 60)
  void testCallReturnsAnyStringWithoutNul(@ForAll("strings") String s) throws Exception {
    assertThat(echo.echoTestCall(s).s2()).isEqualTo(s);
  }

  @Property(tries = 30)
  void testSurroundingAnswersTwiceAsManyZeros(@ForAll @IntRange(max = 3000) int x) throws Exception {
    EchoSurrounding out = echo.echoTestSurrounding(new EchoSurrounding(x, new short[x])).data();
    assertThat(out.x).isEqualTo(2 * x);
    assertThat(out.surrounding).hasSize(2 * x);
    for (short v : out.surrounding) {
      assertThat(v).isZero();
    }
  }

  @Provide
  Arbitrary<String> strings() {
    // [string] ends at the first NUL, so the echo of a string with NUL cannot be the same string.
    return Arbitraries.strings().withCharRange('\u0001', '\uD7FF').ofMaxLength(300);
  }
}
