package org.msrpc4j.ndr.types;

import java.util.Objects;
import org.msrpc4j.ndr.NdrDecoder;
import org.msrpc4j.ndr.NdrEncoder;
import org.msrpc4j.ndr.NdrException;

/**
 * The request of lsa_OpenPolicy2: {@code [in,unique] [string,charset(UTF16)] uint16 *system_name,
 * [in] lsa_ObjectAttribute *attr, [in] uint32 access_mask} — a top-level unique pointer to a string, a
 * top-level ref pointer to a struct with embedded unique pointers (to a byte, a string, a struct) and
 * a scalar, with referent ids counting on across parameters.
 */
public record LsaOpenPolicy2In(String systemName, ObjectAttribute attr, int accessMask) {

    /** lsa_QosInfo: {@code uint32 len; uint16 impersonation_level; uint8 context_mode; uint8 effective_only;}. */
    public record QosInfo(int len, int impersonationLevel, int contextMode, int effectiveOnly) {
        static void encode(NdrEncoder e, QosInfo q) throws NdrException {
            e.align(4);
            e.writeInt32(q.len);
            e.writeInt16(q.impersonationLevel);
            e.writeInt8(q.contextMode);
            e.writeInt8(q.effectiveOnly);
        }

        static QosInfo decode(NdrDecoder d) throws NdrException {
            d.align(4);
            return new QosInfo(d.readInt32(), d.readUInt16(), d.readUInt8(), d.readUInt8());
        }
    }

    /**
     * lsa_ObjectAttribute: {@code uint32 len; uint8 *root_dir; [string] uint16 *object_name; uint32 attributes;
     * security_descriptor *sec_desc; lsa_QosInfo *sec_qos;}. The security descriptor is not modelled here:
     * it must be null.
     */
    public static final class ObjectAttribute {
        public int len;
        public Integer rootDir;
        public String objectName;
        public int attributes;
        public QosInfo secQos;

        static void encode(NdrEncoder e, ObjectAttribute a) throws NdrException {
            e.align(4);
            e.writeInt32(a.len);
            e.writeUniquePointer(a.rootDir, (enc, b) -> enc.writeInt8(b));
            e.writeUniquePointer(a.objectName, NdrEncoder::writeConformantVaryingWString);
            e.writeInt32(a.attributes);
            e.writeUniquePointer(null, (enc, x) -> { });
            e.writeUniquePointer(a.secQos, QosInfo::encode);
        }

        static ObjectAttribute decode(NdrDecoder d) throws NdrException {
            ObjectAttribute a = new ObjectAttribute();
            d.align(4);
            a.len = d.readInt32();
            d.readUniquePointer(NdrDecoder::readUInt8, b -> a.rootDir = b);
            d.readUniquePointer(NdrDecoder::readConformantVaryingWString, s -> a.objectName = s);
            a.attributes = d.readInt32();
            d.readUniquePointer(dd -> {
                throw new NdrException("security_descriptor is not modelled by this test type");
            }, x -> { });
            d.readUniquePointer(QosInfo::decode, q -> a.secQos = q);
            return a;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ObjectAttribute x && x.len == len && Objects.equals(x.rootDir, rootDir)
                    && Objects.equals(x.objectName, objectName) && x.attributes == attributes && Objects.equals(x.secQos, secQos);
        }

        @Override
        public int hashCode() {
            return Objects.hash(len, rootDir, objectName, attributes, secQos);
        }
    }

    public void encodeIn(NdrEncoder e) throws NdrException {
        e.writeTopLevelUniquePointer(systemName, NdrEncoder::writeConformantVaryingWString);
        e.writeTopLevel(attr, ObjectAttribute::encode);
        e.writeTopLevel(accessMask, NdrEncoder::writeInt32);
    }

    public static LsaOpenPolicy2In decodeIn(NdrDecoder d) throws NdrException {
        String name = d.readTopLevelUniquePointer(NdrDecoder::readConformantVaryingWString);
        ObjectAttribute attr = d.readTopLevel(ObjectAttribute::decode);
        int mask = d.readTopLevel(NdrDecoder::readInt32);
        d.requireFullyConsumed();
        return new LsaOpenPolicy2In(name, attr, mask);
    }
}
