package org.msrpc4j.authz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Seeded generator of descriptors, tokens and requests for the differential and fuzz tests.
 * Restricted to what both sides can express in SDDL (no null DACLs, callback, label, resource or
 * scoped-policy ACEs, which Samba 4.17's SDDL does not know). Not thread-safe.
 */
final class RandomSecurity {
  static final Sid DOMAIN = Sid.parse("S-1-5-21-1004336348-1177238915-682003330");

  private final Random r;
  private final List<Sid> pool = new ArrayList<>();

  RandomSecurity(long seed) {
    r = new Random(seed);
    for (String alias : SddlSidAliases.describeAll().keySet()) {
      pool.add(SddlSidAliases.resolve(alias, DOMAIN));
    }
    for (int i = 0; i < 6; i++) {
      pool.add(DOMAIN.withRid(1100 + i));
    }
    pool.add(Sid.parse("S-1-5-21-1-2-3-1000"));
    pool.add(Sid.parse("S-1-5-32-1000"));
    pool.add(Sid.parse("S-1-5-5-0-12345"));
    pool.add(Sid.parse("S-1-9-4294967295"));
    pool.add(Sid.parse("S-1-0-0"));
  }

  Sid sid() {
    return pool.get(r.nextInt(pool.size()));
  }

  int mask() {
    return switch (r.nextInt(8)) {
      case 0 -> r.nextInt();
      case 1 -> new int[] {AccessMasks.FILE_ALL_ACCESS, AccessMasks.FILE_GENERIC_READ, AccessMasks.FILE_GENERIC_WRITE,
          AccessMasks.FILE_GENERIC_EXECUTE, AccessMasks.KEY_ALL_ACCESS, AccessMasks.KEY_READ,
          AccessMasks.KEY_WRITE}[r.nextInt(7)];
      case 2 -> AccessMasks.GENERIC_MASK & r.nextInt();
      case 3 -> 1 << r.nextInt(32);
      case 4 -> 0;
      default -> (r.nextInt() & 0x1FF) | (r.nextInt() & 0xF0000) | (r.nextInt(4) == 0 ? AccessMasks.SYNCHRONIZE : 0);
    };
  }

  Ace ace(boolean sacl, boolean objectAces) {
    AceType type = sacl
        ? new AceType[] {AceType.SYSTEM_AUDIT, AceType.SYSTEM_ALARM, AceType.SYSTEM_AUDIT_OBJECT,
            AceType.SYSTEM_ALARM_OBJECT}[r.nextInt(4)]
        : objectAces
            ? new AceType[] {AceType.ACCESS_ALLOWED, AceType.ACCESS_DENIED, AceType.ACCESS_ALLOWED_OBJECT,
                AceType.ACCESS_DENIED_OBJECT}[r.nextInt(4)]
            : new AceType[] {AceType.ACCESS_ALLOWED, AceType.ACCESS_ALLOWED, AceType.ACCESS_DENIED}[r.nextInt(3)];
    int flags = r.nextInt(3) == 0 ? 0 : r.nextInt(256) & 0xDF;
    UUID o = type.isObject() && r.nextBoolean() ? new UUID(r.nextLong(), r.nextLong()) : null;
    UUID io = type.isObject() && r.nextBoolean() ? new UUID(r.nextLong(), r.nextLong()) : null;
    return Ace.of(type, flags, mask(), sid(), o, io, null);
  }

  Acl acl(boolean sacl) {
    List<Ace> aces = new ArrayList<>();
    int n = r.nextInt(7);
    // Object ACEs in some DACLs only: without an object type list the access check treats them
    // specially (see SambaDifferentialTest), so most DACLs are plain.
    boolean objectAces = r.nextInt(8) == 0;
    for (int i = 0; i < n; i++) {
      aces.add(ace(sacl, objectAces));
    }
    return Acl.of(aces);
  }

  SecurityDescriptor descriptor() {
    int control = 0;
    Acl dacl = r.nextInt(12) == 0 ? null : acl(false);
    Acl sacl = r.nextInt(3) == 0 ? acl(true) : null;
    if (dacl != null) {
      control |= r.nextInt(4) == 0 ? SecurityDescriptor.DACL_PROTECTED : 0;
      control |= r.nextInt(4) == 0 ? SecurityDescriptor.DACL_AUTO_INHERITED : 0;
      control |= r.nextInt(6) == 0 ? SecurityDescriptor.DACL_AUTO_INHERIT_REQ : 0;
    }
    if (sacl != null) {
      control |= r.nextInt(4) == 0 ? SecurityDescriptor.SACL_PROTECTED : 0;
      control |= r.nextInt(4) == 0 ? SecurityDescriptor.SACL_AUTO_INHERITED : 0;
      control |= r.nextInt(6) == 0 ? SecurityDescriptor.SACL_AUTO_INHERIT_REQ : 0;
    }
    Sid owner = r.nextInt(8) == 0 ? null : sid();
    Sid group = r.nextInt(8) == 0 ? null : sid();
    return SecurityDescriptor.of(control, owner, group, sacl, dacl);
  }

  private static final String[] CONDITIONS = {
      "Member_of {SID(BA)}", "(Member_of_Any {SID(AU), SID(S-1-5-21-1-2-3-1104)}) && !(Exists @Resource.x)",
      "@User.dept Any_of {\"Sales\", \"HR\"}", "(Title == \"VP\") || (@Device.level >= 0x10)",
      "Not_Device_Member_of {SID(DD)}", "@User.blob != #00ff", "Level < -5"};

  /**
   * A descriptor that also holds ACEs only this library's SDDL knows (mandatory label, conditional,
   * resource attribute, scoped policy), for round-trip and fuzz properties.
   */
  SecurityDescriptor richDescriptor() throws SecurityFormatException {
    SecurityDescriptor sd = descriptor();
    List<Ace> dacl = sd.dacl() == null ? new ArrayList<>() : new ArrayList<>(sd.dacl().aces());
    List<Ace> sacl = sd.sacl() == null ? new ArrayList<>() : new ArrayList<>(sd.sacl().aces());
    int n = r.nextInt(3);
    for (int i = 0; i < n; i++) {
      String cond = CONDITIONS[r.nextInt(CONDITIONS.length)];
      String type = new String[] {"XA", "XD"}[r.nextInt(2)];
      dacl.add(Sddl.parse("D:(" + type + ";;" + (r.nextInt() & 0x1FF) + ";;;WD;(" + cond + "))", DOMAIN).dacl().aces()
          .get(0));
    }
    if (r.nextBoolean()) {
      sacl.add(Sddl.parse("S:(ML;;NW;;;" + new String[] {"LW", "ME", "HI", "SI"}[r.nextInt(4)] + ")").sacl().aces()
          .get(0));
    }
    if (r.nextBoolean()) {
      sacl.add(Sddl.parse("S:(RA;;;;;WD;(\"Secrecy\",TU,0x0," + r.nextInt(9) + "))").sacl().aces().get(0));
    }
    if (r.nextInt(4) == 0) {
      sacl.add(Ace.of(AceType.SYSTEM_SCOPED_POLICY_ID, 0, 0, Sid.of(17, r.nextInt(1000))));
    }
    return SecurityDescriptor.of(sd.control(), sd.owner(), sd.group(), sacl.isEmpty() ? sd.sacl() : Acl.of(sacl),
        dacl.isEmpty() ? sd.dacl() : Acl.of(dacl));
  }

  /** A token whose SIDs overlap the descriptor's often enough for the check to be interesting. */
  Token token(SecurityDescriptor sd) {
    Sid user = r.nextInt(4) == 0 && sd.owner() != null ? sd.owner() : DOMAIN.withRid(1100 + r.nextInt(6));
    Token.Builder b = Token.builder(user);
    List<Sid> candidates = new ArrayList<>();
    if (sd.dacl() != null) {
      for (Ace a : sd.dacl().aces()) {
        candidates.add(a.sid());
      }
    }
    int n = r.nextInt(6);
    for (int i = 0; i < n; i++) {
      Sid g = !candidates.isEmpty() && r.nextBoolean() ? candidates.get(r.nextInt(candidates.size())) : sid();
      // OWNER RIGHTS is a placeholder for the owner and never a member of a real token.
      if (!g.equals(user) && !g.equals(Sid.OWNER_RIGHTS)) {
        b.group(g);
      }
    }
    if (r.nextInt(5) == 0) {
      b.privilege(Privileges.SECURITY);
    }
    if (r.nextInt(5) == 0) {
      b.privilege(Privileges.TAKE_OWNERSHIP);
    }
    return b.build();
  }

  int desired(SecurityDescriptor sd) {
    int d = switch (r.nextInt(6)) {
      case 0 -> AccessMasks.MAXIMUM_ALLOWED | (r.nextBoolean() ? 0 : 1 << r.nextInt(21));
      case 1 -> AccessMasks.READ_CONTROL | AccessMasks.WRITE_DAC;
      case 2 -> AccessMasks.WRITE_OWNER | (r.nextBoolean() ? 0 : 1);
      case 3 -> 1 << r.nextInt(32);
      default -> {
        int m = 0;
        if (sd.dacl() != null && !sd.dacl().isEmpty()) {
          m = sd.dacl().aces().get(r.nextInt(sd.dacl().size())).mask();
        }
        yield m == 0 ? 1 : m & (r.nextBoolean() ? m : r.nextInt());
      }
    };
    if (r.nextInt(10) == 0) {
      d |= AccessMasks.ACCESS_SYSTEM_SECURITY;
    }
    return d;
  }

  Random random() {
    return r;
  }
}
