package org.msrpc4j.kerberos.gss;

import java.util.List;
import org.msrpc4j.security.MessageSegment;
import org.msrpc4j.security.SecurityContextException;
import org.msrpc4j.security.SecurityStatus;
import org.msrpc4j.security.SegmentKind;

/** Helpers to walk a PDU's segments the way GSS IOV buffers are walked. Stateless. */
final class Segments {
    private Segments() {
    }

    static MessageSegment token(List<MessageSegment> segments) throws SecurityContextException {
        MessageSegment found = null;
        for (MessageSegment s : segments) {
            if (s.kind() == SegmentKind.TOKEN) {
                if (found != null) {
                    throw new SecurityContextException(SecurityStatus.INVALID_TOKEN, "more than one TOKEN segment");
                }
                found = s;
            }
        }
        if (found == null) {
            throw new SecurityContextException(SecurityStatus.INVALID_TOKEN, "no TOKEN segment");
        }
        return found;
    }

    /** Total length of the DATA segments. */
    static int dataLength(List<MessageSegment> segments) {
        int n = 0;
        for (MessageSegment s : segments) {
            if (s.kind() == SegmentKind.DATA) {
                n += s.length();
            }
        }
        return n;
    }

    /** The DATA segments concatenated. */
    static byte[] data(List<MessageSegment> segments) {
        byte[] out = new byte[dataLength(segments)];
        int p = 0;
        for (MessageSegment s : segments) {
            if (s.kind() == SegmentKind.DATA) {
                System.arraycopy(s.array(), s.offset(), out, p, s.length());
                p += s.length();
            }
        }
        return out;
    }

    /** Writes {@code src[off, off+dataLength)} back over the DATA segments, in order. */
    static void writeData(List<MessageSegment> segments, byte[] src, int off) {
        int p = off;
        for (MessageSegment s : segments) {
            if (s.kind() == SegmentKind.DATA) {
                System.arraycopy(src, p, s.array(), s.offset(), s.length());
                p += s.length();
            }
        }
    }

    /** Whether a segment is covered by a GSS checksum (DATA and SIGN_ONLY, never READ_ONLY). */
    static boolean signed(MessageSegment s) {
        return s.kind() == SegmentKind.DATA || s.kind() == SegmentKind.SIGN_ONLY;
    }
}
