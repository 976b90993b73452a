package org.msrpc4j.ndr;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Reads NDR stub data (little-endian NDR 2.0) from a byte array. The mirror image of
 * {@link NdrEncoder}: primitive readers align themselves, embedded pointers read a referent id now
 * and deliver the referent later to a sink (usually a setter lambda), and the {@code readTopLevel*}
 * methods read one operation parameter together with everything it deferred.
 *
 * <p><b>Untrusted input.</b> Every read is bounds-checked; counts are checked against
 * {@link NdrLimits} and against the bytes actually remaining before any array or string is allocated
 * ({@link #checkCount}), so a conformance of 0x7fffffff allocates nothing. Full pointers that refer
 * back to a referent still being decoded (cycles) and one referent id used for two types are rejected.
 * Every failure is an {@link NdrException}; the top-level methods also convert an unexpected runtime
 * exception from generated code into one, so nothing unchecked escapes.
 *
 * <p>Not thread-safe: one decoder per stream.
 */
public final class NdrDecoder {
    private final NdrTransferSyntax syntax;
    private final NdrLimits limits;
    private final byte[] data;
    private final int start;
    private final int end;
    private final DeferralQueue deferred;
    private final DeferralQueue.Runner runner = this::runDeferred;
    private int pos;
    private int pointerCount;
    private HashMap<Integer, FullPointerSlot> fullPointers;

    /** An NDR 2.0 decoder over all of {@code data} with {@link NdrLimits#DEFAULT}. */
    public NdrDecoder(byte[] data) throws NdrException {
        this(data, 0, data.length, NdrTransferSyntax.NDR20, NdrLimits.DEFAULT);
    }

    /**
     * A decoder over {@code data[offset, offset+length)}; alignment is relative to {@code offset}
     * (the start of the stub data).
     *
     * @throws NdrException if {@code length} exceeds {@link NdrLimits#maxTotalBytes()}
     * @throws UnsupportedOperationException for {@link NdrTransferSyntax#NDR64}, not implemented yet
     */
    public NdrDecoder(byte[] data, int offset, int length, NdrTransferSyntax syntax, NdrLimits limits)
            throws NdrException {
        Objects.checkFromIndexSize(offset, length, data.length);
        NdrTransferSyntax.requireSupported(Objects.requireNonNull(syntax, "syntax"));
        this.limits = Objects.requireNonNull(limits, "limits");
        if (length > limits.maxTotalBytes()) {
            throw new NdrException("stub data of " + length + " bytes exceeds the limit of " + limits.maxTotalBytes());
        }
        this.syntax = syntax;
        this.data = data;
        this.start = offset;
        this.end = offset + length;
        this.pos = offset;
        this.deferred = new DeferralQueue(limits.maxNestingDepth());
    }

    /** The transfer syntax this decoder reads. */
    public NdrTransferSyntax syntax() {
        return syntax;
    }

    /** The limits in force. */
    public NdrLimits limits() {
        return limits;
    }

    /** Current position relative to the start of the stub data. */
    public int position() {
        return pos - start;
    }

    /** Bytes not yet read. */
    public int remaining() {
        return end - pos;
    }

    /** Fails unless every byte has been read (use after the last parameter when trailing data is an error). */
    public void requireFullyConsumed() throws NdrException {
        if (pos != end) {
            throw new NdrException((end - pos) + " unexpected bytes after the stub data at offset " + position());
        }
    }

    // ------------------------------------------------------------------ alignment and raw space

    /** Skips padding up to a multiple of {@code alignment} (1, 2, 4 or 8) from the start of the stub data. */
    public void align(int alignment) throws NdrException {
        int pad = (-(pos - start)) & (alignment - 1);
        need(pad);
        pos += pad;
    }

    private void need(int n) throws NdrException {
        if (n > end - pos) {
            throw new NdrException("stub data truncated: need " + n + " bytes at offset " + position()
                    + ", " + (end - pos) + " remain");
        }
    }

    // ------------------------------------------------------------------ primitives

    /** boolean: one octet, non-zero is true. */
    public boolean readBoolean() throws NdrException {
        return readInt8() != 0;
    }

    /** small, __int8, signed char: one octet, sign-extended. */
    public byte readInt8() throws NdrException {
        need(1);
        return data[pos++];
    }

    /** byte, char, unsigned small: one octet, 0..255. */
    public int readUInt8() throws NdrException {
        return readInt8() & 0xff;
    }

    /** short, __int16: two octets aligned to 2, sign-extended. */
    public short readInt16() throws NdrException {
        align(2);
        need(2);
        return (short) getShort();
    }

    /** unsigned short: two octets aligned to 2, 0..65535. */
    public int readUInt16() throws NdrException {
        return readInt16() & 0xffff;
    }

    /** wchar_t: one UTF-16 code unit. */
    public char readWChar() throws NdrException {
        return (char) readInt16();
    }

    /** long, int, __int32: four octets aligned to 4. */
    public int readInt32() throws NdrException {
        align(4);
        need(4);
        return getInt();
    }

    /** unsigned long: four octets aligned to 4, 0..2^32-1. */
    public long readUInt32() throws NdrException {
        return readInt32() & 0xffffffffL;
    }

    /** hyper, __int64: eight octets aligned to 8. */
    public long readInt64() throws NdrException {
        align(8);
        need(8);
        long lo = getInt() & 0xffffffffL;
        long hi = getInt();
        return (hi << 32) | lo;
    }

    /** float: IEEE single aligned to 4. */
    public float readFloat() throws NdrException {
        return Float.intBitsToFloat(readInt32());
    }

    /** double: IEEE double aligned to 8. */
    public double readDouble() throws NdrException {
        return Double.longBitsToDouble(readInt64());
    }

    /**
     * A 16-bit enum. Values above 32767 are rejected ([MS-RPCE] 2.2.4.11) as bad stub data, like every
     * other decoding error.
     */
    public int readEnum16() throws NdrException {
        int v = readUInt16();
        if (v > 0x7fff) {
            throw new NdrException("enum value " + v + " is outside 0..32767");
        }
        return v;
    }

    /** A {@code v1_enum}: a signed 32-bit value. */
    public int readEnum32() throws NdrException {
        return readInt32();
    }

    /** {@code __int3264}: four octets in NDR 2.0, sign-extended (use {@link #readUInt32()} for unsigned). */
    public long readInt3264() throws NdrException {
        return readInt32();
    }

    /** A GUID/UUID: 16 octets aligned to 4 (Data1 LE, Data2 LE, Data3 LE, Data4 as is). */
    public UUID readUuid() throws NdrException {
        align(4);
        need(16);
        long d1 = getInt() & 0xffffffffL;
        long d2 = getShort() & 0xffffL;
        long d3 = getShort() & 0xffffL;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            lsb = (lsb << 8) | (data[pos++] & 0xff);
        }
        return new UUID((d1 << 32) | (d2 << 16) | d3, lsb);
    }

    /** A context handle: 20 octets aligned to 4. */
    public NdrContextHandle readContextHandle() throws NdrException {
        int attributes = readInt32();
        return new NdrContextHandle(attributes, readUuid());
    }

    private int getShort() {
        int v = (data[pos] & 0xff) | (data[pos + 1] & 0xff) << 8;
        pos += 2;
        return v;
    }

    private int getInt() {
        int v = (data[pos] & 0xff) | (data[pos + 1] & 0xff) << 8 | (data[pos + 2] & 0xff) << 16 | (data[pos + 3] & 0xff) << 24;
        pos += 4;
        return v;
    }

    // ------------------------------------------------------------------ counts

    /**
     * Validates an element count read from the wire before anything is allocated for it: it must be at
     * most {@link NdrLimits#maxElementCount()} and the elements, at {@code minWireSize} bytes each
     * (use 1 when unsure), must fit in the bytes remaining.
     *
     * @return the count as an int
     */
    public int checkCount(long count, int minWireSize) throws NdrException {
        if (count < 0 || count > limits.maxElementCount()) {
            throw new NdrException("element count " + count + " exceeds the limit of " + limits.maxElementCount());
        }
        if (count * Math.max(1, minWireSize) > end - pos) {
            throw new NdrException("element count " + count + " needs more bytes than the " + (end - pos)
                    + " remaining at offset " + position());
        }
        return (int) count;
    }

    /**
     * Checks a correlation: a value on the wire (a conformance, an actual count, a switch) must equal
     * what the IDL expression over other fields gives, e.g. {@code size_is(size/2)}.
     */
    public static void checkCorrelation(long onWire, long expected, String what) throws NdrException {
        if (onWire != expected) {
            throw new NdrException(what + ": wire value " + onWire + " does not match the expected " + expected);
        }
    }

    /** Checks a {@code [range(low, high)]} constraint. */
    public static void checkRange(long value, long low, long high, String what) throws NdrException {
        if (value < low || value > high) {
            throw new NdrException(what + " " + value + " outside [range(" + low + ", " + high + ")]");
        }
    }

    // ------------------------------------------------------------------ conformance and variance

    /** The maximum count of a conformant array or string (unsigned, not yet checked against limits). */
    public long readConformance() throws NdrException {
        return readUInt32();
    }

    /** The offset of a varying array or string. */
    public long readVarianceOffset() throws NdrException {
        return readUInt32();
    }

    /**
     * The actual count of a varying array or string, checked so that {@code offset + actual <= maxCount}
     * and against the limits and remaining bytes ({@code minWireSize} per element).
     */
    public int readVarianceCount(long maxCount, long offset, int minWireSize) throws NdrException {
        long actual = readUInt32();
        if (offset + actual > maxCount) {
            throw new NdrException("varying array: offset " + offset + " + actual count " + actual
                    + " exceeds the maximum count " + maxCount);
        }
        return checkCount(actual, minWireSize);
    }

    /**
     * The header of one chunk of an NDR {@code pipe}: the element count, checked against the limits and the
     * bytes remaining at {@code minWireSize} bytes per element. 0 marks the end of the pipe.
     */
    public int readPipeChunkCount(int minWireSize) throws NdrException {
        return checkCount(readUInt32(), minWireSize);
    }

    // ------------------------------------------------------------------ bulk arrays (elements only)

    /** {@code count} octets (count already validated or validated here). */
    public byte[] readBytes(long count) throws NdrException {
        int n = checkCount(count, 1);
        byte[] v = new byte[n];
        System.arraycopy(data, pos, v, 0, n);
        pos += n;
        return v;
    }

    /** {@code count} shorts (aligned to 2 once). */
    public short[] readInt16s(long count) throws NdrException {
        align(2);
        int n = checkCount(count, 2);
        short[] v = new short[n];
        for (int i = 0; i < n; i++) {
            v[i] = (short) getShort();
        }
        return v;
    }

    /** {@code count} 32-bit longs (aligned to 4 once). */
    public int[] readInt32s(long count) throws NdrException {
        align(4);
        int n = checkCount(count, 4);
        int[] v = new int[n];
        for (int i = 0; i < n; i++) {
            v[i] = getInt();
        }
        return v;
    }

    /** {@code count} hypers (aligned to 8 once). */
    public long[] readInt64s(long count) throws NdrException {
        align(8);
        int n = checkCount(count, 8);
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            long lo = getInt() & 0xffffffffL;
            v[i] = ((long) getInt() << 32) | lo;
        }
        return v;
    }

    /**
     * {@code count} wchar_t code units as a String (aligned to 2), no terminator expected.
     *
     * @throws NdrException if the code units are not valid UTF-16 (unpaired surrogate)
     */
    public String readWChars(long count) throws NdrException {
        align(2);
        int n = checkCount(count, 2);
        char[] chars = new char[n];
        for (int i = 0; i < n; i++) {
            chars[i] = (char) getShort();
        }
        int bad = Utf16.firstInvalid(chars, n);
        if (bad >= 0) {
            throw new NdrException("invalid UTF-16: unpaired surrogate at code unit " + bad);
        }
        return new String(chars);
    }

    /** {@code count} 8-bit chars as an ISO-8859-1 String (counted char arrays), no terminator expected. */
    public String readChars(long count) throws NdrException {
        int n = checkCount(count, 1);
        String s = new String(data, pos, n, StandardCharsets.ISO_8859_1);
        pos += n;
        return s;
    }

    // ------------------------------------------------------------------ strings

    /**
     * A conformant varying {@code [string] wchar_t}: max count, offset (must be 0), actual count
     * (at least 1, at most max), the code units and a zero terminator, which must be the last code unit
     * and the only zero.
     */
    public String readConformantVaryingWString() throws NdrException {
        long max = readConformance();
        return readStringBody(max, true);
    }

    /** A conformant varying {@code [string] char}, decoded as ISO-8859-1. */
    public String readConformantVaryingCString() throws NdrException {
        long max = readConformance();
        return readStringBody(max, false);
    }

    /** A varying {@code [string] wchar_t name[fixedCount]}. */
    public String readVaryingWString(int fixedCount) throws NdrException {
        return readStringBody(fixedCount, true);
    }

    private String readStringBody(long max, boolean wide) throws NdrException {
        long offset = readVarianceOffset();
        if (offset != 0) {
            throw new NdrException("[string] offset must be 0, got " + offset);
        }
        int n = readVarianceCount(max, offset, wide ? 2 : 1);
        if (n == 0) {
            throw new NdrException("[string] with actual count 0 has no terminator");
        }
        String s;
        if (wide) {
            s = readWChars(n);
        } else {
            s = new String(data, pos, n, StandardCharsets.ISO_8859_1);
            pos += n;
        }
        int nul = s.indexOf('\0');
        if (nul != n - 1) {
            throw new NdrException(nul < 0 ? "[string] is not terminated" : "[string] has an embedded terminator at index " + nul);
        }
        return s.substring(0, n - 1);
    }

    // ------------------------------------------------------------------ pointers

    /**
     * An embedded {@code [unique]} pointer: reads the referent id; if non-zero, the referent is read
     * later and handed to {@code sink}. A null pointer never calls the sink.
     *
     * @return whether the pointer was non-null
     */
    public <T> boolean readUniquePointer(NdrReader<? extends T> reader, Consumer<? super T> sink) throws NdrException {
        int id = readReferentId();
        if (id == 0) {
            return false;
        }
        countPointer();
        deferred.add(reader, sink, 0);
        return true;
    }

    /** An embedded {@code [ref]} pointer: the referent id must be non-zero; the referent follows later. */
    public <T> void readRefPointer(NdrReader<? extends T> reader, Consumer<? super T> sink) throws NdrException {
        int id = readReferentId();
        if (id == 0) {
            throw new NdrException("null embedded [ref] pointer at offset " + (position() - 4));
        }
        countPointer();
        deferred.add(reader, sink, 0);
    }

    /**
     * An embedded full ({@code [ptr]}) pointer. The first occurrence of a referent id is followed (later)
     * by its referent; other occurrences receive the same Java object. A referent id that refers back to
     * a referent still being decoded (a cycle), or that was first declared with another type, is rejected.
     *
     * @return whether the pointer was non-null
     */
    public <T> boolean readFullPointer(Class<T> type, NdrReader<? extends T> reader, Consumer<? super T> sink)
            throws NdrException {
        int id = readReferentId();
        if (id == 0) {
            return false;
        }
        countPointer(); // aliases count too: each one holds a sink until its referent is decoded
        if (fullPointers == null) {
            fullPointers = new HashMap<>();
        }
        FullPointerSlot slot = fullPointers.get(id);
        if (slot == null) {
            slot = new FullPointerSlot(type, reader);
            fullPointers.put(id, slot);
            slot.whenResolved(sink);
            deferred.add(slot, null, id);
            return true;
        }
        if (slot.type != type) {
            throw new NdrException("full pointer referent id 0x" + Integer.toHexString(id) + " used for two different types");
        }
        if (deferred.isAncestor(id)) {
            throw new NdrException("cycle through full pointers (referent id 0x" + Integer.toHexString(id) + ")");
        }
        slot.whenResolved(sink);
        return true;
    }

    /**
     * A top-level parameter passed by value or through a {@code [ref]} pointer (no referent id): the value
     * and then everything it deferred.
     */
    public <T> T readTopLevel(NdrReader<? extends T> reader) throws NdrException {
        try {
            T value = reader.read(this);
            deferred.drain(runner);
            return value;
        } catch (RuntimeException e) {
            throw malformed(e);
        } catch (NdrException e) {
            deferred.clear();
            throw e;
        }
    }

    /** A top-level {@code [unique]} pointer parameter; null when the referent id is 0. */
    public <T> T readTopLevelUniquePointer(NdrReader<? extends T> reader) throws NdrException {
        Holder<T> holder = new Holder<>();
        flushing(() -> readUniquePointer(reader, holder));
        return holder.value;
    }

    /** A top-level full pointer parameter; may alias a referent of an earlier parameter. */
    public <T> T readTopLevelFullPointer(Class<T> type, NdrReader<? extends T> reader) throws NdrException {
        Holder<T> holder = new Holder<>();
        flushing(() -> readFullPointer(type, reader, holder));
        return holder.value;
    }

    /**
     * Reads every referent deferred so far (depth first). The {@code readTopLevel*} methods call it;
     * hand-written code that reads a top-level value with plain calls ends it with this.
     */
    public void flushDeferred() throws NdrException {
        flushing(() -> true);
    }

    private interface Step {
        boolean run() throws NdrException;
    }

    private void flushing(Step step) throws NdrException {
        try {
            step.run();
            deferred.drain(runner);
        } catch (RuntimeException e) {
            throw malformed(e);
        } catch (NdrException e) {
            deferred.clear();
            throw e;
        }
    }

    private NdrException malformed(RuntimeException e) {
        deferred.clear();
        return new NdrException("malformed stub data at offset " + position() + " (" + e.getClass().getSimpleName() + ")", e);
    }

    private int readReferentId() throws NdrException {
        return readInt32();
    }

    private void countPointer() throws NdrException {
        if (++pointerCount > limits.maxPointers()) {
            throw new NdrException("more than " + limits.maxPointers() + " pointers in one stream");
        }
    }

    @SuppressWarnings("unchecked")
    private void runDeferred(Object action, Object subject, int id) throws NdrException {
        if (action instanceof FullPointerSlot) {
            FullPointerSlot slot = (FullPointerSlot) action;
            Object value = slot.reader.read(this);
            if (value != null && !slot.type.isInstance(value)) {
                throw new NdrException("full pointer referent has an unexpected type");
            }
            slot.resolve(value);
        } else {
            Object value = ((NdrReader<Object>) action).read(this);
            ((Consumer<Object>) subject).accept(value);
        }
    }

    /** Receives a top-level pointer's referent. */
    private static final class Holder<T> implements Consumer<T> {
        T value;

        @Override
        public void accept(T v) {
            value = v;
        }
    }
}
