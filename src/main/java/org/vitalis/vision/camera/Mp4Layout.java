package org.vitalis.vision.camera;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * The boxes of an MP4/MOV file (ISO/IEC 14496-12; QuickTime File Format), read before jcodec parses anything: the
 * file must start like an MP4 or MOV and hold one index (moov) that lies wholly inside it and is of a sane size, and
 * every table in the index must hold no more entries than its box has bytes for. jcodec allocates its buffers and
 * tables from the sizes and counts it reads, so one that lies would otherwise cost gigabytes. The boxes are read the
 * way jcodec 0.2.5 reads them (MP4Util.getRootAtoms, Header.read, NodeBox.parseChildBox), quirks and all, so that
 * what is checked here is what jcodec will parse.
 */
final class Mp4Layout {
    /** A long recording's index is a few megabytes (about 16 bytes a frame); this leaves room for a million frames. */
    static final long MAX_INDEX_BYTES = 32L << 20;
    private static final int MAX_TOP_LEVEL_BOXES = 10_000;
    private static final int MAX_DEPTH = 12;
    private static final Set<String> TOP_LEVEL = Set.of("ftyp", "moov", "mdat", "free", "skip", "wide", "pnot",
            "uuid", "pdin", "moof", "mfra", "meta", "styp", "sidx", "junk");
    /** Boxes jcodec parses as plain containers of further boxes. */
    private static final Set<String> CONTAINERS = Set.of("moov", "trak", "edts", "mdia", "minf", "dinf", "stbl",
            "mvex", "moof", "traf", "mfra", "skip", "ipro", "sinf", "clip", "tapt", "gmhd", "tref", "udta");
    /** Per table jcodec allocates from its count: the bytes before the count, and the bytes of one entry. */
    private static final Map<String, int[]> TABLES = Map.of(
            "stts", new int[] {4, 8}, "ctts", new int[] {4, 8}, "stsc", new int[] {4, 12}, "stco", new int[] {4, 4},
            "co64", new int[] {4, 8}, "stss", new int[] {4, 4}, "stps", new int[] {4, 4}, "chan", new int[] {12, 20});

    /** Where the index is; {@code fragmented} when the file also holds movie fragments (moof). */
    record Layout(long indexOffset, int indexSize, boolean fragmented) {
    }

    /** A box header as jcodec reads it. */
    private record Header(String type, long size, int headerSize) {
        long bodySize() {
            return size - headerSize;
        }
    }

    private Mp4Layout() {
    }

    static Layout read(FileChannel channel, long fileSize, String name) throws CameraException {
        long pos = 0;
        long indexBody = -1;
        long indexSize = 0;
        boolean media = false;
        boolean fragmented = false;
        boolean cutOff = false;
        ByteBuffer window = ByteBuffer.allocate(16);
        for (int n = 0; pos < fileSize; n++) {
            if (n >= MAX_TOP_LEVEL_BOXES) {
                throw damaged(name);
            }
            window.clear().limit((int) Math.min(16, fileSize - pos));
            readFully(channel, window, pos, name);
            window.flip();
            Header h = header(window);
            if (n == 0 && (h == null || !TOP_LEVEL.contains(h.type()))) {
                throw notAVideo(name);
            }
            if (h == null) {
                break;
            }
            switch (h.type()) {
                case "moov", "ftyp" -> {
                    // jcodec reads these whole into memory.
                    boolean inFile = h.bodySize() >= 0 && h.bodySize() <= fileSize - pos - h.headerSize();
                    if (h.bodySize() > MAX_INDEX_BYTES || h.bodySize() < 0) {
                        throw new CameraException(name + " is damaged: its index claims " + (h.size() >> 20)
                                + " MB.");
                    }
                    if (h.type().equals("moov")) {
                        if (indexBody >= 0) {
                            throw damaged(name);
                        }
                        indexBody = pos + h.headerSize();
                        indexSize = h.bodySize();
                        cutOff = !inFile;
                    } else if (!inFile) {
                        throw damaged(name);
                    }
                }
                case "mdat" -> media = true;
                case "moof" -> fragmented = true;
                default -> {
                    // other boxes (free space, metadata) are skipped, as jcodec skips them
                }
            }
            pos += h.size();
        }
        if (indexBody < 0 || cutOff) {
            if (media || cutOff) {
                throw new CameraException(name + " is incomplete: its index is missing, as when a recording is cut "
                        + "off before it is finished; Vitalis cannot play it.");
            }
            throw notAVideo(name);
        }
        ByteBuffer index = ByteBuffer.allocate((int) indexSize);
        readFully(channel, index, indexBody, name);
        index.flip();
        checkChildren(index, 0, name);
        return new Layout(indexBody, (int) indexSize, fragmented);
    }

