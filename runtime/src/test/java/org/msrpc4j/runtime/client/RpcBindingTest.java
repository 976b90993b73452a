package org.msrpc4j.runtime.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.msrpc4j.runtime.RpcException;
import org.msrpc4j.runtime.RpcStatus;

class RpcBindingTest {
  @Test
  void parsesHostPortAndOptions() throws Exception {
    RpcBinding b = RpcBinding.parse("ncacn_ip_tcp:dc1.example.test[49152,seal,krb5,timeout=30]");
    assertThat(b.host()).isEqualTo("dc1.example.test");
    assertThat(b.port()).isEqualTo(49152);
    assertThat(b.options()).containsExactly(java.util.Map.entry("seal", ""), java.util.Map.entry("krb5", ""),
        java.util.Map.entry("timeout", "30"));
    assertThat(b.object()).isNull();
    assertThat(b.toString()).isEqualTo("ncacn_ip_tcp:dc1.example.test[49152,seal,krb5,timeout=30]");
  }

  @Test
  void parsesObjectUuidAndMissingEndpoint() throws Exception {
    UUID u = UUID.fromString("12345678-1234-abcd-ef00-0123456789ab");
    RpcBinding b = RpcBinding.parse(u + "@ncacn_ip_tcp:10.0.0.1");
    assertThat(b.object()).isEqualTo(u);
    assertThat(b.port()).isNull();
    assertThat(RpcBinding.parse("ncacn_ip_tcp:10.0.0.1[]").port()).isNull();
    assertThat(RpcBinding.parse("ncacn_ip_tcp:10.0.0.1[endpoint=135,sign]").port()).isEqualTo(135);
    assertThat(RpcBinding.parse(b.toString())).isEqualTo(b);
  }

  @Test
  void rejectsBadBindingsWithTheWindowsStatus() {
    assertThatThrownBy(() -> RpcBinding.parse("ncacn_np:host[\\pipe\\x]")).isInstanceOfSatisfying(RpcException.class,
        e -> assertThat(e.status()).isEqualTo(RpcStatus.RPC_S_PROTSEQ_NOT_SUPPORTED));
    assertThatThrownBy(() -> RpcBinding.parse("ncacn_ip_tcp:host[99999]")).isInstanceOfSatisfying(RpcException.class,
        e -> assertThat(e.status()).isEqualTo(RpcStatus.RPC_S_INVALID_ENDPOINT_FORMAT));
    assertThatThrownBy(() -> RpcBinding.parse("nope@ncacn_ip_tcp:host")).isInstanceOfSatisfying(RpcException.class,
        e -> assertThat(e.status()).isEqualTo(RpcStatus.RPC_S_INVALID_STRING_BINDING));
    assertThatThrownBy(() -> RpcBinding.parse("ncacn_ip_tcp:host[135")).isInstanceOf(RpcException.class);
    assertThatThrownBy(() -> RpcBinding.parse("host")).isInstanceOf(RpcException.class);
    assertThatThrownBy(() -> RpcBinding.parse("ncacn_ip_tcp:")).isInstanceOf(RpcException.class);
  }
}
