package org.msrpc4j.kerberos.spnego;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.msrpc4j.kerberos.asn1.Asn1Exception;
import org.msrpc4j.kerberos.asn1.Der;
import org.msrpc4j.kerberos.asn1.DerValue;

/**
 * SPNEGO (RFC 4178) NegTokenInit and NegTokenResp encodings and the mechanism OIDs. The initiator's
 * mechTypes are kept as they were encoded, since the mechListMIC covers exactly those bytes.
 * Stateless; thread-safe.
 */
public final class SpnegoTokens {
    /** 1.3.6.1.5.5.2. */
    public static final byte[] SPNEGO = HexFormat.of().parseHex("2b0601050502");
    /** 1.2.840.113554.1.2.2. */
    public static final byte[] KRB5 = HexFormat.of().parseHex("2a864886f712010202");
    /** 1.2.840.48018.1.2.2. */
    public static final byte[] MS_KRB5 = HexFormat.of().parseHex("2a864882f712010202");
    /** 1.3.6.1.4.1.311.2.2.10. */
    public static final byte[] NTLM = HexFormat.of().parseHex("2b06010401823702020a");

    /** negState accept-completed. */
    public static final int ACCEPT_COMPLETED = 0;
    /** negState accept-incomplete. */
    public static final int ACCEPT_INCOMPLETE = 1;
    /** negState reject. */
    public static final int REJECT = 2;
    /** negState request-mic. */
    public static final int REQUEST_MIC = 3;

    private SpnegoTokens() {
    }

    /** @return whether the OID is one of the two Kerberos OIDs */
    public static boolean isKerberos(byte[] oid) {
        return Arrays.equals(oid, KRB5) || Arrays.equals(oid, MS_KRB5);
    }

    /**
     * A NegTokenInit.
     *
     * @param mechTypes the mechanism OIDs (DER bodies) in preference order
     * @param mechTypesDer the DER encoding of the MechTypeList, as sent
     * @param mechToken the optimistic token, if any
     * @param mechListMic the MIC, if any
     */
    public record Init(List<byte[]> mechTypes, byte[] mechTypesDer, Optional<byte[]> mechToken, Optional<byte[]> mechListMic) {
    }

    /**
     * A NegTokenResp.
     *
     * @param negState the state, if present
     * @param supportedMech the selected mechanism OID body, if present
     * @param responseToken the mechanism token, if present
     * @param mechListMic the MIC, if present
     */
    public record Resp(Optional<Integer> negState, Optional<byte[]> supportedMech, Optional<byte[]> responseToken,
            Optional<byte[]> mechListMic) {
    }

    /** @return the DER MechTypeList for the OIDs */
    public static byte[] mechTypeList(List<byte[]> oids) {
        List<byte[]> parts = new ArrayList<>();
        for (byte[] o : oids) {
            parts.add(Der.oid(o));
        }
        return Der.sequence(parts.toArray(new byte[0][]));
    }

    /** @return the initial token: GSS framing with the SPNEGO OID around NegTokenInit */
    public static byte[] init(byte[] mechTypesDer, byte[] mechToken) {
        List<byte[]> parts = new ArrayList<>();
        parts.add(Der.context(0, mechTypesDer));
        if (mechToken != null) {
            parts.add(Der.context(2, Der.octets(mechToken)));
        }
        return Der.tlv(0x60, Der.oid(SPNEGO), Der.context(0, Der.sequence(parts.toArray(new byte[0][]))));
    }

    /** @return a NegTokenResp ([1]) */
    public static byte[] resp(Integer negState, byte[] supportedMech, byte[] responseToken, byte[] mic) {
        List<byte[]> parts = new ArrayList<>();
        if (negState != null) {
            parts.add(Der.context(0, Der.enumerated(negState)));
        }
        if (supportedMech != null) {
            parts.add(Der.context(1, Der.oid(supportedMech)));
        }
        if (responseToken != null) {
            parts.add(Der.context(2, Der.octets(responseToken)));
        }
        if (mic != null) {
            parts.add(Der.context(3, Der.octets(mic)));
        }
        return Der.context(1, Der.sequence(parts.toArray(new byte[0][])));
    }

    /**
     * Parses an initial token (with or without the GSS framing).
     *
     * @param token untrusted bytes
     * @return the NegTokenInit
     * @throws Asn1Exception when malformed
     */
    public static Init parseInit(byte[] token) throws Asn1Exception {
        DerValue v = DerValue.parse(token);
        DerValue init;
        if (v.tag() == 0x60) {
            byte[] content = v.content();
            DerValue oid = DerValue.parsePrefix(content, 0).expect(0x06);
            if (!Arrays.equals(oid.content(), SPNEGO)) {
                throw new Asn1Exception("not a SPNEGO token");
            }
            init = DerValue.parsePrefix(content, oid.end());
            if (init.end() != content.length) {
                throw new Asn1Exception("trailing bytes after NegTokenInit");
            }
        } else {
            init = v;
        }
        DerValue seq = init.expect(0xa0).inner().expect(Der.SEQUENCE);
        DerValue types = seq.required(0).expect(Der.SEQUENCE);
        List<byte[]> oids = new ArrayList<>();
        for (DerValue o : types.children()) {
            oids.add(o.expect(0x06).content());
        }
        if (oids.isEmpty() || oids.size() > 32) {
            throw new Asn1Exception("NegTokenInit with " + oids.size() + " mechanisms");
        }
        Optional<DerValue> tok = seq.field(2);
        Optional<DerValue> mic = seq.field(3);
        return new Init(oids, types.encoded(), tok.isPresent() ? Optional.of(tok.get().asOctets()) : Optional.empty(),
                mic.isPresent() ? Optional.of(mic.get().asOctets()) : Optional.empty());
    }

    /**
     * @param token untrusted bytes
     * @return the NegTokenResp
     * @throws Asn1Exception when malformed
     */
    public static Resp parseResp(byte[] token) throws Asn1Exception {
        DerValue seq = DerValue.parse(token).expect(0xa1).inner().expect(Der.SEQUENCE);
        Optional<DerValue> state = seq.field(0);
        Optional<DerValue> mech = seq.field(1);
        Optional<DerValue> tok = seq.field(2);
        Optional<DerValue> mic = seq.field(3);
        return new Resp(state.isPresent() ? Optional.of((int) state.get().expect(0x0a).asLong()) : Optional.empty(),
                mech.isPresent() ? Optional.of(mech.get().expect(0x06).content()) : Optional.empty(),
                tok.isPresent() ? Optional.of(tok.get().asOctets()) : Optional.empty(),
                mic.isPresent() ? Optional.of(mic.get().asOctets()) : Optional.empty());
    }
}
