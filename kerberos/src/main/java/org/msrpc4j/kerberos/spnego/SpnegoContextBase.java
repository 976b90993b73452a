package org.msrpc4j.kerberos.spnego;

import java.util.List;
import org.msrpc4j.security.AuthnService;
import org.msrpc4j.security.ImpersonationLevel;
import org.msrpc4j.security.MessageSegment;
import org.msrpc4j.security.SecurityContext;
import org.msrpc4j.security.SecurityContextException;
import org.msrpc4j.security.SecurityStatus;

/**
 * Attributes and per-message operations of a SPNEGO context: those of the selected mechanism's
 * context. The handshake thread publishes the selected context through a volatile field; thread
 * safety as {@link org.msrpc4j.security.SecurityContext} describes.
 */
abstract class SpnegoContextBase {
    protected volatile SecurityContext mech;
    protected volatile boolean complete;

    public AuthnService authnService() {
        return AuthnService.GSS_NEGOTIATE;
    }

    public boolean isEstablished() {
        return complete;
    }

    public boolean isAnonymous() {
        SecurityContext m = mech;
        return m != null && m.isAnonymous();
    }

    public byte[] sessionKey() throws SecurityContextException {
        return established().sessionKey();
    }

    public long negotiatedFlags() {
        SecurityContext m = mech;
        return m == null ? 0 : m.negotiatedFlags();
    }

    public ImpersonationLevel impersonationLevel() {
        SecurityContext m = mech;
        return m == null ? ImpersonationLevel.IMPERSONATE : m.impersonationLevel();
    }

    public boolean canSign() {
        SecurityContext m = mech;
        return m != null && m.canSign();
    }

    public boolean canSeal() {
        SecurityContext m = mech;
        return m != null && m.canSeal();
    }

    public int signatureSize() {
        SecurityContext m = mech;
        return m == null ? 28 : m.signatureSize();
    }

    public int sealTokenSize() {
        SecurityContext m = mech;
        return m == null ? 76 : m.sealTokenSize();
    }

    public int sign(List<MessageSegment> segments) throws SecurityContextException {
        return established().sign(segments);
    }

    public void verify(List<MessageSegment> segments) throws SecurityContextException {
        established().verify(segments);
    }

    public int seal(List<MessageSegment> segments) throws SecurityContextException {
        return established().seal(segments);
    }

    public void unseal(List<MessageSegment> segments) throws SecurityContextException {
        established().unseal(segments);
    }

    /** @return the selected mechanism's context (for tests and diagnostics) */
    public SecurityContext mechanismContext() {
        return mech;
    }

    private SecurityContext established() throws SecurityContextException {
        SecurityContext m = mech;
        if (!complete || m == null) {
            throw new SecurityContextException(SecurityStatus.INVALID_HANDLE, "the Negotiate context is not established");
        }
        return m;
    }
}
