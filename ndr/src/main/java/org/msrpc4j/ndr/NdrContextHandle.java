package org.msrpc4j.ndr;

import java.util.Objects;
import java.util.UUID;

/**
 * The 20-byte wire form of a context handle ({@code ndr_context_handle}, C706 Appendix N; [MS-RPCE] 2.2.1.1.4):
 * a 32-bit attributes word followed by a GUID in the usual mixed-endian layout. The all-zero handle
 * is the null handle, which a server returns when it closes a context.
 *
 * <p>Immutable; thread-safe.
 *
 * @param attributes the attributes word (0 in practice)
 * @param uuid       the handle's identity
 */
public record NdrContextHandle(int attributes, UUID uuid) {

    /** The null context handle (20 zero bytes). */
    public static final NdrContextHandle NULL = new NdrContextHandle(0, new UUID(0L, 0L));

    /** Size of the wire representation in bytes. */
    public static final int WIRE_SIZE = 20;

    /** Requires a non-null UUID. */
    public NdrContextHandle {
        Objects.requireNonNull(uuid, "uuid");
    }

    /** Whether this is the null handle (all 20 bytes zero). */
    public boolean isNull() {
        return attributes == 0 && uuid.getMostSignificantBits() == 0 && uuid.getLeastSignificantBits() == 0;
    }

    /** A new handle with a random UUID, as a server creates when it opens a context. */
    public static NdrContextHandle random() {
        return new NdrContextHandle(0, UUID.randomUUID());
    }
}
