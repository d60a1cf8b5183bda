package org.vitalis.ecg.format;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds small, valid SCP-ECG records for tests and fuzz seeds: sections 0, 1, 2 (default table), 3 and 6. */
final class ScpTestFiles {
    private ScpTestFiles() {
    }

    /** SCP lead ids: 1 = I, 2 = II, 3 = V1 (EN 1064 §5.6.3). */
    static byte[] record(int[][] leads, int[] leadIds, int avmNv, int intervalUs, int diff, boolean huffman) {
        return record(leads, leadIds, avmNv, intervalUs, diff, huffman ? le(19999, 2) : null, null);
    }

    /**
     * As above, with section 2 given as its data area (null: no Huffman coding) and, if not null, a time-zone
     * offset in minutes written as section 1 tag 34.
     */
    static byte[] record(int[][] leads, int[] leadIds, int avmNv, int intervalUs, int diff, byte[] section2,
            Integer zoneMinutes) {
        boolean huffman = section2 != null;
        int n = leads[0].length;
        byte[][] sections = new byte[12][];
        ByteArrayOutputStream s1 = new ByteArrayOutputStream();
        tag(s1, 2, "4711\0".getBytes(StandardCharsets.ISO_8859_1));
        tag(s1, 25, new byte[] {(byte) 0xE9, 0x07, 3, 14}); // 2025-03-14
        tag(s1, 26, new byte[] {9, 26, 53});
        if (zoneMinutes != null) {
            ByteArrayOutputStream z = new ByteArrayOutputStream();
            z.writeBytes(le(zoneMinutes, 2));
            z.writeBytes(le(0, 2));
            z.write(0);
            tag(s1, 34, z.toByteArray());
        }
        tag(s1, 255, new byte[0]);
        sections[1] = s1.toByteArray();
        sections[2] = section2;
        ByteArrayOutputStream s3 = new ByteArrayOutputStream();
        s3.write(leads.length);
        s3.write(0x04); // all leads simultaneous, no reference beat subtraction
        for (int i = 0; i < leads.length; i++) {
            s3.writeBytes(le(1, 4));
            s3.writeBytes(le(n, 4));
            s3.write(leadIds[i]);
        }
        sections[3] = s3.toByteArray();
        ByteArrayOutputStream s6 = new ByteArrayOutputStream();
        s6.writeBytes(le(avmNv, 2));
        s6.writeBytes(le(intervalUs, 2));
        s6.write(diff);
        s6.write(0);
        byte[][] encoded = new byte[leads.length][];
        for (int i = 0; i < leads.length; i++) {
            int[] v = differences(leads[i], diff);
            encoded[i] = huffman ? huffman(v) : plain(v);
            s6.writeBytes(le(encoded[i].length, 2));
        }
        for (byte[] e : encoded) {
            s6.writeBytes(e);
        }
        sections[6] = s6.toByteArray();
        return assemble(sections);
    }

    /** Sections given as their data areas (after the 16-byte header), indexed by section id; null = absent. */
    static byte[] assemble(byte[][] data) {
        int[] length = new int[data.length];
        int[] index = new int[data.length];
        length[0] = 16 + 10 * data.length;
        int pos = 6 + length[0];
        for (int id = 1; id < data.length; id++) {
            if (data[id] != null) {
                length[id] = 16 + data[id].length + (data[id].length & 1);
                index[id] = pos + 1;
                pos += length[id];
            }
        }
        index[0] = 7;
        ByteArrayOutputStream s0 = new ByteArrayOutputStream();
        for (int id = 0; id < data.length; id++) {
            s0.writeBytes(le(id, 2));
            s0.writeBytes(le(length[id], 4));
            s0.writeBytes(le(index[id], 4));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[6]);
        out.writeBytes(section(0, s0.toByteArray()));
        for (int id = 1; id < data.length; id++) {
            if (data[id] != null) {
                out.writeBytes(section(id, data[id]));
            }
        }
        byte[] b = out.toByteArray();
        put(b, 2, b.length, 4);
        put(b, 0, ScpEcgReader.crc(b, 2, b.length), 2);
        return b;
    }

