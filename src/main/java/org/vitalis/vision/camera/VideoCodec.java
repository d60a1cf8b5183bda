package org.vitalis.vision.camera;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The video codings Vitalis plays (what jcodec 0.2.5 decodes from an MP4/MOV track: H.264 in 8-bit 4:2:0 progressive
 * form, and Motion JPEG stored as QuickTime "jpeg" or "mjpa" frames), and plain names for the codings it meets but
 * does not play, keyed by the sample entry's four-character code (ISO/IEC 14496-15, QuickTime File Format).
 */
enum VideoCodec {
    H264("H.264"),
    MJPEG("Motion JPEG");

    static final String SUPPORTED = "Vitalis plays H.264 and Motion JPEG videos in MP4 or MOV files";

    private static final Map<String, String> OTHERS = Map.ofEntries(
            Map.entry("hvc1", "HEVC (H.265)"), Map.entry("hev1", "HEVC (H.265)"), Map.entry("av01", "AV1"),
            Map.entry("vp08", "VP8"), Map.entry("vp09", "VP9"), Map.entry("mp4v", "MPEG-4 Part 2"),
            Map.entry("avc3", "H.264 with settings inside the stream (avc3)"), Map.entry("h263", "H.263"),
            Map.entry("s263", "H.263"), Map.entry("mjpb", "Motion JPEG B"), Map.entry("apch", "Apple ProRes"),
            Map.entry("apcn", "Apple ProRes"), Map.entry("apcs", "Apple ProRes"), Map.entry("apco", "Apple ProRes"),
            Map.entry("ap4h", "Apple ProRes"), Map.entry("png ", "PNG"), Map.entry("raw ", "uncompressed pictures"),
            Map.entry("2vuY", "uncompressed pictures"), Map.entry("yuv2", "uncompressed pictures"),
            Map.entry("dvc ", "DV"), Map.entry("dvcp", "DV"), Map.entry("m2v1", "MPEG-2"),
            Map.entry("mp2v", "MPEG-2"), Map.entry("m1v1", "MPEG-1"), Map.entry("SVQ3", "Sorenson Video 3"),
            Map.entry("cvid", "Cinepak"));

    private final String label;

    VideoCodec(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    static Optional<VideoCodec> byFourcc(String fourcc) {
        return switch (fourcc) {
            case "avc1" -> Optional.of(H264);
            case "jpeg", "mjpa" -> Optional.of(MJPEG);
            default -> Optional.empty();
        };
    }

    /** A coding Vitalis does not play, named for the user. */
    static String describe(String fourcc) {
        String known = OTHERS.get(fourcc);
        if (known != null) {
            return known;
        }
        String printable = fourcc.strip();
        boolean plain = !printable.isEmpty() && printable.chars().allMatch(c -> c >= 0x20 && c < 0x7F);
        return plain ? "\"" + printable.toLowerCase(Locale.ROOT) + "\"" : "an unknown coding";
    }
}
