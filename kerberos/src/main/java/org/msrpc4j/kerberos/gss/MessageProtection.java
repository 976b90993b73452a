package org.msrpc4j.kerberos.gss;

import java.util.List;
import org.msrpc4j.security.MessageSegment;
import org.msrpc4j.security.SecurityContextException;

/**
 * The GSS per-message operations of an established Kerberos context in DCE style, over the
 * segments of one PDU: GetMIC/VerifyMIC and Wrap/Unwrap (GSS_WrapEx with sign-only buffers).
 * DATA and SIGN_ONLY segments are covered by the checksum; READ_ONLY segments are not; DATA segments
 * are encrypted in place; the TOKEN segment receives or supplies the token.
 *
 * <p>Implementations are thread-safe: each direction is serialised, and sequence numbers follow
 * call order (sign/seal in wire order, verify/unseal in receive order).
 */
public interface MessageProtection {

    /** @return the length of a MIC token */
    int micTokenSize();

    /** @return the length of a wrap token (the part outside the encrypted DATA) */
    int wrapTokenSize();

    /**
     * GSS_GetMIC over the DATA and SIGN_ONLY segments, written into the TOKEN segment.
     *
     * @param segments the PDU's segments in wire order
     * @return the token length
     * @throws SecurityContextException when the TOKEN segment is missing or too small
     */
    int getMic(List<MessageSegment> segments) throws SecurityContextException;

    /**
     * GSS_VerifyMIC of the TOKEN segment.
     *
     * @param segments the PDU's segments in wire order
     * @throws SecurityContextException MESSAGE_ALTERED, OUT_OF_SEQUENCE or INVALID_TOKEN
     */
    void verifyMic(List<MessageSegment> segments) throws SecurityContextException;

    /**
     * GSS_WrapEx with confidentiality: encrypts the DATA segments in place and writes the token.
     *
     * @param segments the PDU's segments in wire order
     * @return the token length
     * @throws SecurityContextException when the TOKEN segment is missing or too small
     */
    int wrap(List<MessageSegment> segments) throws SecurityContextException;

    /**
     * GSS_UnwrapEx: decrypts the DATA segments in place and verifies the token.
     *
     * @param segments the PDU's segments in wire order
     * @throws SecurityContextException MESSAGE_ALTERED, OUT_OF_SEQUENCE or INVALID_TOKEN
     */
    void unwrap(List<MessageSegment> segments) throws SecurityContextException;
}
