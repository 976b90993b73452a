package org.msrpc4j.kerberos.spnego;

import java.util.List;
import org.msrpc4j.kerberos.gss.DceKerberosClientContext;
import org.msrpc4j.kerberos.gss.DceKerberosServerContext;
import org.msrpc4j.security.MessageSegment;
import org.msrpc4j.security.SecurityContext;
import org.msrpc4j.security.SecurityContextException;
import org.msrpc4j.security.SecurityStatus;
import org.msrpc4j.security.ntlm.NtlmClientContext;
import org.msrpc4j.security.ntlm.NtlmServerContext;

/**
 * The mechanism-specific parts SPNEGO needs from a context: GetMIC / VerifyMIC over the mechTypes
 * bytes, and what happens after the MIC exchange (NTLM re-initialises its RC4 handles, [MS-SPNG]
 * 3.1.5.1). Stateless.
 */
final class SpnegoMechanism {
    private SpnegoMechanism() {
    }

    static byte[] mic(SecurityContext ctx, byte[] data) throws SecurityContextException {
        if (ctx instanceof DceKerberosClientContext k) {
            return k.micOver(data);
        }
        if (ctx instanceof DceKerberosServerContext k) {
            return k.micOver(data);
        }
        byte[] buf = data.clone();
        byte[] token = new byte[ctx.signatureSize()];
        ctx.sign(List.of(MessageSegment.data(buf, 0, buf.length), MessageSegment.token(token, 0, token.length)));
        return token;
    }

    static void verifyMic(SecurityContext ctx, byte[] data, byte[] mic) throws SecurityContextException {
        try {
            if (ctx instanceof DceKerberosClientContext k) {
                k.verifyMicOver(data, mic);
                return;
            }
            if (ctx instanceof DceKerberosServerContext k) {
                k.verifyMicOver(data, mic);
                return;
            }
            byte[] buf = data.clone();
            byte[] t = mic.clone();
            ctx.verify(List.of(MessageSegment.data(buf, 0, buf.length), MessageSegment.token(t, 0, t.length)));
        } catch (SecurityContextException e) {
            throw new SecurityContextException(SecurityStatus.LOGON_DENIED,
                    "the SPNEGO mechListMIC does not verify (the mechanism list was tampered with)", e);
        }
    }

    /** After both MICs: NTLM starts its RC4 streams afresh, keeping the sequence numbers. */
    static void afterMic(SecurityContext ctx) throws SecurityContextException {
        if (ctx instanceof NtlmClientContext n) {
            n.resetCipherState();
        } else if (ctx instanceof NtlmServerContext n) {
            n.resetCipherState();
        }
    }

    /** Whether a MIC is exchanged with this context ([MS-SPNG] 3.1.5.1; Samba's rules for Kerberos). */
    static boolean wantsMic(SecurityContext ctx, boolean notFirstChoice) throws SecurityContextException {
        if (!ctx.canSign()) {
            return false;
        }
        if (notFirstChoice) {
            return true;
        }
        if (ctx instanceof NtlmClientContext || ctx instanceof NtlmServerContext) {
            return true;
        }
        // Kerberos: AES sessions exchange the MIC (Samba insists), RC4 ("legacy") sessions do not.
        return ctx.sessionKey().length == 32 || ctx.sealTokenSize() == 76;
    }
}
