package org.msrpc4j.ndr.types;

import java.util.Objects;
import java.util.UUID;
import org.msrpc4j.ndr.NdrDecoder;
import org.msrpc4j.ndr.NdrEncodable;
import org.msrpc4j.ndr.NdrEncoder;
import org.msrpc4j.ndr.NdrException;

/**
 * drsuapi_DsGetNCChangesRequest8 ([MS-DRSR] DRS_MSG_GETCHGREQ_V8) with the optional parts absent: an embedded
 * [ref] pointer to a conformant struct among hyper-aligned fields, null unique pointers and a nested
 * counted-array struct. The uptodateness vector and partial attribute sets are not modelled (must be null).
 */
public final class DrsuapiGetNcChangesRequest8 implements NdrEncodable {
    public UUID destinationDsaGuid;
    public UUID sourceDsaInvocationId;
    public DrsuapiObjectIdentifier namingContext;
    public long tmpHighestUsn;
    public long reservedUsn;
    public long highestUsn;
    public int replicaFlags;
    public int maxObjectCount;
    public int maxNdrSize;
    public int extendedOp;
    public long fsmoInfo;

    private static void absent(NdrEncoder e) throws NdrException {
        e.writeUniquePointer(null, (enc, x) -> { });
    }

    private static void requireAbsent(NdrDecoder d, String what) throws NdrException {
        d.readUniquePointer(dd -> {
            throw new NdrException(what + " is not modelled by this test type");
        }, x -> { });
    }

    @Override
    public void encode(NdrEncoder e) throws NdrException {
        e.align(8);
        e.writeUuid(destinationDsaGuid);
        e.writeUuid(sourceDsaInvocationId);
        e.writeRefPointer(namingContext);
        e.align(8);                       // drsuapi_DsReplicaHighWaterMark
        e.writeInt64(tmpHighestUsn);
        e.writeInt64(reservedUsn);
        e.writeInt64(highestUsn);
        absent(e);                        // uptodateness_vector
        e.writeInt32(replicaFlags);
        e.writeInt32(maxObjectCount);
        e.writeInt32(maxNdrSize);
        e.writeEnum32(extendedOp);
        e.writeInt64(fsmoInfo);
        absent(e);                        // partial_attribute_set
        absent(e);                        // partial_attribute_set_ex
        e.align(4);                       // drsuapi_DsReplicaOIDMapping_Ctr
        e.writeInt32(0);
        absent(e);
    }

    public static DrsuapiGetNcChangesRequest8 decode(NdrDecoder d) throws NdrException {
        DrsuapiGetNcChangesRequest8 r = new DrsuapiGetNcChangesRequest8();
        d.align(8);
        r.destinationDsaGuid = d.readUuid();
        r.sourceDsaInvocationId = d.readUuid();
        d.readRefPointer(DrsuapiObjectIdentifier::decode, nc -> r.namingContext = nc);
        d.align(8);
        r.tmpHighestUsn = d.readInt64();
        r.reservedUsn = d.readInt64();
        r.highestUsn = d.readInt64();
        requireAbsent(d, "uptodateness_vector");
        r.replicaFlags = d.readInt32();
        r.maxObjectCount = d.readInt32();
        r.maxNdrSize = d.readInt32();
        r.extendedOp = d.readEnum32();
        r.fsmoInfo = d.readInt64();
        requireAbsent(d, "partial_attribute_set");
        requireAbsent(d, "partial_attribute_set_ex");
        d.align(4);
        NdrDecoder.checkCorrelation(d.readUInt32(), 0, "mapping_ctr.num_mappings (test type models none)");
        requireAbsent(d, "mapping_ctr.mappings");
        return r;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DrsuapiGetNcChangesRequest8 x && Objects.equals(x.destinationDsaGuid, destinationDsaGuid)
                && Objects.equals(x.sourceDsaInvocationId, sourceDsaInvocationId) && Objects.equals(x.namingContext, namingContext)
                && x.tmpHighestUsn == tmpHighestUsn && x.reservedUsn == reservedUsn && x.highestUsn == highestUsn
                && x.replicaFlags == replicaFlags && x.maxObjectCount == maxObjectCount && x.maxNdrSize == maxNdrSize
                && x.extendedOp == extendedOp && x.fsmoInfo == fsmoInfo;
    }

    @Override
    public int hashCode() {
        return Objects.hash(destinationDsaGuid, sourceDsaInvocationId, namingContext, highestUsn);
    }
}
