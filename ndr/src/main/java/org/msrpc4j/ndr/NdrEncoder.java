package org.msrpc4j.ndr;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Objects;
import java.util.UUID;

/**
 * Writes NDR stub data (little-endian NDR 2.0) into a growable byte array.
 *
 * <p><b>Model.</b> Primitive writers align to the type's natural alignment themselves (relative to the
 * start of the stub data) and pad with zeros. A constructed type writes its scalars in declaration
 * order; an embedded pointer is written with one of the {@code write*Pointer} methods, which put the
 * referent id in place and <em>defer</em> the referent. Deferred referents are written, in order and
 * depth first, when the enclosing top-level value completes: {@link #writeTopLevel},
 * {@link #writeTopLevelUniquePointer} and {@link #writeTopLevelFullPointer} do that for each operation
 * parameter, one after another. See {@code ndr/README.md} for the code a generator emits.
 *
 * <p>Referent ids follow Samba so that encodings are byte-identical: one counter
 * n of non-null unique and full pointers per stream; a unique pointer gets {@code 0x00020000 + 4*n}, a
 * full pointer gets {@code n+1} (1, 2, 3, ... when only full pointers are used), and an embedded ref
 * pointer gets the constant {@code 0xAEF1AEF1} without counting (receivers only check it is non-zero).
 * Full pointers to the same Java object (by identity) share one id and the referent is written once, at
 * its first occurrence.
 *
 * <p>Not thread-safe: one encoder per stream.
 */
public final class NdrEncoder {
    private static final int FIRST_REFERENT_ID = 0x00020000;
    /** What Samba writes for an embedded [ref] pointer (any non-zero value is valid). */
    private static final int EMBEDDED_REF_ID = 0xAEF1AEF1;

    private final NdrTransferSyntax syntax;
    private final NdrLimits limits;
    private final DeferralQueue deferred;
    private final DeferralQueue.Runner runner = this::runDeferred;
    private byte[] buf;
    private int pos;
    /** True after {@link #toByteArray} returned {@code buf} itself: the next write must copy it first. */
    private boolean handedOut;
    private int pointerCount;  // every non-null pointer, for the limit
    private int referentSerial; // unique and full pointers, for the ids
    private IdentityHashMap<Object, Integer> fullPointerIds;

    /** An NDR 2.0 encoder with {@link NdrLimits#DEFAULT}. */
    public NdrEncoder() {
        this(NdrTransferSyntax.NDR20, NdrLimits.DEFAULT);
    }

    /**
     * An encoder for a transfer syntax.
     *
     * @throws UnsupportedOperationException for {@link NdrTransferSyntax#NDR64}, not implemented yet
     */
    public NdrEncoder(NdrTransferSyntax syntax, NdrLimits limits) {
        NdrTransferSyntax.requireSupported(Objects.requireNonNull(syntax, "syntax"));
        this.syntax = syntax;
        this.limits = Objects.requireNonNull(limits, "limits");
        this.deferred = new DeferralQueue(limits.maxNestingDepth());
        this.buf = new byte[256];
    }

    /** The transfer syntax this encoder writes. */
    public NdrTransferSyntax syntax() {
        return syntax;
    }

    /** Bytes written so far (also the current position relative to the start of the stub data). */
    public int size() {
        return pos;
    }

    /**
     * The bytes written so far, in an array the caller owns. When the buffer is exactly full (the
     * common case for a stub of one large array, whose growth is sized to fit) it is handed over
     * without a copy, and the encoder copies it before writing again.
     */
    public byte[] toByteArray() {
        if (pos == buf.length) {
            handedOut = true;
            return buf;
        }
        return Arrays.copyOf(buf, pos);
    }

    /** Overwrites four already written bytes (for length fields known only afterwards). */
    void patchInt32(int at, int v) {
        Objects.checkFromIndexSize(at, 4, pos);
        reclaim();
        buf[at] = (byte) v;
        buf[at + 1] = (byte) (v >>> 8);
        buf[at + 2] = (byte) (v >>> 16);
        buf[at + 3] = (byte) (v >>> 24);
    }

