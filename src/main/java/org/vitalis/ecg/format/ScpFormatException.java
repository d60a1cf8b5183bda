package org.vitalis.ecg.format;

/**
 * An SCP-ECG file that cannot be read: the message names the file, the section and what is wrong. Unchecked
 * because a malformed file is a data problem the caller reports, not one it can repair.
 */
public final class ScpFormatException extends EcgFormatException {
    private static final long serialVersionUID = 1L;

    private final String source;

    public ScpFormatException(String source, String problem) {
        super(source + ": " + problem);
        this.source = source;
    }

    /** The file (or other origin) the bad bytes came from. */
    public String source() {
        return source;
    }
}
