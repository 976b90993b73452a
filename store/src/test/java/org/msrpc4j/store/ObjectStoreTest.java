package org.msrpc4j.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.msrpc4j.authz.Ace;
import org.msrpc4j.authz.AceFlags;
import org.msrpc4j.authz.Sddl;
import org.msrpc4j.authz.SecurityDescriptor;
import org.msrpc4j.authz.SecurityInformation;
import org.msrpc4j.authz.Sid;
import org.msrpc4j.authz.Token;

class ObjectStoreTest {
  static final Sid DOMAIN = Sid.parse("S-1-5-21-1111111111-2222222222-3333333333");
  static final Sid ALICE = DOMAIN.withRid(1104);
  static final Sid BOB = DOMAIN.withRid(1105);
  static final Sid ENGINEERS = DOMAIN.withRid(1201);

  static Token user(Sid sid, String name, Sid... groups) {
    Token.Builder b = Token.builder(sid).userName(name).primaryGroup(DOMAIN.withRid(513))
        .group(DOMAIN.withRid(513)).group(Sid.EVERYONE).group(Sid.AUTHENTICATED_USERS);
    for (Sid g : groups) {
      b.group(g);
    }
    return b.build();
  }

  static final Token alice = user(ALICE, "EXAMPLE\\alice", ENGINEERS);
  static final Token bob = user(BOB, "EXAMPLE\\bob");

  @TempDir Path dir;
  ObjectStore store;
  final List<AccessDecision> decisions = new ArrayList<>();

  @BeforeEach
  void open() throws Exception {
    store = ObjectStore.open(dir, decisions::add);
  }

