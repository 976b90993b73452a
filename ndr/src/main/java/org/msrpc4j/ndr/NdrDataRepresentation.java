package org.msrpc4j.ndr;

/**
 * The data representation label (DCE "drep", the first three bytes of the format label in every PDU
 * header). The engine implements only little-endian integers, ASCII characters and IEEE floats, which
 * is what every Windows, Samba and Impacket peer sends.
 *
 * <p>Stateless; thread-safe.
 */
public final class NdrDataRepresentation {
    /** The drep bytes this engine produces: little-endian, ASCII, IEEE (0x10 0x00 0x00 0x00). */
    public static final byte[] LITTLE_ENDIAN_ASCII_IEEE = {0x10, 0x00, 0x00, 0x00};

    private NdrDataRepresentation() {
    }

    /**
     * Rejects any data representation other than little-endian/ASCII/IEEE.
     *
     * @param drep0 first drep byte: integer representation in the high nibble, character set in the low
     * @param drep1 second drep byte: floating-point representation
     * @throws NdrException naming what is unsupported
     */
    public static void requireLittleEndian(int drep0, int drep1) throws NdrException {
        int integer = (drep0 >> 4) & 0x0f;
        int character = drep0 & 0x0f;
        if (integer != 1) {
            throw new NdrException("unsupported NDR data representation: big-endian integers (drep[0]=0x"
                    + Integer.toHexString(drep0 & 0xff) + "); only little-endian is implemented");
        }
        if (character != 0) {
            throw new NdrException("unsupported NDR data representation: EBCDIC characters; only ASCII is implemented");
        }
        if ((drep1 & 0xff) != 0) {
            throw new NdrException("unsupported NDR data representation: floating-point format "
                    + (drep1 & 0xff) + "; only IEEE is implemented");
        }
    }
}
