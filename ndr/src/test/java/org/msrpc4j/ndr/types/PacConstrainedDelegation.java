package org.msrpc4j.ndr.types;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.msrpc4j.ndr.NdrDecoder;
import org.msrpc4j.ndr.NdrEncodable;
import org.msrpc4j.ndr.NdrEncoder;
import org.msrpc4j.ndr.NdrException;

/**
 * [MS-PAC] S4U_DELEGATION_INFO as Samba declares it: {@code PAC_CONSTRAINED_DELEGATION { lsa_String proxy_target;
 * uint32 num_transited_services; [size_is(num_transited_services)] lsa_String *transited_services; }},
 * carried in {@code PAC_CONSTRAINED_DELEGATION_CTR { PAC_CONSTRAINED_DELEGATION *info; }} ({@link Ctr})
 * through type serialization v1.
 */
public final class PacConstrainedDelegation implements NdrEncodable {
    public LsaString proxyTarget;
    public int numTransitedServices;
    public List<LsaString> transitedServices;

    /** The container: one unique pointer. */
    public static final class Ctr implements NdrEncodable {
        public PacConstrainedDelegation info;

        @Override
        public void encode(NdrEncoder e) throws NdrException {
            e.align(4);
            e.writeUniquePointer(info);
        }

        public static Ctr decode(NdrDecoder d) throws NdrException {
            Ctr c = new Ctr();
            d.align(4);
            d.readUniquePointer(PacConstrainedDelegation::decode, x -> c.info = x);
            return c;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Ctr c && Objects.equals(c.info, info);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(info);
        }
    }

    @Override
    public void encode(NdrEncoder e) throws NdrException {
        e.align(4);
        proxyTarget.encode(e);
        e.writeInt32(numTransitedServices);
        e.writeUniquePointer(transitedServices, (enc, list) -> {
            enc.writeConformance(list.size());
            for (LsaString s : list) {
                s.encode(enc);
            }
        });
    }

    public static PacConstrainedDelegation decode(NdrDecoder d) throws NdrException {
        PacConstrainedDelegation v = new PacConstrainedDelegation();
        d.align(4);
        v.proxyTarget = LsaString.decode(d);
        v.numTransitedServices = d.readInt32();
        d.readUniquePointer(dd -> {
            long max = dd.readConformance();
            NdrDecoder.checkCorrelation(max, v.numTransitedServices & 0xffffffffL, "size_is(num_transited_services)");
            int n = dd.checkCount(max, 8);
            List<LsaString> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                list.add(LsaString.decode(dd));
            }
            return list;
        }, list -> v.transitedServices = list);
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PacConstrainedDelegation x && Objects.equals(x.proxyTarget, proxyTarget)
                && x.numTransitedServices == numTransitedServices && Objects.equals(x.transitedServices, transitedServices);
    }

    @Override
    public int hashCode() {
        return Objects.hash(proxyTarget, numTransitedServices, transitedServices);
    }
}
