package org.msrpc4j.kerberos.spnego;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.msrpc4j.kerberos.asn1.Asn1Exception;
import org.msrpc4j.kerberos.gss.GssFraming;
import org.msrpc4j.kerberos.gss.KerberosSecurityProvider;
import org.msrpc4j.security.ClientContextRequest;
import org.msrpc4j.security.ClientSecurityContext;
import org.msrpc4j.security.ContextStep;
import org.msrpc4j.security.PasswordIdentity;
import org.msrpc4j.security.SecurityContextException;
import org.msrpc4j.security.SecurityProvider;
import org.msrpc4j.security.SecurityStatus;

/**
 * The SPNEGO initiator (auth type 9): Kerberos preferred with an optimistic AP-REQ, NTLM when no
 * ticket can be had (unknown SPN, no KDC, IP address target) or when the server picks it; mechListMIC
 * sent and checked as [MS-SPNG] and Samba expect. Four legs over bind and alter_context.
 *
 * <p>Thread safety: see {@link org.msrpc4j.security.SecurityContext}.
 */
public final class SpnegoClientContext extends SpnegoContextBase implements ClientSecurityContext {
    private final KerberosSecurityProvider kerberos;
    private final SecurityProvider ntlm;
    private final ClientContextRequest request;

    private int state;
    private byte[] mechTypesDer;
    private byte[] firstMech;
    private ClientSecurityContext ctx;
    private boolean micSent;

    SpnegoClientContext(KerberosSecurityProvider kerberos, SecurityProvider ntlm, ClientContextRequest request) {
        this.kerberos = kerberos;
        this.ntlm = ntlm;
        this.request = request;
    }

    @Override
    public String peerPrincipal() {
        return request.targetName();
    }

    @Override
    public ContextStep initialize(byte[] inputToken) throws SecurityContextException {
        try {
            return switch (state) {
                case 0 -> first();
                case 1 -> second(inputToken);
                case 2 -> last(inputToken);
                default -> throw new SecurityContextException(SecurityStatus.INVALID_HANDLE,
                        "the Negotiate context is already established");
            };
        } catch (Asn1Exception e) {
            throw new SecurityContextException(SecurityStatus.INVALID_TOKEN, "malformed SPNEGO token: " + e.getMessage(), e);
        }
    }

    private ContextStep first() throws SecurityContextException {
        state = 1;
        List<byte[]> mechs = new ArrayList<>();
        byte[] optimistic = null;
        SecurityContextException kerberosFailure = null;
        if (kerberos != null && kerberos.hasClientSide() && !request.targetName().isEmpty()) {
            try {
                ClientSecurityContext k = kerberos.newKerberosClientContext(request);
                optimistic = GssFraming.frame(k.initialize(null).token(), GssFraming.TOK_AP_REQ);
                ctx = k;
                mechs.add(SpnegoTokens.MS_KRB5);
                mechs.add(SpnegoTokens.KRB5);
            } catch (SecurityContextException e) {
                // No ticket for this target: Negotiate falls back to NTLM, as SSPI does.
                kerberosFailure = e;
            }
        }
        boolean ntlmUsable = ntlm != null && request.identity() instanceof PasswordIdentity
                || ntlm != null && request.identity().isAnonymous();
        if (ntlmUsable) {
            mechs.add(SpnegoTokens.NTLM);
        }
        if (mechs.isEmpty()) {
            if (kerberosFailure != null) {
                throw kerberosFailure;
            }
            throw new SecurityContextException(SecurityStatus.UNKNOWN_CREDENTIALS,
                    "Negotiate has no mechanism for this identity and target");
        }
        if (ctx == null) {
            ctx = ntlm.newClientContext(request);
            optimistic = ctx.initialize(null).token();
        }
        mech = ctx;
        firstMech = mechs.get(0);
        mechTypesDer = SpnegoTokens.mechTypeList(mechs);
        return ContextStep.continueWith(SpnegoTokens.init(mechTypesDer, optimistic));
    }

    private ContextStep second(byte[] input) throws SecurityContextException, Asn1Exception {
        SpnegoTokens.Resp resp = SpnegoTokens.parseResp(nonEmpty(input));
        if (resp.negState().orElse(SpnegoTokens.ACCEPT_INCOMPLETE) == SpnegoTokens.REJECT) {
            throw new SecurityContextException(SecurityStatus.LOGON_DENIED, "the server rejected every offered mechanism");
        }
        byte[] selected = resp.supportedMech().orElse(firstMech);
        boolean switched = SpnegoTokens.isKerberos(firstMech) && Arrays.equals(selected, SpnegoTokens.NTLM);
        if (switched) {
            // The server cannot use our ticket and picked NTLM: start NTLM from its first token.
            if (ntlm == null || !(request.identity() instanceof PasswordIdentity)) {
                throw new SecurityContextException(SecurityStatus.LOGON_DENIED,
                        "the server chose NTLM but this identity can only do Kerberos");
            }
            ctx = ntlm.newClientContext(request);
            mech = ctx;
            return ContextStep.continueWith(SpnegoTokens.resp(null, null, ctx.initialize(null).token(), null));
        }
        byte[] mechToken = resp.responseToken().orElseThrow(() ->
                new SecurityContextException(SecurityStatus.INVALID_TOKEN, "the server sent no mechanism token"));
        ContextStep step = ctx.initialize(mechToken);
        if (!step.isComplete()) {
            return ContextStep.continueWith(SpnegoTokens.resp(null, null, step.token(), null));
        }
        state = 2;
        byte[] mic = null;
        boolean notFirst = !Arrays.equals(selected, firstMech) && !(SpnegoTokens.isKerberos(selected) && SpnegoTokens.isKerberos(firstMech));
        if (SpnegoMechanism.wantsMic(ctx, notFirst)) {
            mic = SpnegoMechanism.mic(ctx, mechTypesDer);
            micSent = true;
        }
        if (resp.negState().orElse(-1) == SpnegoTokens.ACCEPT_COMPLETED && !step.hasToken()) {
            finishWithServerMic(resp);
            return ContextStep.complete(null);
        }
        return ContextStep.continueWith(SpnegoTokens.resp(null, null, step.hasToken() ? step.token() : null, mic));
    }

    private ContextStep last(byte[] input) throws SecurityContextException, Asn1Exception {
        SpnegoTokens.Resp resp = SpnegoTokens.parseResp(nonEmpty(input));
        int st = resp.negState().orElse(SpnegoTokens.ACCEPT_COMPLETED);
        if (st == SpnegoTokens.REJECT) {
            throw new SecurityContextException(SecurityStatus.LOGON_DENIED, "the server rejected the authentication");
        }
        finishWithServerMic(resp);
        state = 3;
        return ContextStep.complete(null);
    }

    private void finishWithServerMic(SpnegoTokens.Resp resp) throws SecurityContextException {
        if (resp.mechListMic().isPresent()) {
            SpnegoMechanism.verifyMic(ctx, mechTypesDer, resp.mechListMic().get());
        } else if (micSent && !SpnegoTokens.isKerberos(firstMech)) {
            throw new SecurityContextException(SecurityStatus.LOGON_DENIED,
                    "the server did not answer our mechListMIC (possible downgrade)");
        }
        if (micSent || resp.mechListMic().isPresent()) {
            SpnegoMechanism.afterMic(ctx);
        }
        complete = true;
    }

    private static byte[] nonEmpty(byte[] input) throws SecurityContextException {
        if (input == null || input.length == 0) {
            throw new SecurityContextException(SecurityStatus.INVALID_TOKEN, "the server sent no SPNEGO token");
        }
        return input;
    }
}
