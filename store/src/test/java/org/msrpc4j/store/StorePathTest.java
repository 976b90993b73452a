package org.msrpc4j.store;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class StorePathTest {
  @Test
  void parsesAndPrints() throws Exception {
    assertThat(StorePath.parse("/").isRoot()).isTrue();
    assertThat(StorePath.parse("/a/b/").names()).containsExactly("a", "b");
    assertThat(StorePath.parse("/a/b").parent().toString()).isEqualTo("/a");
    assertThat(ObjectStoreTest.status(() -> StorePath.parse("//"))).isEqualTo(87);
    assertThat(ObjectStoreTest.status(() -> StorePath.parse("/a//b"))).isEqualTo(87);
    assertThat(ObjectStoreTest.status(() -> StorePath.parse("/a/../b"))).isEqualTo(87);
    assertThat(ObjectStoreTest.status(() -> StorePath.parse("/" + "a/".repeat(65)))).isEqualTo(87);
  }

  @Property(tries = 300)
  void anyStringParsesOrFailsWith87AndValidPathsRoundTrip(@ForAll String text) {
    try {
      StorePath p = StorePath.parse(text);
      assertThat(StorePath.parse(p.toString())).isEqualTo(p);
    } catch (StoreException e) {
      assertThat(e.status()).isEqualTo(87);
    }
  }
}
