package org.msrpc4j.kerberos.pac;

import java.util.Objects;
import org.msrpc4j.authz.Sid;
import org.msrpc4j.authz.Token;
import org.msrpc4j.authz.TokenGroup;
import org.msrpc4j.kerberos.gss.CallerTokenSource;
import org.msrpc4j.kerberos.gss.KerberosCaller;
import org.msrpc4j.security.SecurityContextException;
import org.msrpc4j.security.SecurityStatus;

/**
 * Access tokens from the ticket's PAC (Active Directory, Samba): user SID, primary group, domain
 * groups, extra SIDs, resource groups, plus the well-known groups a server adds for a network logon
 * (Everyone, Authenticated Users, NETWORK). Tickets without a PAC go to a fallback source (the
 * account store of the embedded KDC), if any. Thread-safe.
 */
public final class PacTokenSource implements CallerTokenSource {
    private static final long EXTRA_SIDS = 0x20;
    private static final long RESOURCE_GROUPS = 0x200;
    private final CallerTokenSource withoutPac;

    /** @param withoutPac where callers without a PAC get their token, or null to refuse them */
    public PacTokenSource(CallerTokenSource withoutPac) {
        this.withoutPac = withoutPac;
    }

    @Override
    public Token tokenFor(KerberosCaller caller) throws SecurityContextException {
        if (caller.pac().isEmpty()) {
            if (withoutPac == null) {
                throw new SecurityContextException(SecurityStatus.LOGON_DENIED,
                        "the ticket of " + caller.client() + " has no PAC and this server has no account store");
            }
            return withoutPac.tokenFor(caller);
        }
        try {
            return token(Pac.verifyAndParse(caller.pac().get(), caller.serviceKey()).logonInfo());
        } catch (PacFormatException e) {
            throw new SecurityContextException(SecurityStatus.LOGON_DENIED, "bad PAC: " + e.getMessage(), e);
        }
    }

    /** Names of the well-known domain groups ([MS-DTYP] 2.4.2.4); the PAC carries only RIDs. */
    private static String wellKnownName(String prefix, long rid) {
        String name = switch ((int) rid) {
            case 512 -> "Domain Admins";
            case 513 -> "Domain Users";
            case 514 -> "Domain Guests";
            case 515 -> "Domain Computers";
            case 516 -> "Domain Controllers";
            case 518 -> "Schema Admins";
            case 519 -> "Enterprise Admins";
            case 520 -> "Group Policy Creator Owners";
            case 572 -> "Denied RODC Password Replication Group";
            default -> null;
        };
        return name == null ? null : prefix + name;
    }

    /**
     * @param v the validation info
     * @return the token
     */
    public static Token token(ValidationInfo v) {
        Objects.requireNonNull(v);
        Sid domain = v.logonDomainId();
        String prefix = v.logonDomainName().isEmpty() ? "" : v.logonDomainName() + "\\";
        Token.Builder b = Token.builder(v.userSid()).userName(prefix + v.effectiveName())
                .primaryGroup(domain.withRid(v.primaryGroupId()));
        boolean primarySeen = false;
        for (ValidationInfo.Group g : v.groups()) {
            b.group(new TokenGroup(domain.withRid(g.rid()), (int) g.attributes(), wellKnownName(prefix, g.rid())));
            primarySeen |= g.rid() == v.primaryGroupId();
        }
        if (!primarySeen) {
            b.group(new TokenGroup(domain.withRid(v.primaryGroupId()), TokenGroup.DEFAULT,
                    wellKnownName(prefix, v.primaryGroupId())));
        }
        if ((v.userFlags() & EXTRA_SIDS) != 0 || !v.extraSids().isEmpty()) {
            for (ValidationInfo.ExtraSid e : v.extraSids()) {
                b.group(new TokenGroup(e.sid(), (int) e.attributes(), null));
            }
        }
        if (v.resourceGroupDomainSid().isPresent() && ((v.userFlags() & RESOURCE_GROUPS) != 0 || !v.resourceGroups().isEmpty())) {
            for (ValidationInfo.Group g : v.resourceGroups()) {
                b.group(new TokenGroup(v.resourceGroupDomainSid().get().withRid(g.rid()), (int) g.attributes(), null));
            }
        }
        b.group(new TokenGroup(Sid.EVERYONE, TokenGroup.DEFAULT, "\\Everyone"))
                .group(new TokenGroup(Sid.NETWORK, TokenGroup.DEFAULT, "NT AUTHORITY\\NETWORK"))
                .group(new TokenGroup(Sid.AUTHENTICATED_USERS, TokenGroup.DEFAULT, "NT AUTHORITY\\Authenticated Users"));
        return b.build();
    }
}
