package org.msrpc4j.kerberos.spnego;

import java.util.Arrays;
import java.util.Optional;
import org.msrpc4j.authz.Token;
import org.msrpc4j.kerberos.asn1.Asn1Exception;
import org.msrpc4j.kerberos.gss.KerberosSecurityProvider;
import org.msrpc4j.security.ClientIdentity;
import org.msrpc4j.security.ContextStep;
import org.msrpc4j.security.SecurityContextException;
import org.msrpc4j.security.SecurityProvider;
import org.msrpc4j.security.SecurityStatus;
import org.msrpc4j.security.ServerContextRequest;
import org.msrpc4j.security.ServerSecurityContext;

/**
 * The SPNEGO acceptor: picks the first of the client's mechanisms it supports (Kerberos with a
 * keytab, NTLM with an account store), runs it, falls back to NTLM when it has no key for the
 * client's ticket, and checks the client's mechListMIC (a tampered mechanism list fails the bind)
 * before answering with its own.
 *
 * <p>Thread safety: see {@link org.msrpc4j.security.SecurityContext}.
 */
public final class SpnegoServerContext extends SpnegoContextBase implements ServerSecurityContext {
    private final KerberosSecurityProvider kerberos;
    private final SecurityProvider ntlm;
    private final ServerContextRequest request;

    private int state;
    private byte[] mechTypesDer;
    private byte[] selected;
    private boolean firstChoice;
    private ServerSecurityContext ctx;

    SpnegoServerContext(KerberosSecurityProvider kerberos, SecurityProvider ntlm, ServerContextRequest request) {
        this.kerberos = kerberos;
        this.ntlm = ntlm;
        this.request = request;
    }

    @Override
    public ContextStep accept(byte[] inputToken) throws SecurityContextException {
        if (inputToken == null || inputToken.length == 0) {
            throw new SecurityContextException(SecurityStatus.INVALID_TOKEN, "empty SPNEGO token");
        }
        try {
            if (state == 0) {
                state = 1;
                return init(SpnegoTokens.parseInit(inputToken));
            }
            if (state == 1) {
                return resp(SpnegoTokens.parseResp(inputToken));
            }
        } catch (Asn1Exception e) {
            throw new SecurityContextException(SecurityStatus.INVALID_TOKEN, "malformed SPNEGO token: " + e.getMessage(), e);
        }
        throw new SecurityContextException(SecurityStatus.INVALID_HANDLE, "the Negotiate context is already established");
    }

    private ContextStep init(SpnegoTokens.Init init) throws SecurityContextException {
        mechTypesDer = init.mechTypesDer();
        for (int i = 0; i < init.mechTypes().size(); i++) {
            byte[] oid = init.mechTypes().get(i);
            if (SpnegoTokens.isKerberos(oid) && kerberos != null && kerberos.hasServerSide()) {
                selected = oid;
            } else if (Arrays.equals(oid, SpnegoTokens.NTLM) && ntlm != null) {
                selected = oid;
            } else {
                continue;
            }
            firstChoice = i == 0;
            break;
        }
        if (selected == null) {
            return reject("none of the client's mechanisms is available on this server");
        }
        ctx = SpnegoTokens.isKerberos(selected) ? kerberos.newKerberosServerContext(request) : ntlm.newServerContext(request);
        mech = ctx;
        if (!firstChoice || init.mechToken().isEmpty()) {
            // The optimistic token is for another mechanism: ask for the selected one's first token.
            return ContextStep.continueWith(SpnegoTokens.resp(SpnegoTokens.ACCEPT_INCOMPLETE, selected, null, null));
        }
        ContextStep step;
        try {
            step = ctx.accept(init.mechToken().get());
        } catch (SecurityContextException e) {
            if (SpnegoTokens.isKerberos(selected) && ntlm != null && init.mechTypes().stream().anyMatch(
                    o -> Arrays.equals(o, SpnegoTokens.NTLM)) && e.getMessage() != null && e.getMessage().contains("no key")) {
                // No key for the client's ticket: offer NTLM instead.
                selected = SpnegoTokens.NTLM;
                firstChoice = false;
                ctx = ntlm.newServerContext(request);
                mech = ctx;
                return ContextStep.continueWith(SpnegoTokens.resp(SpnegoTokens.ACCEPT_INCOMPLETE, selected, null, null));
            }
            throw e;
        }
        return afterStep(step, Optional.empty(), true);
    }

    private ContextStep resp(SpnegoTokens.Resp resp) throws SecurityContextException {
        ContextStep step = ctx.isEstablished() ? ContextStep.complete(null)
                : ctx.accept(resp.responseToken().orElseThrow(() ->
                        new SecurityContextException(SecurityStatus.INVALID_TOKEN, "SPNEGO response without a mechanism token")));
        return afterStep(step, resp.mechListMic(), false);
    }

    private ContextStep afterStep(ContextStep step, Optional<byte[]> clientMic, boolean firstLeg) throws SecurityContextException {
        if (!step.isComplete()) {
            return ContextStep.continueWith(SpnegoTokens.resp(SpnegoTokens.ACCEPT_INCOMPLETE, firstLeg ? selected : null,
                    step.token(), null));
        }
        byte[] mic = null;
        if (clientMic.isPresent()) {
            SpnegoMechanism.verifyMic(ctx, mechTypesDer, clientMic.get());
            mic = SpnegoMechanism.mic(ctx, mechTypesDer);
            SpnegoMechanism.afterMic(ctx);
        } else if (!firstChoice) {
            // RFC 4178 5: when the selected mechanism was not the client's first choice the MIC is
            // mandatory, otherwise an attacker could have removed the preferred mechanism.
            throw new SecurityContextException(SecurityStatus.LOGON_DENIED,
                    "the client sent no mechListMIC although the selected mechanism was not its first choice");
        }
        complete = true;
        state = 2;
        return ContextStep.complete(SpnegoTokens.resp(SpnegoTokens.ACCEPT_COMPLETED, firstLeg ? selected : null,
                step.hasToken() ? step.token() : null, mic));
    }

    private ContextStep reject(String why) throws SecurityContextException {
        throw new SecurityContextException(SecurityStatus.LOGON_DENIED, why);
    }

    @Override
    public String peerPrincipal() {
        ServerSecurityContext c = ctx;
        return c == null ? "" : c.peerPrincipal();
    }

    @Override
    public Token callerToken() throws SecurityContextException {
        ServerSecurityContext c = ctx;
        if (c == null || !complete) {
            throw new SecurityContextException(SecurityStatus.INVALID_HANDLE, "the Negotiate context is not established");
        }
        return c.callerToken();
    }

    @Override
    public String serverPrincipal() {
        ServerSecurityContext c = ctx;
        return c == null ? "" : c.serverPrincipal();
    }

    @Override
    public Optional<ClientIdentity> delegatedIdentity() {
        ServerSecurityContext c = ctx;
        return c == null ? Optional.empty() : c.delegatedIdentity();
    }

    /** @return whether Kerberos was selected */
    public boolean kerberosSelected() {
        return selected != null && SpnegoTokens.isKerberos(selected);
    }
}
