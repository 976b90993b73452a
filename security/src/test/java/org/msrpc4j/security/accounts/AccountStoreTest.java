package org.msrpc4j.security.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.msrpc4j.authz.Sid;
import org.msrpc4j.authz.Token;
import org.msrpc4j.authz.TokenGroup;
import org.msrpc4j.security.NtHash;

class AccountStoreTest {
  /** Exactly the example of issue 4. */
  static final String EXAMPLE =
      """
      domain: EXAMPLE
      realm: EXAMPLE.TEST
      sid: S-1-5-21-1111111111-2222222222-3333333333
      users:
        - name: alice
          rid: 1104
          password: "Alic3Pass!x"
          groups: [engineers]
        - name: bob
          rid: 1105
          nthash: "0cb6948805f797bf2a82807973b89537"
      groups:
        - name: engineers
          rid: 1201
      """;

  @Test
  void acceptsTheIssueExample() throws Exception {
    AccountStore store = AccountStore.parse(EXAMPLE, "accounts.yaml");
    assertThat(store.domain()).isEqualTo("EXAMPLE");
    assertThat(store.realm()).isEqualTo("EXAMPLE.TEST");
    assertThat(store.domainSid()).isEqualTo(Sid.parse("S-1-5-21-1111111111-2222222222-3333333333"));
    Account alice = store.findUser("ALICE").orElseThrow();
    assertThat(alice.rid()).isEqualTo(1104);
    assertThat(alice.ntHash()).isEqualTo(NtHash.of("Alic3Pass!x".toCharArray()));
    assertThat(alice.groups()).containsExactly("engineers");
    Account bob = store.findUser("bob").orElseThrow();
    assertThat(HexFormat.of().formatHex(bob.ntHash())).isEqualTo("0cb6948805f797bf2a82807973b89537");
    assertThat(bob.password()).isEmpty();
    assertThat(store.findGroup("Engineers")).contains(new Group("engineers", 1201));
  }

  @Test
  void ntHashOfKnownPassword() {
    // RFC 4757 / PROTOCOL-NOTES 9.5: "password" -> 8846f7eaee8fb117ad06bdd830b7586c
    assertThat(HexFormat.of().formatHex(NtHash.of("password".toCharArray()))).isEqualTo("8846f7eaee8fb117ad06bdd830b7586c");
    // bob's hash in the example is the NT hash of "test"
    assertThat(HexFormat.of().formatHex(NtHash.of("test".toCharArray()))).isEqualTo("0cb6948805f797bf2a82807973b89537");
  }

  @Test
  void tokenOfAlice() throws Exception {
    AccountStore store = AccountStore.parse(EXAMPLE, "accounts.yaml");
    Token t = store.tokenFor(store.findUser("alice").orElseThrow());
    Sid domain = store.domainSid();
    assertThat(t.user()).isEqualTo(Sid.parse("S-1-5-21-1111111111-2222222222-3333333333-1104"));
    assertThat(t.userName()).isEqualTo("EXAMPLE\\alice");
    assertThat(t.primaryGroup()).isEqualTo(domain.withRid(513));
    assertThat(t.groups()).extracting(TokenGroup::sid)
        .contains(domain.withRid(513), domain.withRid(1201), Sid.EVERYONE, Sid.AUTHENTICATED_USERS, Sid.NETWORK);
    assertThat(t.groups()).extracting(TokenGroup::name).contains("EXAMPLE\\engineers", "EXAMPLE\\Domain Users");
    assertThat(t.isEnabledMember(domain.withRid(1201))).isTrue();
    Token bob = store.tokenFor(store.findUser("bob").orElseThrow());
    assertThat(bob.isEnabledMember(domain.withRid(1201))).isFalse();
  }

  @Test
  void loadsFromFileAndKeepsExtraFields(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("a.yaml");
    Files.writeString(f, EXAMPLE + "comment: more fields are fine\n");
    assertThat(AccountStore.load(f).users()).hasSize(2);
  }

  @Test
  void disabledAccount() throws Exception {
    AccountStore s = AccountStore.parse(
        "domain: D\nsid: S-1-5-21-1-2-3\nusers:\n  - name: carol\n    rid: 1000\n    password: x\n    disabled: true\n", "f");
    assertThat(s.findUser("carol").orElseThrow().disabled()).isTrue();
  }

  private static void assertError(String yaml, int line, String fragment) {
    assertThatThrownBy(() -> AccountStore.parse(yaml, "acc.yaml"))
        .isInstanceOf(AccountsFileException.class)
        .hasMessageContaining("acc.yaml line " + line + ":")
        .hasMessageContaining(fragment)
        .satisfies(e -> assertThat(((AccountsFileException) e).line()).isEqualTo(line));
  }

  @Test
  void errorsNameTheLine() {
    String head = "domain: D\nsid: S-1-5-21-1-2-3\nusers:\n";
    assertError(head + "  - name: a\n    rid: 1000\n", 4, "exactly one of 'password' and 'nthash'");
    assertError(head + "  - name: a\n    rid: 1000\n    password: p\n    nthash: 00112233445566778899aabbccddeeff\n", 4, "exactly one");
    assertError(head + "  - name: a\n    rid: 1000\n    nthash: zz\n", 6, "32 hexadecimal digits");
    assertError(head + "  - name: a\n    rid: x1\n    password: p\n", 5, "must be a number");
    assertError(head + "  - name: a\n    rid: 1000\n    password: p\n  - name: b\n    rid: 1000\n    password: q\n", 8, "already used");
    assertError(head + "  - name: a\n    rid: 1000\n    password: p\n    groups: [nosuch]\n", 7, "'nosuch'");
    assertError(head + "  - name: a\n    rid: 1000\n    password: p\n  - name: A\n    rid: 1001\n    password: q\n", 7, "defined twice");
    assertError("domain: D\nsid: not-a-sid\nusers: []\n", 2, "is not a SID");
    assertError("domain: D\nsid: S-1-5-21-1-2-3\nusers:\n  - name: a\n    rid: 1000\n    password: [p\n", 7, "not valid YAML");
    assertError("domain: D\nsid: S-1-5-21-1-2-3\nusers:\n  - name: a\n    rid: 1000\n    password: p\n    disabled: maybe\n", 7, "true or false");
    assertError("sid: S-1-5-21-1-2-3\nusers: []\n", 1, "'domain' is missing");
    assertError("domain: D\nsid: S-1-5-21-1-2-3\ndomain: E\nusers: []\n", 3, "");
  }

  @Test
  void errorsNeverContainSecrets() {
    String yaml = "domain: D\nsid: S-1-5-21-1-2-3\nusers:\n  - name: a\n    rid: 1000\n    nthash: S3cretS3cretS3cretS3cretS3cret12\n";
    assertThatThrownBy(() -> AccountStore.parse(yaml, "f")).hasMessageNotContaining("S3cret");
  }
}
