package org.vitalis.ecg.format;

/**
 * An EDF, EDF+ or BDF file that cannot be read: it names the file and what is wrong with it. Unchecked because a
 * malformed file is a data problem the caller reports, not one it can repair.
 */
public final class EdfFormatException extends EcgFormatException {
    private static final long serialVersionUID = 1L;

    private final String source;

    public EdfFormatException(String source, String problem) {
        super(source + ": " + problem);
        this.source = source;
    }

    public EdfFormatException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
        this.source = source;
    }

    /** The file (or other origin) the bad bytes came from. */
    public String source() {
        return source;
    }
}
