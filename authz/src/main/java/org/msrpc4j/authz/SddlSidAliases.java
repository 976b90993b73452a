package org.msrpc4j.authz;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The two-letter SID aliases of SDDL ([MS-DTYP] 2.5.1.1 sid-token), both the fixed ones (BA, SY,
 * WD, …) and the domain-relative ones (DA, DU, LA, …) that need a domain SID.
 *
 * <p>Immutable and thread-safe.
 */
public final class SddlSidAliases {
  private static final Map<String, Sid> FIXED = new LinkedHashMap<>();
  private static final Map<String, Long> DOMAIN_RIDS = new LinkedHashMap<>();
  private static final Map<Sid, String> FIXED_BY_SID = new LinkedHashMap<>();
  private static final Map<Long, String> DOMAIN_BY_RID = new LinkedHashMap<>();

  static {
    fixed("WD", Sid.EVERYONE);
    fixed("CO", Sid.CREATOR_OWNER);
    fixed("CG", Sid.CREATOR_GROUP);
    fixed("OW", Sid.OWNER_RIGHTS);
    fixed("NU", Sid.NETWORK);
    fixed("IU", Sid.INTERACTIVE);
    fixed("SU", Sid.SERVICE);
    fixed("AN", Sid.ANONYMOUS);
    fixed("ED", Sid.ENTERPRISE_DOMAIN_CONTROLLERS);
    fixed("PS", Sid.PRINCIPAL_SELF);
    fixed("AU", Sid.AUTHENTICATED_USERS);
    fixed("RC", Sid.RESTRICTED_CODE);
    fixed("SY", Sid.LOCAL_SYSTEM);
    fixed("LS", Sid.LOCAL_SERVICE);
    fixed("NS", Sid.NETWORK_SERVICE);
    fixed("WR", Sid.WRITE_RESTRICTED_CODE);
    fixed("BA", Sid.BUILTIN_ADMINISTRATORS);
    fixed("BU", Sid.BUILTIN_USERS);
    fixed("BG", Sid.BUILTIN_GUESTS);
    fixed("PU", Sid.POWER_USERS);
    fixed("AO", Sid.ACCOUNT_OPERATORS);
    fixed("SO", Sid.SERVER_OPERATORS);
    fixed("PO", Sid.PRINTER_OPERATORS);
    fixed("BO", Sid.BACKUP_OPERATORS);
    fixed("RE", Sid.REPLICATOR);
    fixed("RU", Sid.PRE_WINDOWS_2000_COMPATIBLE_ACCESS);
    fixed("RD", Sid.REMOTE_DESKTOP_USERS);
    fixed("NO", Sid.of(5, 32, 556));
    fixed("MU", Sid.of(5, 32, 558));
    fixed("LU", Sid.of(5, 32, 559));
    fixed("IS", Sid.of(5, 32, 568));
    fixed("CY", Sid.of(5, 32, 569));
    fixed("ER", Sid.of(5, 32, 573));
    fixed("CD", Sid.of(5, 32, 574));
    fixed("RA", Sid.of(5, 32, 575));
    fixed("ES", Sid.of(5, 32, 576));
    fixed("MS", Sid.of(5, 32, 577));
    fixed("HA", Sid.of(5, 32, 578));
    fixed("AA", Sid.of(5, 32, 579));
    fixed("RM", Sid.of(5, 32, 580));
    fixed("AC", Sid.ALL_APP_PACKAGES);
    fixed("UD", Sid.of(5, 84, 0, 0, 0, 0, 0));
    fixed("LW", Sid.ML_LOW);
    fixed("ME", Sid.ML_MEDIUM);
    fixed("MP", Sid.ML_MEDIUM_PLUS);
    fixed("HI", Sid.ML_HIGH);
    fixed("SI", Sid.ML_SYSTEM);
    // Domain-relative: [MS-DTYP] 2.4.2.4 gives the RIDs; one domain SID stands for the machine,
    // domain and root domain, as Samba also does.
    domain("RO", 498);
    domain("LA", 500);
    domain("LG", 501);
    domain("DA", 512);
    domain("DU", 513);
    domain("DG", 514);
    domain("DC", 515);
    domain("DD", 516);
    domain("CA", 517);
    domain("SA", 518);
    domain("EA", 519);
    domain("PA", 520);
    domain("CN", 522);
    domain("RS", 553);
  }

  private static void fixed(String alias, Sid sid) {
    FIXED.put(alias, sid);
    FIXED_BY_SID.put(sid, alias);
  }

  private static void domain(String alias, long rid) {
    DOMAIN_RIDS.put(alias, rid);
    DOMAIN_BY_RID.put(rid, alias);
  }

  private SddlSidAliases() {}

  /** True if {@code alias} is a domain-relative alias (needs a domain SID). */
  public static boolean isDomainRelative(String alias) {
    return DOMAIN_RIDS.containsKey(alias);
  }

  /** True if {@code alias} is any known alias. */
  public static boolean isAlias(String alias) {
    return FIXED.containsKey(alias) || DOMAIN_RIDS.containsKey(alias);
  }

  /**
   * The SID an alias stands for.
   *
   * @param domainSid the domain for domain-relative aliases, or null
   * @return the SID, or null if the alias is unknown or needs a domain SID that was not given
   */
  public static Sid resolve(String alias, Sid domainSid) {
    Sid s = FIXED.get(alias);
    if (s != null) {
      return s;
    }
    Long rid = DOMAIN_RIDS.get(alias);
    if (rid != null && domainSid != null) {
      return domainSid.withRid(rid);
    }
    return null;
  }

  /** The alias Windows prints for {@code sid}, or null when it prints the S-1-… form. */
  public static String aliasOf(Sid sid, Sid domainSid) {
    String a = FIXED_BY_SID.get(sid);
    if (a != null) {
      return a;
    }
    if (domainSid != null && sid.isInDomain(domainSid)) {
      return DOMAIN_BY_RID.get(sid.rid());
    }
    return null;
  }

  /** All aliases, fixed first (for tests and help text). */
  public static Map<String, String> describeAll() {
    Map<String, String> m = new LinkedHashMap<>();
    FIXED.forEach((k, v) -> m.put(k, v.toString()));
    DOMAIN_RIDS.forEach((k, v) -> m.put(k, "<domain>-" + v));
    return m;
  }
}
