package org.msrpc4j.ndr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.msrpc4j.ndr.types.DomSid;
import org.msrpc4j.ndr.types.EchoInfo;
import org.msrpc4j.ndr.types.EchoSurrounding;
import org.msrpc4j.ndr.types.EchoTestCall2;
import org.msrpc4j.ndr.types.GetBlobOut;
import org.msrpc4j.ndr.types.Leaf;
import org.msrpc4j.ndr.types.LeafPair;
import org.msrpc4j.ndr.types.LsaDnsDomainInfo;
import org.msrpc4j.ndr.types.LsaOpenPolicy2In;
import org.msrpc4j.ndr.types.LsaSidArray;
import org.msrpc4j.ndr.types.LsaString;
import org.msrpc4j.ndr.types.LsaTranslatedNames;
import org.msrpc4j.ndr.types.Matrix;
import org.msrpc4j.ndr.types.Node;
import org.msrpc4j.ndr.types.PaddedBlob;
import org.msrpc4j.ndr.types.SamrLogonHours;
import org.msrpc4j.ndr.types.Shape;
import org.msrpc4j.ndr.types.VaryingBuffer;

/** Valid encodings of every test type with the decoder that reads them, for the malformed-input tests. */
final class Samples {
    private Samples() {
    }

    /** Reads one sample stream completely. */
    interface Decode {
        void run(NdrDecoder d) throws NdrException;
    }

    interface Encode {
        void run(NdrEncoder e) throws NdrException;
    }

    record Sample(String name, byte[] bytes, Decode decode) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Sample sample(String name, Encode encode, Decode decode) {
        try {
            NdrEncoder e = new NdrEncoder();
            encode.run(e);
            return new Sample(name, e.toByteArray(), decode);
        } catch (NdrException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static Decode strict(NdrReader<?> reader) {
        return d -> {
            d.readTopLevel(reader);
            d.requireFullyConsumed();
        };
    }

    static List<Sample> all() {
        List<Sample> s = new ArrayList<>();
        s.add(sample("lsa_String", e -> e.writeTopLevel(LsaString.of("a\uD83D\uDE00bc")), strict(LsaString::decode)));
        s.add(sample("dom_sid2", e -> e.writeTopLevel(DomSid.parse("S-1-5-21-1-2-3-500")), strict(DomSid::decode)));
        LsaSidArray sids = new LsaSidArray();
        sids.numSids = 3;
        sids.sids = Arrays.asList(DomSid.parse("S-1-5-32-544"), null, DomSid.parse("S-1-1-0"));
        s.add(sample("lsa_SidArray", e -> e.writeTopLevel(sids), strict(LsaSidArray::decode)));
        LsaTranslatedNames names = new LsaTranslatedNames();
        names.count = 2;
        names.names = List.of(new LsaTranslatedNames.Name(1, LsaString.of("alice"), 0),
                new LsaTranslatedNames.Name(2, LsaString.of(null), 1));
        s.add(sample("lsa_TransNameArray", e -> e.writeTopLevel(names), strict(LsaTranslatedNames::decode)));
        LsaDnsDomainInfo dns = new LsaDnsDomainInfo();
        dns.name = LsaString.large("D");
        dns.dnsDomain = LsaString.large("d.example");
        dns.dnsForest = LsaString.large(null);
        dns.domainGuid = UUID.fromString("01234567-89ab-cdef-0123-456789abcdef");
        dns.sid = DomSid.parse("S-1-5-21-9");
        s.add(sample("lsa_DnsDomainInfo", e -> e.writeTopLevel(dns), strict(LsaDnsDomainInfo::decode)));
        SamrLogonHours hours = new SamrLogonHours();
        hours.unitsPerWeek = 24;
        hours.bits = new byte[] {1, 2, 3};
        s.add(sample("samr_LogonHours", e -> e.writeTopLevel(hours), strict(SamrLogonHours::decode)));
        s.add(sample("echo_Surrounding", e -> e.writeTopLevel(new EchoSurrounding(2, new short[] {7, 8})), strict(EchoSurrounding::decode)));
        for (EchoInfo info : List.of(new EchoInfo.Info1(1), new EchoInfo.Info2(2), new EchoInfo.Info3(3), new EchoInfo.Info4(4),
                new EchoInfo.Info5(5, 6), new EchoInfo.Info6(6, 7), new EchoInfo.Info7(7, 8))) {
            s.add(sample("echo_TestCall2_" + info.level(), new EchoTestCall2(info, 0)::encodeOut,
                    d -> EchoTestCall2.decodeOut(d, info.level())));
        }
        LsaOpenPolicy2In.ObjectAttribute attr = new LsaOpenPolicy2In.ObjectAttribute();
        attr.len = 24;
        attr.rootDir = 9;
        attr.objectName = "obj";
        attr.secQos = new LsaOpenPolicy2In.QosInfo(12, 2, 1, 0);
        s.add(sample("lsa_OpenPolicy2_in", new LsaOpenPolicy2In("\\\\dc", attr, 1)::encodeIn, LsaOpenPolicy2In::decodeIn));
        s.add(sample("varying_buffer", e -> e.writeTopLevel(new VaryingBuffer(4, new short[] {1, 2})), strict(VaryingBuffer::decode)));
        s.add(sample("matrix", new Matrix(3, 3, new short[][] {{1, 2}, {3, 4}})::encode, d -> {
            Matrix.decode(d);
            d.requireFullyConsumed();
        }));
        s.add(sample("padded_blob", e -> e.writeTopLevel(new PaddedBlob(3, new byte[8])), strict(PaddedBlob::decode)));
        s.add(sample("get_blob_out", new GetBlobOut(2, new byte[] {1, 2}, 0)::encode, GetBlobOut::decode));
        s.add(sample("node_chain", e -> e.writeTopLevel(Node.chain(4)), strict(Node::decode)));
        Leaf x = new Leaf(1, null);
        s.add(sample("full_pointers", e -> e.writeTopLevel(new LeafPair(x, new Leaf(2, x))), strict(LeafPair::decode)));
        s.add(sample("shape_named", e -> e.writeTopLevel(new Shape.Named("n")), strict(Shape::decode)));
        s.add(sample("wstring", e -> e.writeTopLevel("h\u00e9llo", NdrEncoder::writeConformantVaryingWString),
                strict(NdrDecoder::readConformantVaryingWString)));
        s.add(sample("cstring", e -> e.writeTopLevel("hello", NdrEncoder::writeConformantVaryingCString),
                strict(NdrDecoder::readConformantVaryingCString)));
        s.add(sample("context_handle", e -> e.writeTopLevel(NdrContextHandle.random(), NdrEncoder::writeContextHandle),
                strict(NdrDecoder::readContextHandle)));
        return s;
    }
}
