package org.msrpc4j.kerberos.gss;

import java.util.List;
import org.msrpc4j.security.AuthnService;
import org.msrpc4j.security.ImpersonationLevel;
import org.msrpc4j.security.MessageSegment;
import org.msrpc4j.security.SecurityContextException;
import org.msrpc4j.security.SecurityStatus;

/**
 * What client and server Kerberos contexts share once established: attributes and the per-message
 * operations, delegated to a {@link MessageProtection}. The handshake fields are written by one
 * thread (the handshake) and published through volatile fields; thread safety as
 * {@link org.msrpc4j.security.SecurityContext} describes.
 */
abstract class KerberosContextBase {
    protected volatile MessageProtection protection;
    protected volatile int gssFlags;
    protected volatile byte[] sessionSubkey;

    public AuthnService authnService() {
        return AuthnService.GSS_KERBEROS;
    }

    public boolean isEstablished() {
        return protection != null;
    }

    public boolean isAnonymous() {
        return false;
    }

    public byte[] sessionKey() throws SecurityContextException {
        byte[] k = sessionSubkey;
        if (k == null) {
            throw new SecurityContextException(SecurityStatus.INVALID_HANDLE, "the Kerberos context is not established");
        }
        return k.clone();
    }

    public long negotiatedFlags() {
        return gssFlags & 0xffffffffL;
    }

    public ImpersonationLevel impersonationLevel() {
        int f = gssFlags;
        if ((f & GssChecksum.DELEG) != 0) {
            return ImpersonationLevel.DELEGATE;
        }
        return (f & GssChecksum.IDENTIFY) != 0 ? ImpersonationLevel.IDENTIFY : ImpersonationLevel.IMPERSONATE;
    }

    public boolean canSign() {
        return true;
    }

    public boolean canSeal() {
        return true;
    }

    public int signatureSize() {
        MessageProtection p = protection;
        return p == null ? CfxMessageProtection.MIC_TOKEN : p.micTokenSize();
    }

    public int sealTokenSize() {
        MessageProtection p = protection;
        return p == null ? CfxMessageProtection.WRAP_TOKEN : p.wrapTokenSize();
    }

    public int sign(List<MessageSegment> segments) throws SecurityContextException {
        return established().getMic(segments);
    }

    public void verify(List<MessageSegment> segments) throws SecurityContextException {
        established().verifyMic(segments);
    }

    public int seal(List<MessageSegment> segments) throws SecurityContextException {
        return established().wrap(segments);
    }

    public void unseal(List<MessageSegment> segments) throws SecurityContextException {
        established().unwrap(segments);
    }

    /**
     * GSS_GetMIC over raw bytes (for the SPNEGO mechListMIC).
     *
     * @param data the data
     * @return the MIC token
     * @throws SecurityContextException when not established
     */
    public byte[] micOver(byte[] data) throws SecurityContextException {
        MessageProtection p = established();
        byte[] token = new byte[p.micTokenSize()];
        p.getMic(List.of(MessageSegment.data(data.clone(), 0, data.length), MessageSegment.token(token, 0, token.length)));
        return token;
    }

    /**
     * GSS_VerifyMIC over raw bytes (for the SPNEGO mechListMIC).
     *
     * @param data the data
     * @param mic the MIC token
     * @throws SecurityContextException when it does not verify
     */
    public void verifyMicOver(byte[] data, byte[] mic) throws SecurityContextException {
        established().verifyMic(List.of(MessageSegment.data(data.clone(), 0, data.length),
                MessageSegment.token(mic.clone(), 0, mic.length)));
    }

    private MessageProtection established() throws SecurityContextException {
        MessageProtection p = protection;
        if (p == null) {
            throw new SecurityContextException(SecurityStatus.INVALID_HANDLE, "the Kerberos context is not established");
        }
        return p;
    }
}
