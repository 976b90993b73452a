package org.msrpc4j.interfaces.echo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.msrpc4j.runtime.RpcException;
import org.msrpc4j.runtime.RpcStatus;

/**
 * The generated dispatcher's stubs byte for byte against Samba's NDR: every "in" vector is
 * Samba 4.17's {@code samba.ndr.ndr_pack_in} and every "out" vector its {@code ndr_pack_out} of
 * the {@code samba.dcerpc.echo} structure for the same values (python3-samba on Debian 12).
 */
class EchoSambaNdrTest {
  private static final HexFormat HEX = HexFormat.of();
  private EchoLoopback loop;

  @BeforeEach
  void start() throws Exception {
    loop = new EchoLoopback();
  }

  @AfterEach
  void stop() {
    loop.close();
  }

  private String call(int opnum, String inHex) throws RpcException {
    return HEX.formatHex(loop.channel.call(Rpcecho.INTERFACE_ID, opnum, HEX.parseHex(inHex)));
  }

  @ParameterizedTest(name = "TestCall2 level {0}")
  @CsvSource({
      "0100, 01000a0000000000",
      "0200, 0200140000000000",
      "0300, 030000001e00000000000000",
      "0400, 0400000000000000280000000000000000000000",
      "0500, 050000000000000032000000000000003c0000000000000000000000",
      "0600, 0600465000000000",
      "0700, 070000000000000050000000000000005a0000000000000000000000"})
  void testCall2LevelsMatchSamba(String in, String out) throws Exception {
    assertThat(call(Rpcecho.OPNUM_ECHO_TEST_CALL2, in)).isEqualTo(out);
  }

  @Test
  void testSurroundingMatchesSamba() throws Exception {
    // x = 3, {1, 2, 3} -> x = 6, six zeros
    assertThat(call(Rpcecho.OPNUM_ECHO_TEST_SURROUNDING, "0300000003000000010002000300"))
        .isEqualTo("0600000006000000000000000000000000000000");
    // x = 2, {1, 2} -> x = 4, four zeros
    assertThat(call(Rpcecho.OPNUM_ECHO_TEST_SURROUNDING, "020000000200000001000200"))
        .isEqualTo("04000000" + "04000000" + "0000000000000000");
  }

  @Test
  void testCallMatchesSamba() throws Exception {
    assertThat(call(Rpcecho.OPNUM_ECHO_TEST_CALL, "030000000000000003000000610062000000"))
        .isEqualTo("00000200030000000000000003000000610062000000");
    assertThat(call(Rpcecho.OPNUM_ECHO_TEST_CALL, "0600000000000000060000006800e9006c006c006f000000"))
        .isEqualTo("000002000600000000000000060000006800e9006c006c006f000000");
  }

  @Test
  void testEnumMatchesSambaForBothArms() throws Exception {
    // foo1 = 1; foo2 = {e1 = 1, e2 = 1}; foo3 = arm 1 {e1 = 1}: only foo2.e1 changes (to 2)
    assertThat(call(Rpcecho.OPNUM_ECHO_TEST_ENUM, "0100" + "0000" + "0100" + "0000" + "01000000" + "0100" + "0100"))
        .isEqualTo("0100" + "0000" + "0200" + "0000" + "01000000" + "0100" + "0100");
    // foo1 = 2; foo2 = {1, 2}; foo3 = arm 2 {e1 = 2, e2 = 1}
    assertThat(call(Rpcecho.OPNUM_ECHO_TEST_ENUM, "020000000100000002000000020000000200000001000000"))
        .isEqualTo("020000000200000002000000020000000200000001000000");
  }

  @Test
  void testDoublePointerMatchesSamba() throws Exception {
    assertThat(call(Rpcecho.OPNUM_ECHO_TEST_DOUBLE_POINTER, "00000200" + "04000200" + "0700")).isEqualTo("0700");
    assertThat(call(Rpcecho.OPNUM_ECHO_TEST_DOUBLE_POINTER, "00000200" + "00000000")).isEqualTo("0000");
    assertThat(call(Rpcecho.OPNUM_ECHO_TEST_DOUBLE_POINTER, "00000000")).isEqualTo("0000");
  }

  @Test
  void undecodableInputFaultsWithBadStubDataAndUnknownOpnumsWithOpRange() {
    // EchoData: len 16 but a conformance of 2^31-1 and no data
    assertThatThrownBy(() -> call(Rpcecho.OPNUM_ECHO_ECHO_DATA, "10000000ffffff7f"))
        .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.status()).isEqualTo(RpcStatus.RPC_X_BAD_STUB_DATA));
    assertThatThrownBy(() -> call(Rpcecho.OPNUM_ECHO_ADD_ONE, "0000"))
        .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.status()).isEqualTo(RpcStatus.RPC_X_BAD_STUB_DATA));
    // TestSurrounding whose x disagrees with the array's conformance
    assertThatThrownBy(() -> call(Rpcecho.OPNUM_ECHO_TEST_SURROUNDING, "030000000200000001000200"))
        .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.status()).isEqualTo(RpcStatus.RPC_X_BAD_STUB_DATA));
    // TestEnum whose union discriminant is not *foo1
    assertThatThrownBy(() -> call(Rpcecho.OPNUM_ECHO_TEST_ENUM, "0100" + "0000" + "0100" + "0000" + "01000000" + "0200" + "0100"))
        .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.status()).isEqualTo(RpcStatus.RPC_X_BAD_STUB_DATA));
    assertThatThrownBy(() -> call(10, ""))
        .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.status()).isEqualTo(RpcStatus.NCA_S_OP_RNG_ERROR));
  }
}
