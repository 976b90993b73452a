package org.msrpc4j.ndr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.msrpc4j.ndr.types.LsaString;

class SmokeTest {
    @Test
    void lsaStringMatchesSambaBytes() throws Exception {
        // /usr/bin/python3: ndr_pack(lsa.String(string="abc"))
        byte[] samba = Hex.bytes("0600060000000200030000000000000003000000610062006300");
        NdrEncoder e = new NdrEncoder();
        e.writeTopLevel(LsaString.of("abc"));
        assertThat(Hex.of(e.toByteArray())).isEqualTo(Hex.of(samba));
        LsaString back = new NdrDecoder(samba).readTopLevel(LsaString::decode);
        assertThat(back).isEqualTo(LsaString.of("abc"));
    }
}
