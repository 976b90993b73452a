package org.msrpc4j.kerberos;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.msrpc4j.kerberos.asn1.Asn1Exception;
import org.msrpc4j.kerberos.asn1.DerValue;
import org.msrpc4j.kerberos.asn1.KdcReply;
import org.msrpc4j.kerberos.asn1.KerberosAsn1;
import org.msrpc4j.kerberos.asn1.KrbCred;
import org.msrpc4j.kerberos.client.CredentialCache;
import org.msrpc4j.kerberos.client.KerberosException;
import org.msrpc4j.kerberos.client.Keytab;
import org.msrpc4j.kerberos.client.Krb5Config;
import org.msrpc4j.kerberos.crypto.EncryptionType;
import org.msrpc4j.kerberos.crypto.KerberosKey;
import org.msrpc4j.kerberos.gss.GssChecksum;
import org.msrpc4j.kerberos.gss.GssFraming;
import org.msrpc4j.kerberos.pac.Pac;
import org.msrpc4j.kerberos.pac.PacFormatException;
import org.msrpc4j.kerberos.spnego.SpnegoTokens;

/** Every parser of untrusted bytes fails with its checked exception, never an unchecked one. */
class HostileInputTest {
    private static final KerberosKey KEY = new KerberosKey(EncryptionType.AES256_CTS_HMAC_SHA1_96, new byte[32]);

    /** Random bytes, and random bytes behind plausible leading tags so that parsing goes deeper. */
    private static byte[] shaped(byte[] b, int tag) {
        if (b.length > 2) {
            b[0] = (byte) tag;
        }
        return b;
    }

    @Property(tries = 300)
    void asn1Parsers(@ForAll @Size(max = 300) byte[] bytes) {
        for (int tag : new int[] {0x30, 0x62, 0x6e, 0x6f, 0x6b, 0x76, 0x79, 0x7b, 0x60, 0xa0, 0xa1}) {
            byte[] b = shaped(bytes.clone(), tag);
            expectChecked(() -> DerValue.parse(b).children());
            expectChecked(() -> KerberosAsn1.authenticator(b));
            expectChecked(() -> KerberosAsn1.apReq(b));
            expectChecked(() -> KerberosAsn1.apRep(b));
            expectChecked(() -> KerberosAsn1.encApRepPart(b));
            expectChecked(() -> KdcReply.parse(b));
            expectChecked(() -> KdcReply.parseEncPart(b));
            expectChecked(() -> KrbCred.parse(b));
            expectChecked(() -> KrbCred.ticket(b, b));
            expectChecked(() -> GssFraming.unframe(b));
            expectChecked(() -> SpnegoTokens.parseInit(b));
            expectChecked(() -> SpnegoTokens.parseResp(b));
            expectChecked(() -> GssChecksum.decode(b));
        }
    }

    @Property(tries = 300)
    void fileAndPacParsers(@ForAll @Size(max = 400) byte[] bytes) {
        byte[] cc = bytes.clone();
        byte[] kt = bytes.clone();
        if (cc.length > 2) {
            cc[0] = 5;
            cc[1] = 4;
            kt[0] = 5;
            kt[1] = 2;
        }
        expectChecked(() -> CredentialCache.parse(cc));
        expectChecked(() -> Keytab.parse(kt));
        byte[] pac = bytes.clone();
        if (pac.length > 8) {
            pac[0] = 2;
            pac[1] = pac[2] = pac[3] = pac[4] = pac[5] = pac[6] = pac[7] = 0;
        }
        expectChecked(() -> Pac.verifyAndParse(pac, KEY));
        Krb5Config.parse(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    @FunctionalInterface
    interface Parse {
        void run() throws Exception;
    }

    private static void expectChecked(Parse p) {
        try {
            p.run();
        } catch (Asn1Exception | KerberosException | PacFormatException expected) {
            // The documented failure.
        } catch (Exception e) {
            throw new AssertionError("unexpected " + e, e);
        }
    }
}
