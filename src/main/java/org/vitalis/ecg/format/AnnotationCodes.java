package org.vitalis.ecg.format;

/** WFDB annotation codes and their mnemonics, as in WFDB's ecgcodes.h and ecgmap.h. */
public final class AnnotationCodes {
    /** Largest code a MIT annotation word can carry as a real annotation (wfdb.h ACMAX). */
    public static final int MAX_CODE = 49;

    public static final int NOTQRS = 0;
    public static final int NORMAL = 1;
    public static final int PVC = 5;
    public static final int NOISE = 14;
    public static final int RHYTHM = 28;

    /** Mnemonics by code, from WFDB's ecgcodes.h / annot.c; unused codes print as their number. */
    private static final String[] MNEMONICS = {
        " ", "N", "L", "R", "a", "V", "F", "J", "A", "S", "E", "j", "/", "Q", "~", "[15]", "|", "[17]", "s", "T",
        "*", "D", "\"", "=", "p", "B", "^", "t", "+", "u", "?", "!", "[", "]", "e", "n", "@", "x", "f", "(",
        ")", "r", "[42]", "[43]", "[44]", "[45]", "[46]", "[47]", "[48]", "[49]"
    };

    /** Beat labels scored by ANSI/AAMI EC57 (the ecgmap.h isqrs() set): N L R B A a J S V r F e j n E / f Q ?. */
    private static final boolean[] BEAT = new boolean[MAX_CODE + 1];

    static {
        for (String m : new String[] {"N", "L", "R", "B", "A", "a", "J", "S", "V", "r", "F", "e", "j", "n", "E", "/", "f", "Q", "?"}) {
            BEAT[code(m)] = true;
        }
    }

    private AnnotationCodes() {
    }

    public static String mnemonic(int code) {
        return code >= 0 && code < MNEMONICS.length ? MNEMONICS[code] : "[" + code + "]";
    }

    /** The code of a mnemonic; throws {@link IllegalArgumentException} for an unknown one. */
    public static int code(String mnemonic) {
        for (int i = 0; i < MNEMONICS.length; i++) {
            if (MNEMONICS[i].equals(mnemonic)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown annotation mnemonic '" + mnemonic + "'");
    }

    public static boolean isBeat(int code) {
        return code >= 0 && code <= MAX_CODE && BEAT[code];
    }
}
