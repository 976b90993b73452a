package org.msrpc4j.ndr.types;

import java.util.Arrays;
import org.msrpc4j.ndr.NdrDecoder;
import org.msrpc4j.ndr.NdrEncodable;
import org.msrpc4j.ndr.NdrEncoder;
import org.msrpc4j.ndr.NdrException;

/**
 * dom_sid2 / RPC_SID, a conformant struct without pointers (so immutable):
 * {@code struct { uint8 rev; [range(0,15)] int8 num_auths; uint8 id_auth[6]; [size_is(num_auths)] uint32 sub_auths[*]; }}.
 * The conformance is hoisted before the struct; the halves are separate so an enclosing struct can hoist.
 */
public final class DomSid implements NdrEncodable {
    public final int revision;
    private final byte[] authority;
    private final int[] subAuthorities;

    public DomSid(int revision, byte[] authority, int[] subAuthorities) {
        if (authority.length != 6) {
            throw new IllegalArgumentException("authority is 6 bytes");
        }
        this.revision = revision;
        this.authority = authority.clone();
        this.subAuthorities = subAuthorities.clone();
    }

    /** Parses S-1-A-s1-s2... (test convenience). */
    public static DomSid parse(String text) {
        String[] p = text.split("-");
        long auth = Long.parseLong(p[2]);
        byte[] a = new byte[6];
        for (int i = 0; i < 6; i++) {
            a[i] = (byte) (auth >>> (8 * (5 - i)));
        }
        int[] subs = new int[p.length - 3];
        for (int i = 0; i < subs.length; i++) {
            subs[i] = (int) Long.parseLong(p[3 + i]);
        }
        return new DomSid(Integer.parseInt(p[1]), a, subs);
    }

    public int[] subAuthorities() {
        return subAuthorities.clone();
    }

    public void encodeConformance(NdrEncoder e) throws NdrException {
        e.writeConformance(subAuthorities.length);
    }

    public void encodeBody(NdrEncoder e) throws NdrException {
        e.align(4);
        e.writeInt8(revision);
        e.writeInt8(subAuthorities.length);
        e.writeBytes(authority);
        e.writeInt32s(subAuthorities, 0, subAuthorities.length);
    }

    @Override
    public void encode(NdrEncoder e) throws NdrException {
        encodeConformance(e);
        encodeBody(e);
    }

    public static DomSid decode(NdrDecoder d) throws NdrException {
        return decodeBody(d, d.readConformance());
    }

    public static DomSid decodeBody(NdrDecoder d, long maxCount) throws NdrException {
        d.align(4);
        int rev = d.readUInt8();
        int numAuths = d.readInt8();
        NdrDecoder.checkRange(numAuths, 0, 15, "dom_sid.num_auths");
        NdrDecoder.checkCorrelation(maxCount, numAuths, "dom_sid size_is(num_auths)");
        byte[] auth = d.readBytes(6);
        int[] subs = d.readInt32s(maxCount);
        return new DomSid(rev, auth, subs);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DomSid s && s.revision == revision && Arrays.equals(s.authority, authority)
                && Arrays.equals(s.subAuthorities, subAuthorities);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(authority) + Arrays.hashCode(subAuthorities) + revision;
    }

    @Override
    public String toString() {
        long auth = 0;
        for (byte b : authority) {
            auth = (auth << 8) | (b & 0xff);
        }
        StringBuilder sb = new StringBuilder("S-").append(revision).append('-').append(auth);
        for (int s : subAuthorities) {
            sb.append('-').append(s & 0xffffffffL);
        }
        return sb.toString();
    }
}
