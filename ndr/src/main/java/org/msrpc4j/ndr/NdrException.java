package org.msrpc4j.ndr;

/**
 * The one error type of the NDR engine: malformed or over-limit stub data on decode, and values that
 * cannot be represented on encode.
 *
 * <p>It maps to the Windows RPC status {@link #status()}: every decoding error is
 * {@link #RPC_X_BAD_STUB_DATA} (1783, 0x6f7), the status a server sends in its fault. Two local
 * encoding errors carry the status a Windows client stub raises instead: a null value where the IDL
 * demands a {@code [ref]} pointer ({@link #RPC_X_NULL_REF_POINTER}, 1780) and a 16-bit enum value
 * outside 0..32767 ({@link #RPC_X_ENUM_VALUE_OUT_OF_RANGE}, 1781).
 *
 * <p>Messages describe the structure of the data (counts, offsets, positions) and never contain
 * decoded payload bytes, so they are safe to log even when the stub data carries secrets.
 *
 * <p>Immutable; thread-safe.
 */
public final class NdrException extends Exception {
    private static final long serialVersionUID = 1L;

    /** RPC_X_BAD_STUB_DATA: the stub received bad data. */
    public static final int RPC_X_BAD_STUB_DATA = 1783;
    /** RPC_X_NULL_REF_POINTER: a null reference pointer was passed to the stub. */
    public static final int RPC_X_NULL_REF_POINTER = 1780;
    /** RPC_X_ENUM_VALUE_OUT_OF_RANGE: the enumeration value is out of range. */
    public static final int RPC_X_ENUM_VALUE_OUT_OF_RANGE = 1781;

    private final int status;

    /** Bad stub data with a description of what was wrong. */
    public NdrException(String message) {
        this(RPC_X_BAD_STUB_DATA, message, null);
    }

    /** Bad stub data caused by another failure (for example an unexpected runtime exception). */
    public NdrException(String message, Throwable cause) {
        this(RPC_X_BAD_STUB_DATA, message, cause);
    }

    /** An error with an explicit RPC status (one of the constants of this class). */
    public NdrException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The Windows RPC status this error maps to on the wire (1783 unless stated otherwise). */
    public int status() {
        return status;
    }

    /** A union discriminant that selects no arm and the union has no {@code default}. */
    public static NdrException badDiscriminant(String unionName, long discriminant) {
        return new NdrException("bad union discriminant " + discriminant + " for " + unionName);
    }

    /** A null value where the IDL requires a {@code [ref]} pointer. */
    public static NdrException nullRefPointer(String what) {
        return new NdrException(RPC_X_NULL_REF_POINTER, "null [ref] pointer: " + what, null);
    }
}
