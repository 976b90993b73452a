package org.msrpc4j.kerberos.gss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.msrpc4j.kerberos.crypto.EncryptionType;
import org.msrpc4j.kerberos.crypto.KerberosKey;
import org.msrpc4j.security.MessageSegment;

/**
 * Tokens made by an independent implementation (Impacket's krb5/gssapi.py, run with the system
 * Python) are accepted by our acceptor: AES Wrap in Impacket's EC=0 form, RC4 Wrap and MIC. Skipped
 * when Impacket is not installed (unless CI=true).
 */
class ImpacketCrossCheckTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final String KEY_AES = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
    private static final String KEY_RC4 = "8846f7eaee8fb117ad06bdd830b7586c";
    private static final String DATA = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

    private static String python(String script) throws IOException, InterruptedException {
        boolean ci = "true".equals(System.getenv("CI"));
        assumeTrue(ci || Files.isExecutable(PYTHON), "no /usr/bin/python3");
        Process p = new ProcessBuilder(PYTHON.toString(), "-c", script).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        p.waitFor(60, TimeUnit.SECONDS);
        assumeTrue(ci || !out.contains("No module named"), "Impacket not installed");
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    @Test
    void acceptsImpacketAes256WrapToken() throws Exception {
        String out = python(String.join("\n",
                "from impacket.krb5 import gssapi, crypto",
                "from binascii import hexlify, unhexlify",
                "k = crypto.Key(18, unhexlify('" + KEY_AES + "'))",
                "c, t = gssapi.GSSAPI_AES256().GSS_Wrap(k, unhexlify('" + DATA + "'), 7)",
                "print(hexlify(c).decode(), hexlify(t).decode())"));
        String[] parts = out.split(" ");
        byte[] cipher = hex(parts[0]);
        byte[] token = hex(parts[1]);
        KerberosKey key = new KerberosKey(EncryptionType.AES256_CTS_HMAC_SHA1_96, hex(KEY_AES));
        // Impacket's initiator uses the session key directly but sets the AcceptorSubkey flag.
        CfxMessageProtection acceptor = new CfxMessageProtection(key, false, true, 0, 7);
        acceptor.unwrap(List.of(MessageSegment.of(org.msrpc4j.security.SegmentKind.DATA, cipher),
                MessageSegment.of(org.msrpc4j.security.SegmentKind.TOKEN, token)));
        assertThat(cipher).isEqualTo(hex(DATA));
    }

    @Test
    void acceptsImpacketRc4WrapAndMicTokens() throws Exception {
        String out = python(String.join("\n",
                "from impacket.krb5 import gssapi, crypto",
                "from binascii import hexlify, unhexlify",
                "k = crypto.Key(23, unhexlify('" + KEY_RC4 + "'))",
                "g = gssapi.GSSAPI_RC4()",
                "c, t = g.GSS_Wrap(k, unhexlify('" + DATA + "'), 3)",
                "m = g.GSS_GetMIC(k, unhexlify('" + DATA + "'), 4)",
                "print(hexlify(c).decode(), hexlify(t).decode(), hexlify(m).decode())"));
        String[] parts = out.split(" ");
        byte[] cipher = hex(parts[0]);
        KerberosKey key = new KerberosKey(EncryptionType.RC4_HMAC, hex(KEY_RC4));
        Rc4MessageProtection acceptor = new Rc4MessageProtection(key, false, 0, 3);
        acceptor.unwrap(List.of(MessageSegment.of(org.msrpc4j.security.SegmentKind.DATA, cipher),
                MessageSegment.of(org.msrpc4j.security.SegmentKind.TOKEN, hex(parts[1]))));
        assertThat(cipher).isEqualTo(hex(DATA));
        acceptor.verifyMic(List.of(MessageSegment.of(org.msrpc4j.security.SegmentKind.DATA, hex(DATA)),
                MessageSegment.of(org.msrpc4j.security.SegmentKind.TOKEN, hex(parts[2]))));
    }
}
