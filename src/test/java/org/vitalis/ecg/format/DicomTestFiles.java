package org.vitalis.ecg.format;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Builds small DICOM ECG waveform files for tests and fuzz seeds. */
final class DicomTestFiles {
    static final String EXPLICIT = "1.2.840.10008.1.2.1";
    static final String IMPLICIT = "1.2.840.10008.1.2";

    private final boolean explicit;
    private final boolean undefinedLengths;

    private DicomTestFiles(boolean explicit, boolean undefinedLengths) {
        this.explicit = explicit;
        this.undefinedLengths = undefinedLengths;
    }

    /**
     * A one-group ECG: 16-bit signed samples {@code x[channel][sample]}, sensitivity 2.5 per unit in {@code units},
     * baseline 3, leads named by SCPECG codes 1, 2, 3 ... (I, II, V1 ...).
     */
    static byte[] ecg(String syntax, boolean undefinedLengths, String sopClass, short[][] x, String units) {
        boolean explicit = !syntax.equals(IMPLICIT);
        DicomTestFiles f = new DicomTestFiles(explicit, undefinedLengths);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[128]);
        out.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));
        DicomTestFiles meta = new DicomTestFiles(true, false);
        byte[] metaBody = concat(
                meta.el(0x00020001, "OB", new byte[] {0, 1}),
                meta.el(0x00020002, "UI", uid(sopClass)),
                meta.el(0x00020003, "UI", uid("1.2.3.4.5")),
                meta.el(0x00020010, "UI", uid(syntax)));
        out.writeBytes(meta.el(0x00020000, "UL", ScpTestFiles.le(metaBody.length, 4)));
        out.writeBytes(metaBody);
        int[] codes = {1, 2, 3, 4, 5, 6, 7, 8, 61, 62, 63, 64};
        byte[][] defs = new byte[x.length][];
        for (int c = 0; c < x.length; c++) {
            byte[] source = concat(
                    f.el(0x00080100, "SH", text("5.6.3-9-" + codes[c % codes.length])),
                    f.el(0x00080102, "SH", text("SCPECG")),
                    f.el(0x00080104, "LO", text("Lead " + c)));
            byte[] unit = concat(f.el(0x00080100, "SH", text(units)), f.el(0x00080102, "SH", text("UCUM")));
            defs[c] = concat(
                    f.sq(0x003A0208, List.of(source)),
                    f.el(0x003A0210, "DS", text("2.5")),
                    f.sq(0x003A0211, List.of(unit)),
                    f.el(0x003A0212, "DS", text("1.0")),
                    f.el(0x003A0213, "DS", text("3")));
        }
        ByteArrayOutputStream samples = new ByteArrayOutputStream();
        for (int s = 0; s < x[0].length; s++) {
            for (short[] ch : x) {
                samples.writeBytes(ScpTestFiles.le(ch[s], 2));
            }
        }
        byte[] group = concat(
                f.el(0x003A0005, "US", ScpTestFiles.le(x.length, 2)),
                f.el(0x003A0010, "UL", ScpTestFiles.le(x[0].length, 4)),
                f.el(0x003A001A, "DS", text("500")),
                f.sq(0x003A0200, List.of(defs)),
                f.el(0x54001004, "US", ScpTestFiles.le(16, 2)),
                f.el(0x54001006, "CS", text("SS")),
                f.el(0x54001010, "OW", samples.toByteArray()));
        out.writeBytes(f.el(0x00080016, "UI", uid(sopClass)));
        out.writeBytes(f.el(0x00080018, "UI", uid("1.2.3.4.5")));
        out.writeBytes(f.el(0x0008002A, "DT", text("20240229123456.5+0100")));
        out.writeBytes(f.el(0x00100020, "LO", text("PID-1")));
        out.writeBytes(f.sq(0x54000100, List.of(group)));
        return out.toByteArray();
    }

    private byte[] el(int tag, String vr, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ScpTestFiles.le(tag >>> 16, 2));
        out.writeBytes(ScpTestFiles.le(tag & 0xFFFF, 2));
        if (explicit) {
            out.writeBytes(vr.getBytes(StandardCharsets.US_ASCII));
            if (List.of("OB", "OW", "SQ", "UN", "UT").contains(vr)) {
                out.writeBytes(new byte[2]);
                out.writeBytes(ScpTestFiles.le(value.length, 4));
            } else {
                out.writeBytes(ScpTestFiles.le(value.length, 2));
            }
        } else {
            out.writeBytes(ScpTestFiles.le(value.length, 4));
        }
        out.writeBytes(value);
        return out.toByteArray();
    }

    private byte[] sq(int tag, List<byte[]> items) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] item : items) {
            body.writeBytes(ScpTestFiles.le(0xFFFE, 2));
            body.writeBytes(ScpTestFiles.le(0xE000, 2));
            body.writeBytes(ScpTestFiles.le(undefinedLengths ? 0xFFFFFFFFL : item.length, 4));
            body.writeBytes(item);
            if (undefinedLengths) {
                body.writeBytes(new byte[] {(byte) 0xFE, (byte) 0xFF, 0x0D, (byte) 0xE0, 0, 0, 0, 0});
            }
        }
        if (!undefinedLengths) {
            return el(tag, "SQ", body.toByteArray());
        }
        body.writeBytes(new byte[] {(byte) 0xFE, (byte) 0xFF, (byte) 0xDD, (byte) 0xE0, 0, 0, 0, 0});
        byte[] b = el(tag, "SQ", new byte[0]);
        // replace the zero length written by el() with "undefined"
        int at = b.length - 4;
        ScpTestFiles.put(b, at, 0xFFFFFFFFL, 4);
        return concat(b, body.toByteArray());
    }

    private static byte[] uid(String s) {
        return pad(s, (byte) 0);
    }

    private static byte[] text(String s) {
        return pad(s, (byte) ' ');
    }

    private static byte[] pad(String s, byte with) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        if (b.length % 2 == 0) {
            return b;
        }
        byte[] p = new byte[b.length + 1];
        System.arraycopy(b, 0, p, 0, b.length);
        p[b.length] = with;
        return p;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
