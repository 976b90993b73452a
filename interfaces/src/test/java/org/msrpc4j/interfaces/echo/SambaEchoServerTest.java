package org.msrpc4j.interfaces.echo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.msrpc4j.runtime.RpcException;
import org.msrpc4j.runtime.RpcStatus;

/**
 * Every rpcecho opnum through the generated client and dispatcher, over a real loopback
 * connection, against the semantics of Samba's source4/rpc_server/echo/rpc_echo.c.
 */
class SambaEchoServerTest {
  private EchoLoopback loop;
  private RpcechoClient echo;

  @BeforeEach
  void start() throws Exception {
    loop = new EchoLoopback();
    echo = new RpcechoClient(loop.channel);
  }

  @AfterEach
  void stop() {
    loop.close();
  }

  @Test
  void addOneAddsOneModulo2To32() throws Exception {
    assertThat(echo.echoAddOne(41).outData()).isEqualTo(42);
    assertThat(echo.echoAddOne(-1).outData()).isZero();
    assertThat(echo.echoAddOne(Integer.MAX_VALUE).outData()).isEqualTo(Integer.MIN_VALUE);
  }

  @Test
  void echoDataReturnsItsInputAcrossFragments() throws Exception {
    byte[] data = new byte[70_000];
    new Random(3).nextBytes(data);
    assertThat(echo.echoEchoData(data.length, data).outData()).isEqualTo(data);
    assertThat(echo.echoEchoData(0, new byte[0]).outData()).isEmpty();
  }

  @Test
  void sinkDataAcceptsAnything() throws Exception {
    byte[] data = new byte[9_000];
    new Random(4).nextBytes(data);
    echo.echoSinkData(data.length, data);
    echo.echoSinkData(0, new byte[0]);
  }

