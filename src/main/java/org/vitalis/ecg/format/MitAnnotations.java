package org.vitalis.ecg.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes WFDB annotation files in MIT format (WFDB annot(5)). Each 16-bit little-endian word holds a
 * 6-bit type A and a 10-bit field I. A = 1..49 is an annotation I samples after the previous one; the pseudo types
 * SKIP (59: a 32-bit interval follows, high 16-bit word first), NUM (60), SUB (61), CHN (62) and AUX (63: I bytes
 * of text follow, padded to an even length) modify it; the word 0 ends the file. NUM and CHN persist to later
 * annotations; SUB and AUX belong to the current one only.
 */
public final class MitAnnotations {
    private static final int SKIP = 59;
    private static final int NUM = 60;
    private static final int SUB = 61;
    private static final int CHN = 62;
    private static final int AUX = 63;

    private MitAnnotations() {
    }

    public static List<Annotation> read(Path file) throws IOException {
        return read(Files.readAllBytes(file), file.toString());
    }

    /**
     * Decodes an annotation file.
     *
     * @throws WfdbFormatException when the data ends inside a word, a SKIP or an AUX string, or a modifier comes
     *                             before any annotation, or the end marker is missing
     */
    public static List<Annotation> read(byte[] data, String source) {
        List<Annotation> out = new ArrayList<>();
        long time = 0;
        int num = 0;
        int chan = 0;
        // fields of the annotation being assembled; it is emitted when the next annotation word or the end arrives
        boolean pending = false;
        long pTime = 0;
        int pCode = 0;
        int pSub = 0;
        int pChan = 0;
        int pNum = 0;
        String pAux = "";
        int p = 0;
        while (true) {
            if (p + 2 > data.length) {
                throw new WfdbFormatException(source, "ends at byte " + p + " without the end-of-file marker");
            }
            int word = (data[p] & 0xFF) | (data[p + 1] & 0xFF) << 8;
            p += 2;
            int a = word >>> 10;
            int i = word & 0x3FF;
            if (word == 0) {
                break;
            }
            switch (a) {
                case SKIP -> {
                    if (p + 4 > data.length) {
                        throw new WfdbFormatException(source, "SKIP at byte " + (p - 2) + " is cut short");
                    }
                    int hi = (data[p] & 0xFF) | (data[p + 1] & 0xFF) << 8;
                    int lo = (data[p + 2] & 0xFF) | (data[p + 3] & 0xFF) << 8;
                    time += hi << 16 | lo;
                    p += 4;
                }
                case NUM, SUB, CHN, AUX -> {
                    if (!pending) {
                        throw new WfdbFormatException(source, "modifier " + a + " at byte " + (p - 2) + " precedes any annotation");
                    }
                    switch (a) {
                        case NUM -> {
                            num = signed10(i);
                            pNum = num;
                        }
                        case SUB -> pSub = signed10(i);
                        case CHN -> {
                            chan = signed10(i);
                            pChan = chan;
                        }
                        default -> {
                            if (p + i > data.length) {
                                throw new WfdbFormatException(source, "AUX of " + i + " bytes at byte " + (p - 2) + " is cut short");
                            }
                            // WFDB writes aux as a C string whose NUL is counted in the length
                            int end = p;
                            while (end < p + i && data[end] != 0) {
                                end++;
                            }
                            pAux = new String(data, p, end - p, StandardCharsets.ISO_8859_1);
                            p += i + (i & 1);
                        }
                    }
                }
                default -> {
                    if (a > AnnotationCodes.MAX_CODE) {
                        throw new WfdbFormatException(source, "unknown annotation type " + a + " at byte " + (p - 2));
                    }
                    if (pending) {
                        out.add(new Annotation(pTime, pCode, pSub, pChan, pNum, pAux));
                    }
                    time += i;
                    pending = true;
                    pTime = time;
                    pCode = a;
                    pSub = 0;
                    pChan = chan;
                    pNum = num;
                    pAux = "";
                }
            }
        }
        if (pending) {
            out.add(new Annotation(pTime, pCode, pSub, pChan, pNum, pAux));
        }
        return out;
    }

    /** WFDB stores num, subtyp and chan as signed chars; the 10-bit field carries them sign-extended. */
    private static int signed10(int i) {
        return i << 22 >> 22;
    }

    public static void write(Path file, List<Annotation> annotations) throws IOException {
        Files.write(file, write(annotations));
    }

    /**
     * Encodes annotations, which must be in non-decreasing sample order, the way WFDB's putann does.
     *
     * @throws IllegalArgumentException for out-of-order annotations, fields that do not fit 10 bits, or aux text
     *                                  longer than 254 bytes or containing NUL
     */
    public static byte[] write(List<Annotation> annotations) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(annotations.size() * 2 + 2);
        long time = 0;
        int num = 0;
        int chan = 0;
        for (Annotation an : annotations) {
            long delta = an.sample() - time;
            if (delta < 0) {
                throw new IllegalArgumentException("annotations out of order at sample " + an.sample());
            }
            // A zero interval with code 0 would read as the end marker, so code 0 always leaves I = 1 after a SKIP.
            if (delta > 0x3FF || (an.code() == 0 && delta == 0)) {
                long skip = an.code() == 0 ? delta - 1 : delta;
                if (skip > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException("interval too large at sample " + an.sample());
                }
                word(out, SKIP, 0);
                int s = (int) skip;
                out.write((s >>> 16) & 0xFF);
                out.write((s >>> 24) & 0xFF);
                out.write(s & 0xFF);
                out.write((s >>> 8) & 0xFF);
                delta -= skip;
            }
            word(out, an.code(), (int) delta);
            time = an.sample();
            if (an.subtype() != 0) {
                word(out, SUB, field(an.subtype(), "subtype"));
            }
            if (an.channel() != chan) {
                word(out, CHN, field(an.channel(), "channel"));
                chan = an.channel();
            }
            if (an.num() != num) {
                word(out, NUM, field(an.num(), "num"));
                num = an.num();
            }
            if (!an.aux().isEmpty()) {
                byte[] text = an.aux().getBytes(StandardCharsets.ISO_8859_1);
                if (text.length > 254 || an.aux().indexOf('\0') >= 0) {
                    throw new IllegalArgumentException("aux text must be at most 254 bytes without NUL at sample " + an.sample());
                }
                // as the MIT-BIH files do: the terminating NUL is part of the counted bytes
                byte[] aux = java.util.Arrays.copyOf(text, text.length + 1);
                word(out, AUX, aux.length);
                out.write(aux, 0, aux.length);
                if ((aux.length & 1) == 1) {
                    out.write(0);
                }
            }
        }
        word(out, 0, 0);
        return out.toByteArray();
    }

    private static int field(int v, String what) {
        if (v < -512 || v > 511) {
            throw new IllegalArgumentException(what + " does not fit in 10 bits: " + v);
        }
        return v & 0x3FF;
    }

    private static void word(ByteArrayOutputStream out, int a, int i) {
        int w = a << 10 | i;
        out.write(w & 0xFF);
        out.write(w >>> 8);
    }
}
