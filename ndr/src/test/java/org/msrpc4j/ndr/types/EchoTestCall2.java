package org.msrpc4j.ndr.types;

import org.msrpc4j.ndr.NdrDecoder;
import org.msrpc4j.ndr.NdrEncoder;
import org.msrpc4j.ndr.NdrException;

/**
 * The response of {@code NTSTATUS echo_TestCall2([in] uint16 level, [out,switch_is(level),ref] echo_Info *info)}:
 * a top-level [ref] pointer to a union (no referent id), then the return value.
 */
public record EchoTestCall2(EchoInfo info, int result) {

    public void encodeOut(NdrEncoder e) throws NdrException {
        e.writeTopLevel(info, EchoInfo::encode);
        e.writeTopLevel(result, NdrEncoder::writeInt32);
    }

    /** The client knows {@code level} from its own [in] parameter. */
    public static EchoTestCall2 decodeOut(NdrDecoder d, int level) throws NdrException {
        EchoInfo info = d.readTopLevel(dd -> EchoInfo.decode(dd, level));
        int result = d.readTopLevel(NdrDecoder::readInt32);
        d.requireFullyConsumed();
        return new EchoTestCall2(info, result);
    }
}