  @Test
  void sourceDataCountsModulo256UpToTheServersLimit() throws Exception {
    byte[] src = echo.echoSourceData(300).data();
    assertThat(src).hasSize(300);
    for (int i = 0; i < src.length; i++) {
      assertThat(src[i]).isEqualTo((byte) i);
    }
    assertThat(echo.echoSourceData(0).data()).isEmpty();
    assertThatThrownBy(() -> echo.echoSourceData(EchoLoopback.MAX_SOURCE_DATA + 1))
        .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.status()).isEqualTo(RpcStatus.NCA_S_FAULT_REMOTE_NO_MEMORY));
    // An unsigned length above 2^31 is above any limit, not a negative array size.
    assertThatThrownBy(() -> echo.echoSourceData(-1))
        .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.status()).isEqualTo(RpcStatus.NCA_S_FAULT_REMOTE_NO_MEMORY));
  }

  @Test
  void testCallReturnsItsString() throws Exception {
    assertThat(echo.echoTestCall("héllo wörld").s2()).isEqualTo("héllo wörld");
    assertThat(echo.echoTestCall("").s2()).isEmpty();
  }

  @Test
  void testCall2AnswersSambasFixedValuesPerLevel() throws Exception {
    assertThat(info(1)).isEqualTo(new EchoInfo.Info1Arm(new EchoInfo1((byte) 10)));
    assertThat(info(2)).isEqualTo(new EchoInfo.Info2Arm(new EchoInfo2(20)));
    assertThat(info(3)).isEqualTo(new EchoInfo.Info3Arm(new EchoInfo3(30)));
    assertThat(info(4)).isEqualTo(new EchoInfo.Info4Arm(new EchoInfo4(40)));
    assertThat(info(5)).isEqualTo(new EchoInfo.Info5Arm(new EchoInfo5((byte) 50, 60)));
    assertThat(info(6)).isEqualTo(new EchoInfo.Info6Arm(new EchoInfo6((byte) 70, new EchoInfo1((byte) 80))));
    assertThat(info(7)).isEqualTo(new EchoInfo.Info7Arm(new EchoInfo7((byte) 80, new EchoInfo4(90))));
  }

  private EchoInfo info(int level) throws RpcException {
    Rpcecho.EchoTestCall2Result r = echo.echoTestCall2(level);
    assertThat(r.returnValue()).isZero(); // NT_STATUS_OK
    return r.info();
  }

  @Test
  void testCall2WithoutAnArmFaultsLikeSambasFailedPush() {
    for (int level : new int[] {0, 8, 0xFFFF}) {
      assertThatThrownBy(() -> echo.echoTestCall2(level))
          .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.status()).isEqualTo(RpcStatus.RPC_X_BAD_STUB_DATA));
    }
  }

  @Test
  void testEnumSetsFoo2E1AndReturnsTheRest() throws Exception {
    EchoEnum2 foo2 = new EchoEnum2(EchoEnum1.ECHO_ENUM1, EchoEnum132.ECHO_ENUM2_32);
    EchoEnum3 arm1 = new EchoEnum3.E1Arm(EchoEnum1.ECHO_ENUM1);
    Rpcecho.EchoTestEnumResult r = echo.echoTestEnum(EchoEnum1.ECHO_ENUM1, foo2, arm1);
    assertThat(r.foo1()).isEqualTo(EchoEnum1.ECHO_ENUM1);
    assertThat(r.foo2()).isEqualTo(new EchoEnum2(EchoEnum1.ECHO_ENUM2, EchoEnum132.ECHO_ENUM2_32));
    assertThat(r.foo3()).isEqualTo(arm1);

    EchoEnum3 arm2 = new EchoEnum3.E2Arm(new EchoEnum2(EchoEnum1.ECHO_ENUM2, EchoEnum132.ECHO_ENUM1_32));
    r = echo.echoTestEnum(EchoEnum1.ECHO_ENUM2, foo2, arm2);
    assertThat(r.foo1()).isEqualTo(EchoEnum1.ECHO_ENUM2);
    assertThat(r.foo2().e1).isEqualTo(EchoEnum1.ECHO_ENUM2);
    assertThat(r.foo3()).isEqualTo(arm2);
  }

  @Test
  void testSurroundingDoublesXWithZeros() throws Exception {
    EchoSurrounding out = echo.echoTestSurrounding(new EchoSurrounding(3, new short[] {1, 2, 3})).data();
    assertThat(out.x).isEqualTo(6);
    assertThat(out.surrounding).containsExactly(0, 0, 0, 0, 0, 0);
    EchoSurrounding empty = echo.echoTestSurrounding(new EchoSurrounding(0, new short[0])).data();
    assertThat(empty.x).isZero();
    assertThat(empty.surrounding).isEmpty();
  }

  @Test
  void testDoublePointerDereferencesOrAnswersZero() throws Exception {
    assertThat(echo.echoTestDoublePointer(7)).isEqualTo(7);
    assertThat(echo.echoTestDoublePointer(0xFFFF)).isEqualTo(0xFFFF);
    assertThat(echo.echoTestDoublePointer(null)).isZero();
  }

  @Test
  void testSleepAnswersItsSecondsWithoutBlockingOtherCalls() throws Exception {
    CompletableFuture<Integer> sleeping = CompletableFuture.supplyAsync(() -> {
      try {
        return echo.echoTestSleep(loop.channel, 2);
      } catch (RpcException e) {
        throw new java.util.concurrent.CompletionException(e);
      }
    });
    // Calls on the same channel complete while TestSleep is in progress on the server.
    for (int i = 0; i < 5; i++) {
      assertThat(echo.echoAddOne(i).outData()).isEqualTo(i + 1);
    }
    assertThat(sleeping.get(30, TimeUnit.SECONDS)).isEqualTo(2);
    assertThat(echo.echoTestSleep(loop.channel, 0)).isZero();
  }

  @Test
  void aCancelledTestSleepFreesItsServerThread() throws Exception {
    // An hour's sleep, cancelled: the server sees the cancel and answers, so a graceful shutdown
    // finds no call in flight (an uncancelled sleep would hold it for the hour).
    CompletableFuture<byte[]> sleeping = loop.channel.callAsync(Rpcecho.INTERFACE_ID, Rpcecho.OPNUM_ECHO_TEST_SLEEP,
        new byte[] {0x10, 0x0e, 0, 0});
    // Sent after the sleep on the same channel: by its answer the sleep has (almost always) reached the handler.
    assertThat(echo.echoAddOne(1).outData()).isEqualTo(2);
    sleeping.cancel(true);
    assertThat(loop.server.shutdown(java.time.Duration.ofSeconds(60))).isTrue();
  }
}