    // ------------------------------------------------------------------ alignment and raw space

    /** Pads with zero bytes up to a multiple of {@code alignment} (1, 2, 4 or 8). */
    public void align(int alignment) throws NdrException {
        int pad = (-pos) & (alignment - 1);
        if (pad != 0) {
            ensure(pad);
            // buf beyond pos is always zero (fresh array or zeroed on growth), so only advance
            pos += pad;
        }
    }

    private void ensure(int n) throws NdrException {
        long needed = (long) pos + n;
        if (needed > limits.maxTotalBytes()) {
            throw new NdrException("encoded stub data would exceed the limit of " + limits.maxTotalBytes() + " bytes");
        }
        if (needed > buf.length) {
            long grown = Math.max(needed, Math.min((long) buf.length * 2, limits.maxTotalBytes()));
            buf = Arrays.copyOf(buf, (int) grown);
            handedOut = false;
        } else {
            reclaim();
        }
    }

    /** Takes a private copy of the buffer if {@link #toByteArray} handed it out. */
    private void reclaim() {
        if (handedOut) {
            buf = buf.clone();
            handedOut = false;
        }
    }

    // ------------------------------------------------------------------ primitives

    /** boolean: one octet, 1 for true. */
    public void writeBoolean(boolean v) throws NdrException {
        writeInt8(v ? 1 : 0);
    }

    /** byte, char, small, unsigned small, __int8: one octet (low 8 bits of {@code v}). */
    public void writeInt8(int v) throws NdrException {
        ensure(1);
        buf[pos++] = (byte) v;
    }

    /** short, unsigned short, __int16: two octets aligned to 2 (low 16 bits of {@code v}). */
    public void writeInt16(int v) throws NdrException {
        align(2);
        ensure(2);
        putShort(v);
    }

    /** wchar_t: an unsigned short code unit. */
    public void writeWChar(char v) throws NdrException {
        writeInt16(v);
    }

    /** long, unsigned long, int, __int32, error_status_t: four octets aligned to 4. */
    public void writeInt32(int v) throws NdrException {
        align(4);
        ensure(4);
        putInt(v);
    }

    /** hyper, unsigned hyper, __int64: eight octets aligned to 8. */
    public void writeInt64(long v) throws NdrException {
        align(8);
        ensure(8);
        putInt((int) v);
        putInt((int) (v >>> 32));
    }

    /** float: IEEE single, aligned to 4. */
    public void writeFloat(float v) throws NdrException {
        writeInt32(Float.floatToRawIntBits(v));
    }

    /** double: IEEE double, aligned to 8. */
    public void writeDouble(double v) throws NdrException {
        writeInt64(Double.doubleToRawLongBits(v));
    }

    /**
     * A 16-bit enum (the NDR default). Values must be 0..32767 ([MS-RPCE] 2.2.4.11).
     *
     * @throws NdrException with status 1781 for a value out of range
     */
    public void writeEnum16(int v) throws NdrException {
        if (v < 0 || v > 0x7fff) {
            throw new NdrException(NdrException.RPC_X_ENUM_VALUE_OUT_OF_RANGE,
                    "enum value " + v + " is outside 0..32767", null);
        }
        writeInt16(v);
    }

    /** A {@code v1_enum}: a signed 32-bit value. */
    public void writeEnum32(int v) throws NdrException {
        writeInt32(v);
    }

    /**
     * {@code __int3264} and pointer-sized integers: four octets in NDR 2.0 ([MS-RPCE] 2.2.4.1.2).
     *
     * @throws NdrException if the value does not fit 32 bits (signed or unsigned)
     */
    public void writeInt3264(long v) throws NdrException {
        if (v < Integer.MIN_VALUE || v > 0xffffffffL) {
            throw new NdrException("__int3264 value does not fit 32 bits in NDR 2.0");
        }
        writeInt32((int) v);
    }

