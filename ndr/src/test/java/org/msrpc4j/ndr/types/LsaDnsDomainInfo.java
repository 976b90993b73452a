package org.msrpc4j.ndr.types;

import java.util.Objects;
import java.util.UUID;
import org.msrpc4j.ndr.NdrDecoder;
import org.msrpc4j.ndr.NdrEncodable;
import org.msrpc4j.ndr.NdrEncoder;
import org.msrpc4j.ndr.NdrException;

/**
 * lsa_DnsDomainInfo: three lsa_StringLarge, a GUID and {@code dom_sid2 *sid} — embedded structs with
 * pointers followed by a pointer to a conformant struct; referents come in field order.
 */
public final class LsaDnsDomainInfo implements NdrEncodable {
    public LsaString name;
    public LsaString dnsDomain;
    public LsaString dnsForest;
    public UUID domainGuid;
    public DomSid sid;

    @Override
    public void encode(NdrEncoder e) throws NdrException {
        e.align(4);
        name.encode(e);
        dnsDomain.encode(e);
        dnsForest.encode(e);
        e.writeUuid(domainGuid);
        e.writeUniquePointer(sid);
    }

    public static LsaDnsDomainInfo decode(NdrDecoder d) throws NdrException {
        LsaDnsDomainInfo v = new LsaDnsDomainInfo();
        d.align(4);
        v.name = LsaString.decode(d);
        v.dnsDomain = LsaString.decode(d);
        v.dnsForest = LsaString.decode(d);
        v.domainGuid = d.readUuid();
        d.readUniquePointer(DomSid::decode, s -> v.sid = s);
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LsaDnsDomainInfo x && Objects.equals(x.name, name) && Objects.equals(x.dnsDomain, dnsDomain)
                && Objects.equals(x.dnsForest, dnsForest) && Objects.equals(x.domainGuid, domainGuid) && Objects.equals(x.sid, sid);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, dnsDomain, dnsForest, domainGuid, sid);
    }
}
