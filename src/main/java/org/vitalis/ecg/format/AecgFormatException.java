package org.vitalis.ecg.format;

/**
 * An HL7 aECG document that cannot be read as an ECG recording: the message names the file (or other origin) and what is wrong.
 * Unchecked because a malformed document is a data problem the caller reports, not one it can repair.
 */
public final class AecgFormatException extends EcgFormatException {
    private static final long serialVersionUID = 1L;

    private final String source;

    public AecgFormatException(String source, String problem) {
        super(source + ": " + problem);
        this.source = source;
    }

    public AecgFormatException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
        this.source = source;
    }

    /** The file (or other origin) the document came from. */
    public String source() {
        return source;
    }
}