    /** A GUID/UUID (16 octets aligned to 4: Data1 LE, Data2 LE, Data3 LE, Data4 as is). */
    public void writeUuid(UUID uuid) throws NdrException {
        align(4);
        ensure(16);
        long msb = uuid.getMostSignificantBits();
        long lsb = uuid.getLeastSignificantBits();
        putInt((int) (msb >>> 32));
        putShort((int) (msb >>> 16));
        putShort((int) msb);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buf[pos++] = (byte) (lsb >>> shift);
        }
    }

    /** A context handle: 20 octets aligned to 4 (attributes, then the UUID). */
    public void writeContextHandle(NdrContextHandle handle) throws NdrException {
        NdrContextHandle h = handle == null ? NdrContextHandle.NULL : handle;
        writeInt32(h.attributes());
        writeUuid(h.uuid());
    }

    private void putShort(int v) {
        buf[pos++] = (byte) v;
        buf[pos++] = (byte) (v >>> 8);
    }

    private void putInt(int v) {
        buf[pos++] = (byte) v;
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) (v >>> 16);
        buf[pos++] = (byte) (v >>> 24);
    }

    // ------------------------------------------------------------------ bulk arrays (elements only)

    /** Octets of a byte/char/small array, no alignment. */
    public void writeBytes(byte[] v, int offset, int length) throws NdrException {
        Objects.checkFromIndexSize(offset, length, v.length);
        ensure(length);
        System.arraycopy(v, offset, buf, pos, length);
        pos += length;
    }

    /** All octets of {@code v}. */
    public void writeBytes(byte[] v) throws NdrException {
        writeBytes(v, 0, v.length);
    }

    /** Elements of a short array (aligned to 2 once). */
    public void writeInt16s(short[] v, int offset, int length) throws NdrException {
        Objects.checkFromIndexSize(offset, length, v.length);
        align(2);
        ensure(length * 2);
        for (int i = offset, end = offset + length; i < end; i++) {
            putShort(v[i]);
        }
    }

    /** Elements of a long (32-bit) array (aligned to 4 once). */
    public void writeInt32s(int[] v, int offset, int length) throws NdrException {
        Objects.checkFromIndexSize(offset, length, v.length);
        align(4);
        ensure(Math.multiplyExact(length, 4));
        for (int i = offset, end = offset + length; i < end; i++) {
            putInt(v[i]);
        }
    }

    /** Elements of a hyper array (aligned to 8 once). */
    public void writeInt64s(long[] v, int offset, int length) throws NdrException {
        Objects.checkFromIndexSize(offset, length, v.length);
        align(8);
        ensure(Math.multiplyExact(length, 8));
        for (int i = offset, end = offset + length; i < end; i++) {
            putInt((int) v[i]);
            putInt((int) (v[i] >>> 32));
        }
    }

    /**
     * UTF-16 code units of {@code s} as wchar_t elements (aligned to 2), without terminator.
     *
     * @throws NdrException if {@code s} contains an unpaired surrogate
     */
    public void writeWChars(CharSequence s) throws NdrException {
        int bad = Utf16.firstInvalid(s);
        if (bad >= 0) {
            throw new NdrException("invalid UTF-16: unpaired surrogate at index " + bad);
        }
        int n = s.length();
        align(2);
        ensure(Math.multiplyExact(n, 2));
        for (int i = 0; i < n; i++) {
            putShort(s.charAt(i));
        }
    }

    /**
     * Characters of an 8-bit char array (counted strings such as {@code [size_is][length_is] char *Buffer}),
     * one octet each, no terminator. Characters must be ISO-8859-1.
     */
    public void writeChars(CharSequence s) throws NdrException {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c > 0xff) {
                throw new NdrException("char value at index " + i + " is not ISO-8859-1");
            }
            buf[pos++] = (byte) c;
        }
    }

    // ------------------------------------------------------------------ conformance and variance

    /**
     * The maximum count of a conformant array or string (size_t: unsigned long aligned to 4 in NDR 2.0).
     * For a conformant structure the generated code calls this first, before the structure's fields.
     */
    public void writeConformance(long maxCount) throws NdrException {
        writeSizeT(maxCount, "maximum count");
    }

    /** The offset and actual count of a varying array or string. */
    public void writeVariance(long offset, long actualCount) throws NdrException {
        writeSizeT(offset, "offset");
        writeSizeT(actualCount, "actual count");
    }

    private void writeSizeT(long v, String what) throws NdrException {
        if (v < 0 || v > 0xffffffffL) {
            throw new NdrException(what + " " + v + " does not fit 32 bits");
        }
        writeInt32((int) v);
    }

    /**
     * The header of one chunk of an NDR {@code pipe} (C706 chapter 14): the element count; the chunk's
     * elements follow. A chunk with count 0 ends the pipe.
     */
    public void writePipeChunkCount(long count) throws NdrException {
        writeSizeT(count, "pipe chunk count");
    }

    // ------------------------------------------------------------------ strings

    /**
     * A {@code [string] wchar_t*} or {@code [string] wchar_t[]} with conformance: max count, offset 0,
     * actual count (both including the terminator), the UTF-16 code units and a zero terminator.
     */
    public void writeConformantVaryingWString(String s) throws NdrException {
        requireNoNul(s);
        long count = (long) s.length() + 1;
        writeConformance(count);
        writeVariance(0, count);
        writeWChars(s);
        writeInt16(0);
    }

    /**
     * A {@code [string] char*} with conformance. Characters must be ISO-8859-1 (the engine does not
     * guess code pages); the string gets a zero terminator.
     */
    public void writeConformantVaryingCString(String s) throws NdrException {
        long count = (long) s.length() + 1;
        writeConformance(count);
        writeVariance(0, count);
        writeLatin1(s);
        writeInt8(0);
    }

    /**
     * A {@code [string] wchar_t name[N]} (a varying string in a fixed array): offset 0, actual count
     * including terminator, which must not exceed {@code fixedCount}.
     */
    public void writeVaryingWString(String s, int fixedCount) throws NdrException {
        long count = (long) s.length() + 1;
        requireNoNul(s);
        if (count > fixedCount) {
            throw new NdrException("string of " + count + " code units does not fit a [string] array of " + fixedCount);
        }
        writeVariance(0, count);
        writeWChars(s);
        writeInt16(0);
    }

    private static void requireNoNul(String s) throws NdrException {
        int nul = s.indexOf('\0');
        if (nul >= 0) {
            throw new NdrException("[string] value has an embedded terminator at index " + nul);
        }
    }

    private void writeLatin1(String s) throws NdrException {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c > 0xff || c == 0) {
                throw new NdrException("[string] char value at index " + i + " is not a non-zero ISO-8859-1 character");
            }
            buf[pos++] = (byte) c;
        }
    }

    // ------------------------------------------------------------------ pointers

    /**
     * An embedded {@code [unique]} pointer: 0 for null, else a referent id now and the referent later.
     *
     * @return whether the pointer was non-null
     */
    public <T> boolean writeUniquePointer(T value, NdrWriter<? super T> writer) throws NdrException {
        if (value == null) {
            writeReferentId(0);
            return false;
        }
        writeReferentId(nextReferentId());
        deferred.add(writer, value, 0);
        return true;
    }

    /** An embedded {@code [unique]} pointer to a type that writes itself. */
    public boolean writeUniquePointer(NdrEncodable value) throws NdrException {
        return writeUniquePointer(value, ENCODABLE);
    }

    /**
     * An embedded {@code [ref]} pointer: a non-zero referent id now and the referent later.
     *
     * @throws NdrException with status 1780 if {@code value} is null
     */
    public <T> void writeRefPointer(T value, NdrWriter<? super T> writer) throws NdrException {
        if (value == null) {
            throw NdrException.nullRefPointer("embedded pointer");
        }
        countPointer();
        writeReferentId(EMBEDDED_REF_ID);
        deferred.add(writer, value, 0);
    }

    /** An embedded {@code [ref]} pointer to a type that writes itself. */
    public void writeRefPointer(NdrEncodable value) throws NdrException {
        writeRefPointer(value, ENCODABLE);
    }

    /**
     * An embedded full ({@code [ptr]}) pointer. Pointers to the same object (by identity) get the same
     * referent id and the referent is written once, at its first occurrence.
     *
     * @return whether this occurrence wrote (deferred) the referent
     * @throws NdrException if the object graph has a cycle through full pointers
     */
    public <T> boolean writeFullPointer(T value, NdrWriter<? super T> writer) throws NdrException {
        if (value == null) {
            writeReferentId(0);
            return false;
        }
        if (fullPointerIds == null) {
            fullPointerIds = new IdentityHashMap<>();
        }
        Integer known = fullPointerIds.get(value);
        if (known != null) {
            if (deferred.isAncestor(known)) {
                throw new NdrException("cycle through full pointers (referent id 0x" + Integer.toHexString(known) + ")");
            }
            countPointer();
            writeReferentId(known);
            return false;
        }
        int id = nextFullPointerId();
        fullPointerIds.put(value, id);
        writeReferentId(id);
        deferred.add(writer, value, id);
        return true;
    }

    /** An embedded full pointer to a type that writes itself. */
    public boolean writeFullPointer(NdrEncodable value) throws NdrException {
        return writeFullPointer(value, ENCODABLE);
    }

    /**
     * A top-level parameter passed by value or through a {@code [ref]} pointer (no referent id): the
     * value, then every referent it deferred.
     */
    public <T> void writeTopLevel(T value, NdrWriter<? super T> writer) throws NdrException {
        if (value == null) {
            throw NdrException.nullRefPointer("top-level parameter");
        }
        writer.write(this, value);
        flushDeferred();
    }

    /** A top-level constructed parameter that writes itself. */
    public void writeTopLevel(NdrEncodable value) throws NdrException {
        writeTopLevel(value, ENCODABLE);
    }

    /** A top-level {@code [unique]} pointer parameter: its referent id and, if non-null, the referent right after. */
    public <T> boolean writeTopLevelUniquePointer(T value, NdrWriter<? super T> writer) throws NdrException {
        boolean present = writeUniquePointer(value, writer);
        flushDeferred();
        return present;
    }

    /** A top-level {@code [unique]} pointer parameter to a type that writes itself. */
    public boolean writeTopLevelUniquePointer(NdrEncodable value) throws NdrException {
        return writeTopLevelUniquePointer(value, ENCODABLE);
    }

    /** A top-level full pointer parameter to a type that writes itself. */
    public boolean writeTopLevelFullPointer(NdrEncodable value) throws NdrException {
        return writeTopLevelFullPointer(value, ENCODABLE);
    }

    /** A top-level full pointer parameter; may alias referents of earlier parameters of the same stream. */
    public <T> boolean writeTopLevelFullPointer(T value, NdrWriter<? super T> writer) throws NdrException {
        boolean written = writeFullPointer(value, writer);
        flushDeferred();
        return written;
    }

    /**
     * Writes every referent deferred so far (depth first). Generated code does not need this: the
     * {@code writeTopLevel*} methods call it. Hand-written code that writes a top-level value with plain
     * calls ends it with this.
     */
    public void flushDeferred() throws NdrException {
        try {
            deferred.drain(runner);
        } catch (NdrException | RuntimeException e) {
            deferred.clear();
            throw e;
        }
    }

    /** Writes a referent id (or 0) as a pointer-sized value: four octets aligned to 4 in NDR 2.0. */
    private void writeReferentId(int id) throws NdrException {
        writeInt32(id);
    }

    private int nextReferentId() throws NdrException {
        countPointer();
        return FIRST_REFERENT_ID + 4 * referentSerial++;
    }

    private int nextFullPointerId() throws NdrException {
        countPointer();
        return ++referentSerial;
    }

    private void countPointer() throws NdrException {
        if (pointerCount >= limits.maxPointers()) {
            throw new NdrException("more than " + limits.maxPointers() + " pointers in one stream");
        }
        pointerCount++;
    }

    @SuppressWarnings("unchecked")
    private void runDeferred(Object action, Object subject, int id) throws NdrException {
        ((NdrWriter<Object>) action).write(this, subject);
    }

    private static final NdrWriter<NdrEncodable> ENCODABLE = (enc, v) -> v.encode(enc);
}
