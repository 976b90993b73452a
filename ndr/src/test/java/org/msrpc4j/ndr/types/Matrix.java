package org.msrpc4j.ndr.types;

import java.util.Arrays;
import org.msrpc4j.ndr.NdrDecoder;
import org.msrpc4j.ndr.NdrEncoder;
import org.msrpc4j.ndr.NdrException;

/**
 * A two-dimensional conformant-varying array parameter
 * {@code [size_is(rows, cols), length_is(usedRows, usedCols)] short m[][]} (C706 14.3.3.5):
 * both max counts, then (offset, actual count) for each dimension, then the used elements row-major.
 */
public record Matrix(int rows, int cols, short[][] used) {

    public void encode(NdrEncoder e) throws NdrException {
        int usedRows = used.length;
        int usedCols = usedRows == 0 ? 0 : used[0].length;
        e.writeConformance(rows);
        e.writeConformance(cols);
        e.writeVariance(0, usedRows);
        e.writeVariance(0, usedCols);
        for (short[] row : used) {
            e.writeInt16s(row, 0, usedCols);
        }
    }

    public static Matrix decode(NdrDecoder d) throws NdrException {
        long rows = d.readConformance();
        long cols = d.readConformance();
        long off1 = d.readVarianceOffset();
        int usedRows = d.readVarianceCount(rows, off1, 1);
        long off2 = d.readVarianceOffset();
        int usedCols = d.readVarianceCount(cols, off2, 1);
        NdrDecoder.checkCorrelation(off1 | off2, 0, "first_is");
        d.checkCount((long) usedRows * usedCols, 2); // the whole box must fit before allocating
        short[][] m = new short[usedRows][];
        for (int r = 0; r < usedRows; r++) {
            m[r] = d.readInt16s(usedCols);
        }
        // the max counts describe the caller's buffer, not transmitted elements: bound them to int only
        NdrDecoder.checkRange(rows, 0, Integer.MAX_VALUE, "rows");
        NdrDecoder.checkRange(cols, 0, Integer.MAX_VALUE, "cols");
        return new Matrix((int) rows, (int) cols, m);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Matrix x && x.rows == rows && x.cols == cols && Arrays.deepEquals(x.used, used);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(used) + rows * 31 + cols;
    }
}
