package org.msrpc4j.authz;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * An access control list ([MS-DTYP] 2.4.5): a revision and an ordered list of ACEs.
 *
 * <p>Immutable and thread-safe. The revision is 2 ({@link #REVISION}) unless an object ACE is
 * present, when Windows writes 4 ({@link #REVISION_DS}); a revision read from the wire is kept.
 */
public final class Acl {
  public static final int REVISION = 2;
  public static final int REVISION_DS = 4;
  /** The largest ACL the 16-bit AclSize field can describe. */
  public static final int MAX_SIZE = 0xFFFF;

  private final int revision;
  private final List<Ace> aces;

  private Acl(int revision, List<Ace> aces) {
    this.revision = revision;
    this.aces = aces;
  }

  /** An ACL with the revision Windows would pick for these ACEs. */
  public static Acl of(Collection<Ace> aces) {
    List<Ace> copy = List.copyOf(aces);
    return new Acl(revisionFor(copy), copy);
  }

  /** An ACL with the revision Windows would pick for these ACEs. */
  public static Acl of(Ace... aces) {
    return of(List.of(aces));
  }

  /** An ACL with an explicit revision (as read from the wire). */
  public static Acl of(int revision, Collection<Ace> aces) {
    return new Acl(revision, List.copyOf(aces));
  }

  /** The empty ACL (grants nothing when used as a DACL). */
  public static Acl empty() {
    return new Acl(REVISION, List.of());
  }

  /** 4 if any ACE is an object ACE, else 2. */
  public static int revisionFor(List<Ace> aces) {
    for (Ace a : aces) {
      AceType t = a.type();
      if (t != null && t.isObject()) {
        return REVISION_DS;
      }
    }
    return REVISION;
  }

  public int revision() {
    return revision;
  }

  /** The ACEs in order (unmodifiable). */
  public List<Ace> aces() {
    return aces;
  }

  public int size() {
    return aces.size();
  }

  public boolean isEmpty() {
    return aces.isEmpty();
  }

  /** This ACL with one more ACE at the end, revision raised if needed. */
  public Acl with(Ace ace) {
    List<Ace> l = new ArrayList<>(aces);
    l.add(ace);
    return new Acl(Math.max(revision, revisionFor(l)), List.copyOf(l));
  }

  /** Size of the binary ACL, header included. */
  public int binaryLength() {
    int n = 8;
    for (Ace a : aces) {
      n += a.binaryLength();
    }
    return n;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Acl a && revision == a.revision && aces.equals(a.aces);
  }

  @Override
  public int hashCode() {
    return Objects.hash(revision, aces);
  }

  @Override
  public String toString() {
    return "Acl[rev=" + revision + ", " + aces + "]";
  }
}