  @AfterEach
  void close() {
    store.close();
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static SecurityDescriptor sddl(String s) throws Exception {
    return Sddl.parse(s);
  }

  @Test
  void creatorAclIsInheritedAndEnforced() throws Exception {
    store.create(alice, "/", "projects", true, sddl("D:P(A;OICI;GA;;;" + ALICE + ")"), new byte[0]);
    store.create(alice, "/projects", "plan.txt", false, null, utf8("ship it"));

    SecurityDescriptor leaf = store.getSecurity(alice, "/projects/plan.txt", SecurityInformation.DACL);
    assertThat(leaf.dacl().aces()).hasSize(1);
    Ace inherited = leaf.dacl().aces().get(0);
    assertThat(inherited.sid()).isEqualTo(ALICE);
    assertThat(inherited.flags() & AceFlags.INHERITED).isNotZero();

    assertThat(store.read(alice, "/projects/plan.txt")).isEqualTo(utf8("ship it"));
    assertThatThrownBy(() -> store.read(bob, "/projects/plan.txt"))
        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.status()).isEqualTo(5));
    assertThatThrownBy(() -> store.list(bob, "/projects"))
        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.status()).isEqualTo(5));
    assertThat(decisions).anySatisfy(d -> {
      assertThat(d.allowed()).isFalse();
      assertThat(d.principal()).isEqualTo("EXAMPLE\\bob");
      assertThat(d.operation()).isEqualTo("read");
    });

    // alice grants bob read on the file; bob can read it but still not write it.
    String current = Sddl.format(store.getSecurity(alice, "/projects/plan.txt", SecurityInformation.DACL));
    store.setSecurity(alice, "/projects/plan.txt", SecurityInformation.DACL, sddl(current + "(A;;GR;;;" + BOB + ")"));
    assertThat(store.read(bob, "/projects/plan.txt")).isEqualTo(utf8("ship it"));
    assertThatThrownBy(() -> store.write(bob, "/projects/plan.txt", utf8("x")))
        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.status()).isEqualTo(5));
    // bob may not change the ACL (no WRITE_DAC)
    assertThatThrownBy(() -> store.setSecurity(bob, "/projects/plan.txt", SecurityInformation.DACL, sddl("D:(A;;GA;;;WD)")))
        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.status()).isEqualTo(5));
  }

  @Test
  void withoutCreatorAclTheCreatorOwnsWhatItMakes() throws Exception {
    store.create(alice, "/", "mine", true, null, new byte[0]);
    SecurityDescriptor sd = store.getSecurity(alice, "/mine", SecurityInformation.OWNER | SecurityInformation.DACL);
    assertThat(sd.owner()).isEqualTo(ALICE);
    store.create(alice, "/mine", "f", false, null, utf8("1"));
    store.write(alice, "/mine/f", utf8("2"));
    assertThat(store.read(alice, "/mine/f")).isEqualTo(utf8("2"));
    assertThatThrownBy(() -> store.read(bob, "/mine/f")).isInstanceOf(StoreException.class);
    assertThatThrownBy(() -> store.create(bob, "/mine", "g", false, null, new byte[0]))
        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.status()).isEqualTo(5));
    // Root: authenticated users may list and create, anonymous may not.
    assertThat(store.list(bob, "/")).extracting(StoreEntryInfo::name).containsExactly("mine");
    assertThatThrownBy(() -> store.list(Token.anonymous(), "/"))
        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.status()).isEqualTo(5));
    assertThatThrownBy(() -> store.create(Token.anonymous(), "/", "x", false, null, new byte[0]))
        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.status()).isEqualTo(5));
  }

  @Test
  void ownerMayOnlyBeSetToOneTheTokenMayAssign() throws Exception {
    store.create(alice, "/", "o", false, null, new byte[0]);
    assertThatThrownBy(() -> store.setSecurity(alice, "/o", SecurityInformation.OWNER, sddl("O:" + BOB)))
        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.status()).isEqualTo(1307));
  }

  @Test
  void deleteNeedsDeleteOrDeleteChildAndAnEmptyContainer() throws Exception {
    store.create(alice, "/", "d", true, null, new byte[0]);
    store.create(alice, "/d", "f", false, null, new byte[0]);
    assertThatThrownBy(() -> store.delete(alice, "/d"))
        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.status()).isEqualTo(145));
    assertThatThrownBy(() -> store.delete(bob, "/d/f"))
        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.status()).isEqualTo(5));
    store.delete(alice, "/d/f");
    store.delete(alice, "/d");
    assertThat(store.list(alice, "/")).isEmpty();
    assertThatThrownBy(() -> store.delete(alice, "/"))
        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.status()).isEqualTo(87));
  }

  @Test
  void errorsCarryWindowsStatuses() throws Exception {
    store.create(alice, "/", "leaf", false, null, new byte[0]);
    assertThat(status(() -> store.read(alice, "/nope"))).isEqualTo(2);
    assertThat(status(() -> store.read(alice, "/nope/deeper"))).isEqualTo(3);
    assertThat(status(() -> store.read(alice, "/leaf/x"))).isEqualTo(3);
    assertThat(status(() -> store.create(alice, "/", "leaf", false, null, new byte[0]))).isEqualTo(183);
    assertThat(status(() -> store.create(alice, "/leaf", "x", false, null, new byte[0]))).isEqualTo(267);
    assertThat(status(() -> store.list(alice, "/leaf"))).isEqualTo(267);
    assertThat(status(() -> store.read(alice, "relative"))).isEqualTo(87);
    assertThat(status(() -> store.create(alice, "/", "a/b", false, null, new byte[0]))).isEqualTo(87);
    assertThat(status(() -> store.write(alice, "/leaf", new byte[ObjectStore.MAX_DATA + 1]))).isEqualTo(87);
    assertThat(status(() -> store.getSecurity(alice, "/leaf", 0x100))).isEqualTo(87);
  }

  @Test
  void everythingSurvivesReopening() throws Exception {
    store.create(alice, "/", "p", true, sddl("D:P(A;OICI;GA;;;" + ALICE + ")(A;OICI;GR;;;" + ENGINEERS + ")"), new byte[0]);
    store.create(alice, "/p", "f", false, null, utf8("durable"));
    String before = Sddl.format(store.getSecurity(alice, "/p", SecurityInformation.DACL));
    // CreatePrivateObjectSecurity splits a generic inheritable ACE on a container into an effective
    // mapped ACE and an inherit-only generic one.
    assertThat(before).contains("(A;OICIIO;GA;;;" + ALICE + ")").contains("(A;OICIIO;GR;;;" + ENGINEERS + ")");
    store.close();
    store = ObjectStore.open(dir, decisions::add);
    assertThat(store.read(alice, "/p/f")).isEqualTo(utf8("durable"));
    assertThat(Sddl.format(store.getSecurity(alice, "/p", SecurityInformation.DACL))).isEqualTo(before);
  }

  interface Op {
    void run() throws StoreException;
  }

  static int status(Op op) {
    try {
      op.run();
      return 0;
    } catch (StoreException e) {
      return e.status();
    }
  }
}
