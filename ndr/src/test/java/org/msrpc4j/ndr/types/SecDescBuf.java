package org.msrpc4j.ndr.types;

import java.util.Arrays;
import org.msrpc4j.ndr.NdrDecoder;
import org.msrpc4j.ndr.NdrEncodable;
import org.msrpc4j.ndr.NdrEncoder;
import org.msrpc4j.ndr.NdrException;

/**
 * sec_desc_buf / LSAPR_SR_SECURITY_DESCRIPTOR: {@code struct { [range(0,0x40000)] uint32 sd_size;
 * [size_is(sd_size)] uint8 *sd; }} — a [range]-limited size and a unique pointer to a conformant byte array
 * (the self-relative security descriptor, parsed by the authz module).
 */
public final class SecDescBuf implements NdrEncodable {
    public int sdSize;
    public byte[] sd;

    public SecDescBuf(int sdSize, byte[] sd) {
        this.sdSize = sdSize;
        this.sd = sd;
    }

    @Override
    public void encode(NdrEncoder e) throws NdrException {
        e.align(4);
        e.writeInt32(sdSize);
        e.writeUniquePointer(sd, (enc, b) -> {
            enc.writeConformance(b.length);
            enc.writeBytes(b);
        });
    }

    public static SecDescBuf decode(NdrDecoder d) throws NdrException {
        d.align(4);
        long size = d.readUInt32();
        NdrDecoder.checkRange(size, 0, 0x40000, "sec_desc_buf.sd_size");
        SecDescBuf v = new SecDescBuf((int) size, null);
        d.readUniquePointer(dd -> {
            long max = dd.readConformance();
            NdrDecoder.checkCorrelation(max, size, "size_is(sd_size)");
            return dd.readBytes(max);
        }, b -> v.sd = b);
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecDescBuf x && x.sdSize == sdSize && Arrays.equals(x.sd, sd);
    }

    @Override
    public int hashCode() {
        return sdSize * 31 + Arrays.hashCode(sd);
    }
}