    /** Recomputes the record CRC after a test has edited the bytes, so only the section CRC can object. */
    static void fixRecordCrc(byte[] b) {
        put(b, 0, ScpEcgReader.crc(b, 2, b.length), 2);
    }

    private static byte[] section(int id, byte[] data) {
        int len = 16 + data.length + (data.length & 1);
        byte[] s = new byte[len];
        put(s, 2, id, 2);
        put(s, 4, len, 4);
        s[8] = 20;
        s[9] = 20;
        if (id == 0) {
            System.arraycopy("SCPECG".getBytes(StandardCharsets.US_ASCII), 0, s, 10, 6);
        }
        System.arraycopy(data, 0, s, 16, data.length);
        put(s, 0, ScpEcgReader.crc(s, 2, len), 2);
        return s;
    }

    private static void tag(ByteArrayOutputStream out, int tag, byte[] value) {
        out.write(tag);
        out.writeBytes(le(value.length, 2));
        out.writeBytes(value);
    }

    private static int[] differences(int[] x, int diff) {
        int[] v = x.clone();
        for (int j = x.length - 1; j >= diff; j--) {
            v[j] = diff == 1 ? x[j] - x[j - 1] : diff == 2 ? x[j] - 2 * x[j - 1] + x[j - 2] : x[j];
        }
        return v;
    }

    private static byte[] plain(int[] v) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int x : v) {
            out.writeBytes(le(x, 2));
        }
        return out.toByteArray();
    }

    /** Default-table encoding (EN 1064 Annex C.2.7): short codes for -8..8, then 8- and 16-bit escapes. */
    static byte[] huffman(int[] v) {
        StringBuilder bits = new StringBuilder();
        for (int x : v) {
            int a = Math.abs(x);
            if (x == 0) {
                bits.append('0');
            } else if (a <= 8) {
                bits.append("1".repeat(a)).append('0').append(x < 0 ? '1' : '0');
            } else if (x >= -128 && x <= 127) {
                bits.append("1111111110").append(binary(x, 8));
            } else {
                bits.append("1111111111").append(binary(x, 16));
            }
        }
        while (bits.length() % 8 != 0) {
            bits.append('0');
        }
        byte[] out = new byte[bits.length() / 8];
        for (int i = 0; i < bits.length(); i++) {
            if (bits.charAt(i) == '1') {
                out[i / 8] |= (byte) (0x80 >>> (i % 8));
            }
        }
        return out;
    }

    /**
     * The default table written out as an explicit section 2 (one table of 19 code structures): prefix bits, total
     * bits, mode 1, base value, base code with its first bit as the least significant.
     */
    static byte[] explicitDefaultTable() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(le(1, 2));
        out.writeBytes(le(19, 2));
        row(out, "0", 0, 0);
        for (int v = 1; v <= 8; v++) {
            row(out, "1".repeat(v) + "00", v, 0);
            row(out, "1".repeat(v) + "01", -v, 0);
        }
        row(out, "1111111110", 0, 8);
        row(out, "1111111111", 0, 16);
        return out.toByteArray();
    }

    private static void row(ByteArrayOutputStream out, String prefix, int base, int extraBits) {
        out.write(prefix.length());
        out.write(prefix.length() + extraBits);
        out.write(1);
        out.writeBytes(le(base, 2));
        long code = 0;
        for (int i = 0; i < prefix.length(); i++) {
            if (prefix.charAt(i) == '1') {
                code |= 1L << i;
            }
        }
        out.writeBytes(le(code, 4));
    }

    private static String binary(int x, int width) {
        StringBuilder s = new StringBuilder();
        for (int k = width - 1; k >= 0; k--) {
            s.append((x >>> k & 1) == 1 ? '1' : '0');
        }
        return s.toString();
    }

    static byte[] le(long v, int bytes) {
        byte[] b = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            b[i] = (byte) (v >>> (8 * i));
        }
        return b;
    }

    static void put(byte[] b, int at, long v, int bytes) {
        for (int i = 0; i < bytes; i++) {
            b[at + i] = (byte) (v >>> (8 * i));
        }
    }
}
