package org.msrpc4j.ndr.types;

import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;
import org.msrpc4j.ndr.NdrDecoder;
import org.msrpc4j.ndr.NdrEncodable;
import org.msrpc4j.ndr.NdrEncoder;
import org.msrpc4j.ndr.NdrException;

/**
 * drsuapi_DsReplicaObjectIdentifier ([MS-DRSR] DSNAME): {@code struct { uint32 __ndr_size; uint32 __ndr_size_sid;
 * GUID guid; dom_sid28 sid; uint32 __ndr_size_dn; [size_is(__ndr_size_dn+1)] uint16 dn[]; }} — a conformant
 * struct whose array is a NUL-terminated UTF-16 string sized by an expression. The 28-byte SID area is kept raw.
 */
public record DrsuapiObjectIdentifier(int ndrSize, int sidSize, UUID guid, byte[] sid28, String dn) implements NdrEncodable {

    @Override
    public void encode(NdrEncoder e) throws NdrException {
        e.writeConformance(dn.length() + 1L);
        e.align(4);
        e.writeInt32(ndrSize);
        e.writeInt32(sidSize);
        e.writeUuid(guid);
        e.writeBytes(sid28);
        e.writeInt32(dn.length());
        e.writeWChars(dn);
        e.writeInt16(0);
    }

    public static DrsuapiObjectIdentifier decode(NdrDecoder d) throws NdrException {
        long max = d.readConformance();
        d.align(4);
        int ndrSize = d.readInt32();
        int sidSize = d.readInt32();
        UUID guid = d.readUuid();
        byte[] sid = d.readBytes(28);
        long dnSize = d.readUInt32();
        NdrDecoder.checkCorrelation(max, dnSize + 1, "size_is(__ndr_size_dn+1)");
        String withNul = d.readWChars(max);
        if (withNul.indexOf('\0') != withNul.length() - 1) {
            throw new NdrException("dn must end with its only terminator");
        }
        return new DrsuapiObjectIdentifier(ndrSize, sidSize, guid, sid, withNul.substring(0, withNul.length() - 1));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DrsuapiObjectIdentifier x && x.ndrSize == ndrSize && x.sidSize == sidSize
                && x.guid.equals(guid) && Arrays.equals(x.sid28, sid28) && x.dn.equals(dn);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ndrSize, sidSize, guid, dn) * 31 + Arrays.hashCode(sid28);
    }
}
