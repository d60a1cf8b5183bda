package org.vitalis.device.codec;

/**
 * The one exception every decoder in this package throws for malformed input. Drivers catch exactly this type to
 * count and skip a bad frame, so any other exception escaping a codec is a bug.
 */
public final class CodecException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int offset;

    public CodecException(String what, int offset) {
        super(what + " (at byte offset " + offset + ")");
        this.offset = offset;
    }

    /** Zero-based offset into the decoded value or frame where the problem was found. */
    public int offset() {
        return offset;
    }
}