    /** jcodec's Header.read: zero words are skipped; a size below 8 (other than 1, "64 bits follow") is refused. */
    private static Header header(ByteBuffer in) {
        long size = 0;
        while (in.remaining() >= 4 && (size = Integer.toUnsignedLong(in.getInt())) == 0) {
            // skipped, as jcodec does
        }
        if (in.remaining() < 4 || size < 8 && size != 1) {
            return null;
        }
        String type = fourcc(in);
        boolean large = false;
        if (size == 1) {
            if (in.remaining() < 8) {
                return null;
            }
            large = true;
            size = in.getLong();
        }
        return new Header(type, size, large || size > 0xFFFF_FFFFL ? 16 : 8);
    }

    /**
     * jcodec's NodeBox.parse: a child whose body does not fit is passed over, and what follows its header is read as
     * the next children.
     */
    private static void checkChildren(ByteBuffer body, int depth, String name) throws CameraException {
        if (depth > MAX_DEPTH) {
            throw damaged(name);
        }
        ByteBuffer b = body.duplicate();
        while (b.remaining() >= 8) {
            ByteBuffer fork = b.duplicate();
            while (b.remaining() >= 4 && fork.getInt() == 0) {
                b.getInt();
            }
            if (b.remaining() < 4) {
                return;
            }
            Header h = header(b);
            if (h == null) {
                continue;
            }
            if (h.bodySize() < 0) {
                throw damaged(name);
            }
            if (b.remaining() < h.bodySize()) {
                continue;
            }
            ByteBuffer child = b.slice(b.position(), (int) h.bodySize());
            b.position(b.position() + (int) h.bodySize());
            check(h.type(), child, depth, name);
        }
    }

    private static void check(String type, ByteBuffer body, int depth, String name) throws CameraException {
        if (CONTAINERS.contains(type)) {
            checkChildren(body, depth + 1, name);
        } else if (type.equals("stsz")) {
            // version and flags, one size for all samples (or 0), the count, and the sizes only when that size is 0
            if (body.remaining() >= 12 && body.getInt(4) == 0) {
                checkCount(body, 8, 4, name);
            }
        } else if (type.equals("trun")) {
            // a movie fragment's run: count after version and flags; per sample, 4 bytes per field its flags name
            int perSample = 4 * Integer.bitCount(body.remaining() >= 4 ? body.getInt(0) & 0xF00 : 0);
            if (perSample > 0) {
                checkCount(body, 4, perSample, name);
            }
        } else if (TABLES.containsKey(type)) {
            int[] shape = TABLES.get(type);
            checkCount(body, shape[0], shape[1], name);
        }
    }

    private static void checkCount(ByteBuffer body, int before, int entryBytes, String name) throws CameraException {
        if (body.remaining() < before + 4) {
            return;
        }
        long count = Integer.toUnsignedLong(body.getInt(before));
        if (count * entryBytes > body.remaining() - before - 4L) {
            throw damaged(name);
        }
    }

    private static String fourcc(ByteBuffer b) {
        byte[] t = new byte[4];
        b.get(t);
        return new String(t, StandardCharsets.ISO_8859_1);
    }

    private static void readFully(FileChannel channel, ByteBuffer into, long at, String name) throws CameraException {
        try {
            long pos = at;
            while (into.hasRemaining()) {
                int n = channel.read(into, pos);
                if (n < 0) {
                    throw damaged(name);
                }
                pos += n;
            }
        } catch (IOException e) {
            throw new CameraException(name + " cannot be read: " + e.getMessage(), e);
        }
    }

    static CameraException notAVideo(String name) {
        return new CameraException(name + " is not an MP4 or MOV video.");
    }

    static CameraException damaged(String name) {
        return new CameraException(name + " is damaged: its index does not hold together.");
    }
}
