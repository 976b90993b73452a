package org.msrpc4j.kerberos.pac;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.msrpc4j.authz.Sid;

/**
 * The parts of KERB_VALIDATION_INFO ([MS-PAC] 2.5) that make an access token. Immutable.
 *
 * @param effectiveName the account name
 * @param logonDomainName the NetBIOS domain name
 * @param logonDomainId the domain SID
 * @param userId the user's RID
 * @param primaryGroupId the primary group's RID
 * @param groups the domain groups (RID and attributes)
 * @param userFlags the user flags (0x20 extra SIDs, 0x200 resource groups)
 * @param extraSids the extra SIDs with attributes
 * @param resourceGroupDomainSid the resource domain SID, if any
 * @param resourceGroups the resource groups (RID and attributes)
 */
public record ValidationInfo(String effectiveName, String logonDomainName, Sid logonDomainId, long userId,
        long primaryGroupId, List<Group> groups, long userFlags, List<ExtraSid> extraSids,
        Optional<Sid> resourceGroupDomainSid, List<Group> resourceGroups) {

    /**
     * A GROUP_MEMBERSHIP.
     *
     * @param rid the relative ID
     * @param attributes SE_GROUP_* attributes
     */
    public record Group(long rid, long attributes) {
    }

    /**
     * A KERB_SID_AND_ATTRIBUTES.
     *
     * @param sid the SID
     * @param attributes SE_GROUP_* attributes
     */
    public record ExtraSid(Sid sid, long attributes) {
    }

    /** Copies the lists. */
    public ValidationInfo {
        groups = List.copyOf(groups);
        extraSids = List.copyOf(extraSids);
        resourceGroups = List.copyOf(resourceGroups);
    }

    /** @return the user's SID */
    public Sid userSid() {
        return logonDomainId.withRid(userId);
    }

    /**
     * Decodes the LOGON_INFO buffer: the [MS-RPCE] 2.2.6 type-serialisation headers, then the
     * top-level pointer and the structure with its deferred pointers.
     *
     * @param buf the PAC
     * @param off the buffer's offset
     * @param len the buffer's length
     * @return the validation info
     * @throws PacFormatException when malformed
     */
    public static ValidationInfo decode(byte[] buf, int off, int len) throws PacFormatException {
        if (len < 16 || buf[off] != 1 || buf[off + 1] != 0x10) {
            throw new PacFormatException("LOGON_INFO without an NDR little-endian serialisation header");
        }
        NdrReader r = new NdrReader(buf, off + 16, len - 16);
        if (r.u32() == 0) {
            throw new PacFormatException("null KERB_VALIDATION_INFO");
        }
        r.skip(6 * 8);
        int[] stringLengths = new int[6];
        long[] stringPtrs = new long[6];
        for (int i = 0; i < 6; i++) {
            stringLengths[i] = r.u16();
            r.u16();
            stringPtrs[i] = r.u32();
        }
        r.u16();
        r.u16();
        long userId = r.u32();
        long primaryGroupId = r.u32();
        long groupCount = r.u32();
        long groupPtr = r.u32();
        long userFlags = r.u32();
        r.skip(16);
        int[] srvLengths = new int[2];
        long[] srvPtrs = new long[2];
        for (int i = 0; i < 2; i++) {
            srvLengths[i] = r.u16();
            r.u16();
            srvPtrs[i] = r.u32();
        }
        long domainIdPtr = r.u32();
        r.skip(8);
        r.u32();
        r.u32();
        r.skip(16);
        r.u32();
        r.u32();
        long sidCount = r.u32();
        long extraSidsPtr = r.u32();
        long resourceDomainPtr = r.u32();
        long resourceCount = r.u32();
        long resourcePtr = r.u32();

        // Deferred pointers, in the order the pointers appeared.
        String effectiveName = "";
        for (int i = 0; i < 6; i++) {
            if (stringPtrs[i] != 0) {
                String s = r.unicodeString(stringLengths[i]);
                if (i == 0) {
                    effectiveName = s;
                }
            }
        }
        List<Group> groups = groupPtr == 0 ? List.of() : groups(r, groupCount);
        String domainName = "";
        for (int i = 0; i < 2; i++) {
            if (srvPtrs[i] != 0) {
                String s = r.unicodeString(srvLengths[i]);
                if (i == 1) {
                    domainName = s;
                }
            }
        }
        if (domainIdPtr == 0) {
            throw new PacFormatException("KERB_VALIDATION_INFO without a domain SID");
        }
        Sid domainSid = r.sid();
        List<ExtraSid> extra = new ArrayList<>();
        if (extraSidsPtr != 0) {
            int n = r.count();
            if (n != sidCount) {
                throw new PacFormatException("extra SID count mismatch");
            }
            long[] ptrs = new long[n];
            long[] attrs = new long[n];
            for (int i = 0; i < n; i++) {
                ptrs[i] = r.u32();
                attrs[i] = r.u32();
            }
            for (int i = 0; i < n; i++) {
                if (ptrs[i] != 0) {
                    extra.add(new ExtraSid(r.sid(), attrs[i]));
                }
            }
        }
        Optional<Sid> resourceDomain = resourceDomainPtr == 0 ? Optional.empty() : Optional.of(r.sid());
        List<Group> resource = resourcePtr == 0 ? List.of() : groups(r, resourceCount);
        return new ValidationInfo(effectiveName, domainName, domainSid, userId, primaryGroupId, groups, userFlags, extra,
                resourceDomain, resource);
    }

    private static List<Group> groups(NdrReader r, long expected) throws PacFormatException {
        int n = r.count();
        if (n != expected) {
            throw new PacFormatException("group count mismatch");
        }
        List<Group> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new Group(r.u32(), r.u32()));
        }
        return out;
    }
}
