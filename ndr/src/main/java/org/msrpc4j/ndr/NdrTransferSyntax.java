package org.msrpc4j.ndr;

import java.util.UUID;

/**
 * The transfer syntax negotiated for a presentation context. The encoder and decoder take it as a
 * parameter so that generated code, which only calls size-neutral methods such as
 * {@link NdrEncoder#writeConformance(long)} and the pointer methods, stays the same when NDR64 is added.
 *
 * <p>Immutable; thread-safe.
 */
public enum NdrTransferSyntax {
    /** NDR 2.0 (C706 chapter 14), the only syntax implemented today. */
    NDR20(UUID.fromString("8a885d04-1ceb-11c9-9fe8-08002b104860"), 2, 0),
    /** NDR64 ([MS-RPCE] 2.2.5); reserved: encoders and decoders reject it until implemented. */
    NDR64(UUID.fromString("71710533-beba-4937-8319-b5dbef9ccc36"), 1, 0);

    private final UUID uuid;
    private final int versionMajor;
    private final int versionMinor;

    NdrTransferSyntax(UUID uuid, int versionMajor, int versionMinor) {
        this.uuid = uuid;
        this.versionMajor = versionMajor;
        this.versionMinor = versionMinor;
    }

    /** The syntax identifier used in bind PDUs. */
    public UUID uuid() {
        return uuid;
    }

    /** Major version of the syntax identifier. */
    public int versionMajor() {
        return versionMajor;
    }

    /** Minor version of the syntax identifier. */
    public int versionMinor() {
        return versionMinor;
    }

    static void requireSupported(NdrTransferSyntax syntax) {
        if (syntax != NDR20) {
            throw new UnsupportedOperationException(syntax + " is not implemented yet; negotiate NDR20");
        }
    }
}
