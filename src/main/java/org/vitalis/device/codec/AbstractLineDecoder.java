package org.vitalis.device.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an ASCII stream into lines (LF or CR LF) and hands each to {@link #parse}. A line that does not parse, has
 * non-printable bytes, or grows past {@link #maxLine()} without an end is skipped whole, up to its line feed.
 * Empty lines are separators, not errors.
 */
abstract class AbstractLineDecoder<F> extends AbstractStreamDecoder<F> {
    private final char[] line;
    private int len;
    private boolean overflowing;

    AbstractLineDecoder(int maxLine) {
        line = new char[maxLine];
    }

    final int maxLine() {
        return line.length;
    }

    /** Parses one line without its terminator; throws {@link CodecException} if it is not a valid record. */
    abstract F parse(String text);

    @Override
    public final List<F> feed(byte[] chunk, int offset, int length) {
        checkRange(chunk, offset, length);
        List<F> out = new ArrayList<>();
        for (int i = offset; i < offset + length; i++) {
            char c = (char) (chunk[i] & 0xFF);
            if (c == '\n') {
                endLine(out, 1);
            } else if (overflowing) {
                skipped(1);
            } else if (len == line.length) {
                skipped(len + 1);
                len = 0;
                overflowing = true;
            } else {
                line[len++] = c;
            }
        }
        return out;
    }

    private void endLine(List<F> out, int terminator) {
        int raw = len;
        len = 0;
        if (overflowing) {
            skipped(terminator);
            overflowing = false;
            return;
        }
        int n = raw > 0 && line[raw - 1] == '\r' ? raw - 1 : raw;
        if (n == 0) {
            return;
        }
        String text = new String(line, 0, n);
        if (!printable(text)) {
            skipped(raw + terminator);
            return;
        }
        F frame;
        try {
            frame = parse(text);
        } catch (CodecException e) {
            skipped(raw + terminator);
            return;
        }
        emit(out, frame);
    }

    private static boolean printable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\t') || c > 0x7E) {
                return false;
            }
        }
        return true;
    }

    /**
     * Every line of these protocols ends with a line feed, so text after the last one is a truncated record (a
     * "098" cut to "0" would otherwise become a wrong reading): it is counted as skipped, never parsed.
     */
    @Override
    public final List<F> finish() {
        skipped(len);
        len = 0;
        overflowing = false;
        return List.of();
    }
}
