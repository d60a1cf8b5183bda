package org.vitalis.ecg.format;

/**
 * One WFDB annotation.
 *
 * @param sample  sample number (time) of the annotation
 * @param code    annotation type code, see {@link AnnotationCodes}
 * @param subtype the {@code subtyp} field (-128..127 as WFDB stores it in a signed char, written as 10 bits)
 * @param channel the {@code chan} field
 * @param num     the {@code num} field
 * @param aux     auxiliary text (e.g. rhythm "(AFIB"), or "" when absent
 */
public record Annotation(long sample, int code, int subtype, int channel, int num, String aux) {
    public Annotation {
        if (code < 0 || code > AnnotationCodes.MAX_CODE) {
            throw new IllegalArgumentException("annotation code out of range 0.." + AnnotationCodes.MAX_CODE + ": " + code);
        }
        aux = aux == null ? "" : aux;
    }

    public static Annotation of(long sample, int code) {
        return new Annotation(sample, code, 0, 0, 0, "");
    }

    public String mnemonic() {
        return AnnotationCodes.mnemonic(code);
    }

    /** True for beat labels as ANSI/AAMI EC57 scores them. */
    public boolean isBeat() {
        return AnnotationCodes.isBeat(code);
    }
}
