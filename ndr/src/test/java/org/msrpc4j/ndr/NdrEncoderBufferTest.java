package org.msrpc4j.ndr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@link NdrEncoder#toByteArray} may hand over its buffer without a copy when it is exactly full;
 * what it returned must never change when the encoder goes on writing or patching.
 */
class NdrEncoderBufferTest {

    @Test
    void aHandedOverBufferIsNotChangedByLaterWrites() throws Exception {
        NdrEncoder e = new NdrEncoder();
        e.writeInt32(7);
        e.writeConformance(300);
        e.writeBytes(new byte[300]); // grows to exactly 308 bytes
        byte[] first = e.toByteArray();
        assertThat(first).hasSize(308);
        e.writeInt32(0x11223344);
        e.patchInt32(0, 0x55667788);
        byte[] second = e.toByteArray();
        assertThat(first).hasSize(308);
        assertThat(first[0]).isEqualTo((byte) 7);
        assertThat(second).hasSize(312);
        assertThat(second[0]).isEqualTo((byte) 0x88);
        assertThat(second[308]).isEqualTo((byte) 0x44);
    }

    @Test
    void patchingRightAfterHandingOverCopiesFirst() throws Exception {
        NdrEncoder e = new NdrEncoder();
        e.writeBytes(new byte[256]); // exactly the initial capacity
        byte[] first = e.toByteArray();
        e.patchInt32(4, -1);
        assertThat(first[4]).isZero();
        assertThat(e.toByteArray()[4]).isEqualTo((byte) -1);
    }
}
