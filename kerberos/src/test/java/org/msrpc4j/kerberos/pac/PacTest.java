package org.msrpc4j.kerberos.pac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.msrpc4j.authz.Sid;
import org.msrpc4j.authz.Token;
import org.msrpc4j.kerberos.client.Principal;
import org.msrpc4j.kerberos.crypto.EncryptionType;
import org.msrpc4j.kerberos.crypto.KerberosCipher;
import org.msrpc4j.kerberos.crypto.KerberosKey;
import org.msrpc4j.kerberos.gss.KerberosCaller;
import org.msrpc4j.security.SecurityContextException;

/**
 * A PAC encoded by Samba's NDR (samba.dcerpc.krb5pac, ndr_pack of PAC_DATA with a PAC_LOGON_INFO
 * holding groups, an extra SID and a resource group), signed here with a test key.
 */
class PacTest {
    /** Generated with /usr/bin/python3 and python3-samba 4.17; signatures zero. */
    private static final String SAMBA_PAC = ""
            + "030000000000000001000000d001000038000000000000000600000010000000080200000000000007000000100000001802"
            + "00000000000001100800ccccccccc00100000000000000000200000000000000000000000000000000000000000000000000"
            + "0000000000000000000000000000000000000000000000000a000a00040002001a001a000800020000000000000000000000"
            + "00000000000000000000000000000000000000000000000000005004000001020000020000000c0002002002000000000000"
            + "00000000000000000000000006000800100002000e0010001400020018000200000000000000000000000000000000000000"
            + "00000000000000000000000000000000000000000000010000001c0002002000020001000000240002000500000000000000"
            + "0500000061006c0069006300650000000d000000000000000d00000041006c0069006300650020004c006900640064006500"
            + "6c006c000000020000000102000007000000b104000007000000040000000000000003000000440043003100000008000000"
            + "00000000070000004500580041004d0050004c004500000004000000010400000000000515000000c7353a428e6b748455a1"
            + "aec6010000002800020007000000010000000101000000000012010000000400000001040000000000051500000009000000"
            + "0800000007000000010000005802000007000020100000000000000000000000000000001000000000000000000000000000"
            + "0000";
    private static final int SERVER_SIGNATURE = 0x208 + 4;
    private static final KerberosKey KEY = new KerberosKey(EncryptionType.AES256_CTS_HMAC_SHA1_96,
            HexFormat.of().parseHex("fe697b52bc0d3ce14432ba036a92e65bbb52280990a2fa27883998d72af30161"));

    static byte[] signedPac() throws Exception {
        byte[] pac = HexFormat.of().parseHex(SAMBA_PAC);
        byte[] sig = KerberosCipher.of(KEY).checksum(KEY, 17, pac);
        System.arraycopy(sig, 0, pac, SERVER_SIGNATURE, 12);
        return pac;
    }

    @Test
    void decodesSambasLogonInfo() throws Exception {
        ValidationInfo v = Pac.verifyAndParse(signedPac(), KEY).logonInfo();
        assertThat(v.effectiveName()).isEqualTo("alice");
        assertThat(v.logonDomainName()).isEqualTo("EXAMPLE");
        assertThat(v.userSid()).isEqualTo(Sid.parse("S-1-5-21-1111111111-2222222222-3333333333-1104"));
        assertThat(v.primaryGroupId()).isEqualTo(513);
        assertThat(v.groups()).containsExactly(new ValidationInfo.Group(513, 7), new ValidationInfo.Group(1201, 7));
        assertThat(v.extraSids()).containsExactly(new ValidationInfo.ExtraSid(Sid.parse("S-1-18-1"), 7));
        assertThat(v.resourceGroupDomainSid()).contains(Sid.parse("S-1-5-21-9-8-7"));
        assertThat(v.resourceGroups()).containsExactly(new ValidationInfo.Group(600, 0x20000007));
    }

    @Test
    void tokenHasUserGroupsExtraSidsAndResourceGroups() throws Exception {
        Token t = new PacTokenSource(null).tokenFor(new KerberosCaller(Principal.parse("alice", "EXAMPLE.TEST"),
                Principal.service("host/x", "EXAMPLE.TEST"), Optional.of(signedPac()), KEY));
        assertThat(t.userName()).isEqualTo("EXAMPLE\\alice");
        assertThat(t.isEnabledMember(Sid.parse("S-1-5-21-1111111111-2222222222-3333333333-513"))).isTrue();
        assertThat(t.isEnabledMember(Sid.parse("S-1-5-21-1111111111-2222222222-3333333333-1201"))).isTrue();
        assertThat(t.isEnabledMember(Sid.parse("S-1-18-1"))).isTrue();
        assertThat(t.isEnabledMember(Sid.parse("S-1-5-21-9-8-7-600"))).isTrue();
        assertThat(t.isEnabledMember(Sid.AUTHENTICATED_USERS)).isTrue();
        assertThat(t.isEnabledMember(Sid.NETWORK)).isTrue();
        assertThat(t.groups()).anySatisfy(g -> assertThat(g.name()).isEqualTo("EXAMPLE\\Domain Users"));
    }

    @Test
    void modifiedPacOrWrongKeyIsRefused() throws Exception {
        byte[] pac = signedPac();
        pac[0x60] ^= 1;
        assertThatThrownBy(() -> Pac.verifyAndParse(pac, KEY)).isInstanceOf(PacFormatException.class)
                .hasMessageContaining("signature");
        KerberosKey other = new KerberosKey(EncryptionType.AES256_CTS_HMAC_SHA1_96, new byte[32]);
        assertThatThrownBy(() -> Pac.verifyAndParse(signedPac(), other)).isInstanceOf(PacFormatException.class);
        KerberosKey rc4 = new KerberosKey(EncryptionType.RC4_HMAC, new byte[16]);
        assertThatThrownBy(() -> Pac.verifyAndParse(signedPac(), rc4)).isInstanceOf(PacFormatException.class);
        assertThatThrownBy(() -> new PacTokenSource(null).tokenFor(new KerberosCaller(Principal.parse("alice", "R"),
                Principal.service("host/x", "R"), Optional.of(pac), KEY))).isInstanceOf(SecurityContextException.class);
    }
}
