package org.msrpc4j.ndr.types;

import java.util.Arrays;
import org.msrpc4j.ndr.NdrDecoder;
import org.msrpc4j.ndr.NdrEncoder;
import org.msrpc4j.ndr.NdrException;

/**
 * The response of {@code long GetBlob([out] DWORD *pcb, [out, size_is(, *pcb)] BYTE **ppb)}: a pointer-level
 * size. {@code ppb} is a top-level [ref] pointer (nothing on the wire) to a unique pointer (referent id)
 * to a conformant byte array whose size is the value of the earlier [out] parameter {@code *pcb}.
 */
public record GetBlobOut(int cb, byte[] blob, int result) {

    public void encode(NdrEncoder e) throws NdrException {
        e.writeTopLevel(cb, NdrEncoder::writeInt32);
        e.writeTopLevelUniquePointer(blob, (enc, b) -> {
            enc.writeConformance(cb & 0xffffffffL);
            enc.writeBytes(b);
        });
        e.writeTopLevel(result, NdrEncoder::writeInt32);
    }

    public static GetBlobOut decode(NdrDecoder d) throws NdrException {
        int cb = d.readTopLevel(NdrDecoder::readInt32);
        byte[] blob = d.readTopLevelUniquePointer(dd -> {
            long max = dd.readConformance();
            NdrDecoder.checkCorrelation(max, cb & 0xffffffffL, "size_is(, *pcb)");
            return dd.readBytes(max);
        });
        int result = d.readTopLevel(NdrDecoder::readInt32);
        d.requireFullyConsumed();
        return new GetBlobOut(cb, blob, result);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GetBlobOut g && g.cb == cb && g.result == result && Arrays.equals(g.blob, blob);
    }

    @Override
    public int hashCode() {
        return cb * 31 + result + Arrays.hashCode(blob);
    }
}
