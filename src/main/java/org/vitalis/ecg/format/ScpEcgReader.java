package org.vitalis.ecg.format;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an SCP-ECG record (EN 1064 / ISO 11073-91064) into an {@link EcgRecord}. Written to protocol versions 1.x
 * and 2.x; the version bytes are not checked, because 3.0 keeps the section layouts read here, but no 3.0 file has
 * been tried.
 *
 * <p>Of section 1 only what {@link EcgRecord} holds is kept: the patient id (tag 2) becomes the record id, and the
 * acquisition date and time (tags 25, 26, with the offset of tag 34 when present) the start. The QRS fiducials of
 * section 4 become beat annotations labelled "Q" with the SCP reference beat type as subtype.
 *
 * <p>Every CRC is checked before anything is decoded, so a damaged transfer is refused rather than shown as an
 * ECG. Rhythm data (section 6) is Huffman-decoded (section 2, or the standard's default table), undone from first
 * or second differences and, when the lead definition says reference beat subtraction was used, the reference beat
 * (section 5) is added back in each subtraction zone of section 4. Samples stay integers: their unit is the greatest
 * common divisor of the two amplitude multipliers, so adding the reference beat never rounds.
 *
 * <p>Residual smoothing: encoders that subtract a reference beat quantise the residual coarsely, and the decoder
 * smooths it with a three-sample moving average outside the protected zones (as PhysioNet's parsescp does) before
 * re-adding the beat. That is the default; {@link #parse(byte[], String, String, ZoneId, boolean)} can turn it off
 * to get the residual exactly as stored.
 *
 * <p>Bimodal compression (decimated residual outside the protected zones) is refused with a clear message, as are
 * leads of different lengths, which {@link EcgRecord} cannot hold.
 */
public final class ScpEcgReader {

    /** Lead names by SCP-ECG lead identifier (EN 1064 §5.6.3, table of lead identification codes). */
    private static final String[] LEAD_NAMES = {
        "Unspecified", "I", "II", "V1", "V2", "V3", "V4", "V5", "V6", "V7",
        "V2R", "V3R", "V4R", "V5R", "V6R", "V7R", "X", "Y", "Z", "CC5",
        "CM5", "LA", "RA", "LL", "fI", "fE", "fC", "fA", "fM", "fF",
        "fH", "I-cal", "II-cal", "V1-cal", "V2-cal", "V3-cal", "V4-cal", "V5-cal", "V6-cal", "V7-cal",
        "V2R-cal", "V3R-cal", "V4R-cal", "V5R-cal", "V6R-cal", "V7R-cal", "X-cal", "Y-cal", "Z-cal", "CC5-cal",
        "CM5-cal", "LA-cal", "RA-cal", "LL-cal", "fI-cal", "fE-cal", "fC-cal", "fA-cal", "fM-cal", "fF-cal",
        "fH-cal", "III", "aVR", "aVL", "aVF", "-aVR", "V8", "V9", "V8R", "V9R",
        "D", "A", "J", "Defib", "Extern", "A1", "A2", "A3", "A4", "V8-cal",
        "V9-cal", "V8R-cal", "V9R-cal", "D-cal", "A-cal", "J-cal",
    };

    /** The standard name of an SCP-ECG lead identifier, or "lead N" for reserved and manufacturer codes. */
    static String leadName(int code) {
        return code >= 0 && code < LEAD_NAMES.length ? LEAD_NAMES[code] : "lead " + code;
    }

    /** Section 2 value meaning "only the default table is used" (EN 1064 §5.5). */
    private static final int DEFAULT_HUFFMAN_ONLY = 19999;

    /** Every section starts with CRC, id, length, section and protocol versions and six reserved bytes (§5.2). */
    private static final int SECTION_HEADER = 16;

    private final byte[] d;
    private final String src;

    private ScpEcgReader(byte[] data, String source) {
        this.d = data;
        this.src = source;
    }

    /** Reads a file; a recording time without a time-zone tag is taken as UTC. */
    public static EcgRecord read(Path file) throws IOException {
        return read(file, ZoneOffset.UTC);
    }

    /**
     * Reads a file.
     *
     * @param zoneWhenUnstated zone of the acquisition date and time when section 1 has no time-zone tag (34)
     */
    public static EcgRecord read(Path file, ZoneId zoneWhenUnstated) throws IOException {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return parse(Files.readAllBytes(file), file.toString(), dot > 0 ? name.substring(0, dot) : name,
                zoneWhenUnstated, true);
    }

    /**
     * Decodes an SCP-ECG record held in memory.
     *
     * @param source           names the origin in error messages
     * @param fallbackId       record id (the file name without extension when read from a file)
     * @param zoneWhenUnstated zone of the acquisition time when section 1 has no time-zone tag
     * @param smoothResidual   smooth the residual outside protected zones before re-adding the reference beat
     * @throws ScpFormatException when the bytes are not a readable SCP-ECG record
     */
    public static EcgRecord parse(byte[] data, String source, String fallbackId, ZoneId zoneWhenUnstated,
            boolean smoothResidual) {
        return new ScpEcgReader(data, source).decode(fallbackId, zoneWhenUnstated, smoothResidual);
    }

    /** CRC-CCITT as EN 1064 §5.2 specifies it: polynomial x^16+x^12+x^5+1, preset to 0xFFFF, no reflection. */
    static int crc(byte[] b, int from, int to) {
        int crc = 0xFFFF;
        for (int i = from; i < to; i++) {
            crc ^= (b[i] & 0xFF) << 8;
            for (int k = 0; k < 8; k++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
            crc &= 0xFFFF;
        }
        return crc;
    }

    private record Section(int id, int start, int length) {
        int data() {
            return start + SECTION_HEADER;
        }

        int end() {
            return start + length;
        }
    }

    private record Zone(int type, long start, long fiducial, long end) {
    }

    private EcgRecord decode(String fallbackId, ZoneId zone, boolean smooth) {
        if (d.length < 6) {
            throw fail("record header", "file is " + d.length + " bytes, shorter than the 6-byte record header");
        }
        long recordLength = u32(2, 0);
        if (recordLength < 6 + SECTION_HEADER || recordLength > d.length) {
            throw fail("record header", "record length " + recordLength + " does not fit the file of " + d.length + " bytes");
        }
        int n = (int) recordLength;
        int stored = u16(0, 0);
        int computed = crc(d, 2, n);
        if (stored != computed) {
            throw fail("record header", "record CRC is " + hex(computed) + " but the file says " + hex(stored)
                    + "; the file is damaged");
        }
        Section s0 = sectionAt(6, n, 0);
        Section[] sections = new Section[12];
        for (int p = s0.data(); p + 10 <= s0.end(); p += 10) {
            int id = u16(p, 0);
            long len = u32(p + 2, 0);
            long index = u32(p + 6, 0);
            if (len == 0 || id == 0) {
                continue; // absent, or section 0 itself
            }
            if (index < 1 || index - 1 + len > n) {
                throw fail("section 0", "pointer to section " + id + " (" + len + " bytes at byte " + index
                        + ") lies outside the record of " + n + " bytes");
            }
            Section s = sectionAt((int) (index - 1), n, id);
            if (s.length() != len) {
                throw fail("section " + id, "length " + s.length() + " disagrees with section 0's " + len);
            }
            // sections 7 and up (measurements, statements, manufacturer data) are CRC-checked but not decoded
            if (id < sections.length) {
                sections[id] = s;
            }
        }

        // The record id is the file's, never the patient id of section 1: record ids reach file names
        // and log lines, where nothing identifying a patient may go.
        String id = fallbackId;
        Instant start = null;
        if (sections[1] != null) {
            start = acquisitionTime(sections[1], zone);
        }
        List<int[][]> tables = sections[2] == null ? null : huffmanTables(sections[2]);
        if (sections[3] == null) {
            throw fail("section 3", "lead definition is missing, so the leads cannot be named or counted");
        }
        if (sections[6] == null) {
            throw fail("section 6", "rhythm data is missing");
        }
        Section s3 = sections[3];
        need(s3, s3.data(), 2, "lead count and flags");
        int nLeads = u8(s3.data());
        int flags = u8(s3.data() + 1);
        boolean refBeatSubtracted = (flags & 0x01) != 0;
        need(s3, s3.data() + 2, 9L * nLeads, nLeads + " lead definitions");
        if (nLeads == 0) {
            throw fail("section 3", "defines no leads");
        }
        String[] names = new String[nLeads];
        long first = -1;
        long last = -1;
        for (int i = 0; i < nLeads; i++) {
            int p = s3.data() + 2 + 9 * i;
            long a = u32(p, 3);
            long b = u32(p + 4, 3);
            int code = u8(p + 8);
            names[i] = leadName(code);
            if (a < 1 || b < a) {
                throw fail("section 3", "lead " + names[i] + " spans samples " + a + " to " + b);
            }
            if (i == 0) {
                first = a;
                last = b;
            } else if (a != first || b != last) {
                throw fail("section 3", "lead " + names[i] + " spans samples " + a + " to " + b + " but lead " + names[0]
                        + " spans " + first + " to " + last + "; leads of different lengths are not supported");
            }
        }
        long samples = last - first + 1;

        Section s6 = sections[6];
        need(s6, s6.data(), 6, "rhythm data header");
        int avm6 = u16(s6.data(), 6);
        int interval6 = u16(s6.data() + 2, 6);
        int diff6 = u8(s6.data() + 4);
        int bimodal = u8(s6.data() + 5);
        if (avm6 == 0 || interval6 == 0) {
            throw fail("section 6", "amplitude multiplier " + avm6 + " nV and sample interval " + interval6
                    + " us must both be positive");
        }
        if (bimodal != 0) {
            throw fail("section 6", "bimodal compression (decimated residual outside protected zones) is not supported");
        }
        int[][] rhythm = leads(s6, nLeads, samples, diff6, tables, "rhythm");

        // Section 4: reference beat geometry, one subtraction zone and fiducial per QRS, then protected areas.
        // Sample numbers there count from 1 at the record's first sample; shifting by the leads' first sample
        // makes them 0-based indices into the decoded leads.
        long shift = first;
        int beatMs = 0;
        int fiducial = 0;
        List<Zone> zones = new ArrayList<>();
        List<long[]> protectedAreas = new ArrayList<>();
        List<Annotation> beats = new ArrayList<>();
        Section s4 = sections[4];
        if (s4 != null) {
            need(s4, s4.data(), 6, "reference beat header");
            beatMs = u16(s4.data(), 4);
            fiducial = u16(s4.data() + 2, 4);
            int nQrs = u16(s4.data() + 4, 4);
            need(s4, s4.data() + 6, 14L * nQrs, nQrs + " subtraction zones");
            for (int k = 0; k < nQrs; k++) {
                int p = s4.data() + 6 + 14 * k;
                Zone z = new Zone(u16(p, 4), u32(p + 2, 4) - shift, u32(p + 6, 4) - shift, u32(p + 10, 4) - shift);
                if (z.fiducial() < 0 || z.fiducial() >= samples) {
                    throw fail("section 4", "QRS " + (k + 1) + " has its fiducial at sample " + (z.fiducial() + shift)
                            + ", outside samples " + first + ".." + last);
                }
                zones.add(z);
                // SCP beat types name reference-beat morphologies, not clinical classes: "Q" (unclassified)
                // with the type as subtype keeps that distinction
                beats.add(new Annotation(z.fiducial(), AnnotationCodes.code("Q"), Math.min(z.type(), 127), 0, 0, ""));
            }
            int pa = s4.data() + 6 + 14 * nQrs;
            if (s4.end() - pa >= 8L * nQrs && nQrs > 0) {
                for (int k = 0; k < nQrs; k++) {
                    protectedAreas.add(new long[] {u32(pa + 8 * k, 4) - shift, u32(pa + 8 * k + 4, 4) - shift});
                }
            } else {
                // without explicit protected areas, the subtraction zones of dominant beats are what was protected
                for (Zone z : zones) {
                    if (isSubtracted(z, shift)) {
                        protectedAreas.add(new long[] {z.start(), z.end()});
                    }
                }
            }
        }

        int unitNv = avm6;
        int[][] out = rhythm;
        if (refBeatSubtracted) {
            if (s4 == null || sections[5] == null) {
                throw fail("section 3", "says a reference beat was subtracted, but section "
                        + (s4 == null ? 4 : 5) + " is missing");
            }
            Section s5 = sections[5];
            need(s5, s5.data(), 6, "reference beat data header");
            int avm5 = u16(s5.data(), 5);
            int interval5 = u16(s5.data() + 2, 5);
            int diff5 = u8(s5.data() + 4);
            if (avm5 == 0 || interval5 == 0) {
                throw fail("section 5", "amplitude multiplier " + avm5 + " nV and sample interval " + interval5
                        + " us must both be positive");
            }
            if (interval5 != interval6) {
                throw fail("section 6", "sample interval " + interval6 + " us differs from the reference beat's "
                        + interval5 + " us: the rhythm was decimated, which is not supported");
            }
            long beatLength = (long) beatMs * 1000 / interval5;
            int[][] beat = leads(s5, nLeads, beatLength, diff5, tables, "reference beat");

            unitNv = gcd(avm5, avm6);
            int fr = avm6 / unitNv;
            int fb = avm5 / unitNv;
            out = new int[nLeads][(int) samples];
            for (int i = 0; i < nLeads; i++) {
                int[] x = rhythm[i];
                int[] y = out[i];
                for (int j = 0; j < x.length; j++) {
                    y[j] = x[j] * fr;
                }
                if (smooth) {
                    y = smoothed(y, protectedAreas);
                    out[i] = y;
                }
                for (Zone z : zones) {
                    if (!isSubtracted(z, shift)) {
                        continue;
                    }
                    // the zone's first sample lines up with the beat sample that many samples before its fiducial
                    long m = fiducial - (z.fiducial() - z.start()) - 1;
                    if (z.start() < 0 || z.end() >= samples || z.fiducial() < z.start() || z.fiducial() > z.end()
                            || m < 0 || m + (z.end() - z.start()) >= beat[i].length) {
                        throw fail("section 4", "subtraction zone " + (z.start() + shift) + ".." + (z.end() + shift)
                                + " (fiducial " + (z.fiducial() + shift) + ") does not fit samples " + first + ".."
                                + last + " and the " + beat[i].length + "-sample reference beat with fiducial " + fiducial);
                    }
                    for (long j = z.start(); j <= z.end(); j++, m++) {
                        y[(int) j] += beat[i][(int) m] * fb;
                    }
                }
            }
        }
        double gainPerUv = 1000.0 / unitNv;
        List<EcgLead> leads = new ArrayList<>();
        for (int i = 0; i < nLeads; i++) {
            leads.add(new EcgLead(names[i], out[i], gainPerUv, 0, "uV"));
        }
        return new EcgRecord(id, start, 1_000_000.0 / interval6, leads, beats, List.of());
    }

    /** Dominant beats (type 0) with a real zone had the reference beat subtracted (§5.7); an end of 0 means none. */
    private static boolean isSubtracted(Zone z, long shift) {
        return z.type() == 0 && z.end() + shift != 0;
    }

    /**
     * Three-sample moving average, rounded away from zero, except in protected areas, which were stored at full
     * precision. The kept range is the area's samples (here 0-based) and the two samples after it: PhysioNet's parsescp, the reference decoder for the carts that wrote such files, keeps exactly that
     * range, and matching it is what makes the output agree sample for sample.
     */
    private int[] smoothed(int[] x, List<long[]> protectedAreas) {
        int n = x.length;
        int[] y = x.clone();
        for (int j = 1; j < n - 1; j++) {
            int v = x[j - 1] + x[j] + x[j + 1];
            y[j] = v > 0 ? (v + 2) / 3 : v < 0 ? (v - 2) / 3 : 0;
        }
        for (long[] a : protectedAreas) {
            long from = Math.max(0, a[0]);
            long to = Math.min(n - 1L, a[1] + 2);
            for (long j = from; j <= to; j++) {
                y[(int) j] = x[(int) j];
            }
        }
        return y;
    }

    /** Decodes the per-lead blocks of section 5 or 6: 2-byte lengths, then each lead's encoded bytes (§5.8, §5.9). */
    private int[][] leads(Section s, int nLeads, long samples, int diff, List<int[][]> tables, String what) {
        int p = s.data() + 6;
        need(s, p, 2L * nLeads, "lengths of " + nLeads + " leads");
        int[] bytes = new int[nLeads];
        long total = 0;
        for (int i = 0; i < nLeads; i++) {
            bytes[i] = u16(p + 2 * i, s.id());
            total += bytes[i];
        }
        p += 2 * nLeads;
        need(s, p, total, what + " data of " + nLeads + " leads");
        if (diff > 2) {
            throw fail("section " + s.id(), "difference encoding " + diff + " is not one of 0 (none), 1 (first), 2 (second)");
        }
        int[][] out = new int[nLeads][];
        for (int i = 0; i < nLeads; i++) {
            // each sample takes at least one bit (Huffman) or two bytes (plain), so a lying count is caught here
            long capacity = tables == null ? bytes[i] / 2 : bytes[i] * 8L;
            if (samples > capacity) {
                throw fail("section " + s.id(), what + " lead " + (i + 1) + " needs " + samples
                        + " samples but has only " + bytes[i] + " bytes");
            }
            int[] v = tables == null ? plain(p, (int) samples) : huffman(s, p, bytes[i], (int) samples, tables, i);
            undoDifferences(v, diff);
            out[i] = v;
            p += bytes[i];
        }
        return out;
    }

    private int[] plain(int p, int samples) {
        int[] v = new int[samples];
        for (int j = 0; j < samples; j++) {
            v[j] = (short) u16(p + 2 * j, 6);
        }
        return v;
    }

    private static void undoDifferences(int[] v, int diff) {
        if (diff == 1) {
            for (int j = 1; j < v.length; j++) {
                v[j] += v[j - 1];
            }
        } else if (diff == 2) {
            for (int j = 2; j < v.length; j++) {
                v[j] += 2 * v[j - 1] - v[j - 2];
            }
        }
    }

    /**
     * Huffman tables: each row is {prefix bits, total bits, mode switch, base value, base code}. Base codes are
     * stored with their first transmitted bit as the least significant bit (§5.5), which is how the decoder
     * accumulates bits too.
     */
    private List<int[][]> huffmanTables(Section s) {
        need(s, s.data(), 2, "number of Huffman tables");
        int count = u16(s.data(), 2);
        if (count == DEFAULT_HUFFMAN_ONLY) {
            return List.<int[][]>of(defaultTable());
        }
        if (count == 0) {
            throw fail("section 2", "declares no Huffman tables");
        }
        List<int[][]> tables = new ArrayList<>();
        int p = s.data() + 2;
        for (int t = 0; t < count; t++) {
            need(s, p, 2, "size of Huffman table " + (t + 1));
            int rows = u16(p, 2);
            p += 2;
            need(s, p, 9L * rows, rows + " code structures of Huffman table " + (t + 1));
            int[][] table = new int[rows][];
            for (int r = 0; r < rows; r++) {
                int prefix = u8(p);
                int totalBits = u8(p + 1);
                int mode = u8(p + 2);
                int base = (short) u16(p + 3, 2);
                long code = u32(p + 5, 2);
                if (prefix < 1 || prefix > 32 || totalBits < prefix || totalBits - prefix > 32) {
                    throw fail("section 2", "Huffman table " + (t + 1) + " code " + (r + 1) + " has " + prefix
                            + " prefix bits of " + totalBits);
                }
                table[r] = new int[] {prefix, totalBits, mode, base, (int) code};
                p += 9;
            }
            tables.add(table);
        }
        return tables;
    }

    /** The default table of EN 1064 Annex C.2.7: 0, ±1..±8 by unary-like prefixes, then 8- and 16-bit escapes. */
    private static int[][] defaultTable() {
        List<int[]> rows = new ArrayList<>();
        rows.add(new int[] {1, 1, 1, 0, 0});
        for (int v = 1; v <= 8; v++) {
            // v ones after a leading 1 ... written as '1'*v + '0' + sign bit, v+2 bits in all
            int bits = v + 2;
            for (int sign = 0; sign < 2; sign++) {
                String pattern = "1".repeat(v) + "0" + sign;
                rows.add(new int[] {bits, bits, 1, sign == 0 ? v : -v, reversed(pattern)});
            }
        }
        rows.add(new int[] {10, 18, 1, 0, reversed("1111111110")});
        rows.add(new int[] {10, 26, 1, 0, reversed("1111111111")});
        return rows.toArray(new int[0][]);
    }

    private static int reversed(String bits) {
        int code = 0;
        for (int i = 0; i < bits.length(); i++) {
            if (bits.charAt(i) == '1') {
                code |= 1 << i;
            }
        }
        return code;
    }

    private int[] huffman(Section s, int p, int bytes, int samples, List<int[][]> tables, int lead) {
        int[] out = new int[samples];
        long bit = 0;
        long bits = bytes * 8L;
        int[][][][] indexed = new int[tables.size()][][][];
        for (int t = 0; t < indexed.length; t++) {
            indexed[t] = byPrefixLength(tables.get(t));
        }
        int[][][] table = indexed[0];
        int j = 0;
        while (j < samples) {
            int code = 0;
            int nbits = 0;
            int[] match = null;
            while (match == null) {
                if (bit >= bits || nbits >= 32) {
                    throw fail("section " + s.id(), "lead " + (lead + 1) + " ends after " + j + " of " + samples
                            + " samples" + (nbits >= 32 ? " (no Huffman code matches)" : ""));
                }
                code |= bitAt(p, bit++) << nbits;
                nbits++;
                for (int[] row : table[nbits]) {
                    if (row[4] == code) {
                        match = row;
                        break;
                    }
                }
            }
            if (match[2] == 0) {
                // mode switch: the base value names the table that decodes what follows (§5.5)
                int next = match[3];
                if (next < 1 || next > tables.size()) {
                    throw fail("section 2", "Huffman code switches to table " + next + " of " + tables.size());
                }
                table = indexed[next - 1];
                continue;
            }
            int extra = match[1] - match[0];
            if (extra == 0) {
                out[j++] = match[3];
            } else {
                if (bit + extra > bits) {
                    throw fail("section " + s.id(), "lead " + (lead + 1) + " ends inside an escaped value at sample " + j);
                }
                long v = 0;
                for (int k = 0; k < extra; k++) {
                    v = v << 1 | bitAt(p, bit++);
                }
                // the escaped value is two's complement, most significant bit first
                if ((v & (1L << (extra - 1))) != 0) {
                    v -= 1L << extra;
                }
                out[j++] = (int) v;
            }
        }
        return out;
    }

    /** Rows grouped by prefix length, so each bit read compares only the codes of that length. */
    private static int[][][] byPrefixLength(int[][] table) {
        int[] count = new int[33];
        for (int[] row : table) {
            count[row[0]]++;
        }
        int[][][] out = new int[33][][];
        for (int len = 0; len <= 32; len++) {
            out[len] = new int[count[len]][];
        }
        int[] fill = new int[33];
        for (int[] row : table) {
            out[row[0]][fill[row[0]]++] = row;
        }
        return out;
    }

    private int bitAt(int p, long bit) {
        return (d[p + (int) (bit >>> 3)] >>> (7 - (int) (bit & 7))) & 1;
    }


    /** Tags 25 (date: year as 2 bytes, month, day), 26 (time: hour, minute, second) and 34 (time zone) of section 1. */
    private Instant acquisitionTime(Section s, ZoneId zone) {
        int dp = tag(s, 25);
        int tp = tag(s, 26);
        if (dp < 0 || u16(dp + 1, 1) != 4 || tp < 0 || u16(tp + 1, 1) != 3) {
            return null;
        }
        ZoneId z = zone;
        int zp = tag(s, 34);
        if (zp >= 0 && u16(zp + 1, 1) >= 2) {
            int minutes = (short) u16(zp + 3, 1);
            // the offset from UTC in minutes; anything beyond ±18 h means "not stated", not a real offset
            if (Math.abs(minutes) <= 18 * 60) {
                z = ZoneOffset.ofTotalSeconds(minutes * 60);
            }
        }
        try {
            LocalDateTime t = LocalDateTime.of(u16(dp + 3, 1), u8(dp + 5), u8(dp + 6), u8(tp + 3), u8(tp + 4), u8(tp + 5));
            return t.atZone(z).toInstant();
        } catch (DateTimeException e) {
            throw fail("section 1", "acquisition date/time is not a valid date: " + e.getMessage());
        }
    }

    /** Offset of the first field with this tag in section 1 (tag, 2-byte length, value), or -1. */
    private int tag(Section s, int wanted) {
        int p = s.data();
        while (p + 3 <= s.end()) {
            int t = u8(p);
            if (t == 255) {
                return -1; // the terminator tag ends the field list (§5.4)
            }
            int len = u16(p + 1, 1);
            if (p + 3L + len > s.end()) {
                throw fail("section 1", "tag " + t + " claims " + len + " bytes, past the end of the section");
            }
            if (t == wanted) {
                return p;
            }
            p += 3 + len;
        }
        return -1;
    }

    private Section sectionAt(int start, int recordEnd, int expectedId) {
        if (start < 0 || start + SECTION_HEADER > recordEnd) {
            throw fail("section " + expectedId, "header at byte " + (start + 1) + " lies past the end of the record");
        }
        int id = u16(start + 2, expectedId);
        long len = u32(start + 4, expectedId);
        if (id != expectedId) {
            throw fail("section " + expectedId, "the section found at byte " + (start + 1) + " says it is section " + id);
        }
        if (len < SECTION_HEADER || start + len > recordEnd) {
            throw fail("section " + id, "length " + len + " does not fit between byte " + (start + 1)
                    + " and the end of the record at " + recordEnd);
        }
        int end = start + (int) len;
        int stored = u16(start, id);
        int computed = crc(d, start + 2, end);
        if (stored != computed) {
            throw fail("section " + id, "CRC is " + hex(computed) + " but the section says " + hex(stored)
                    + "; the section is damaged");
        }
        return new Section(id, start, (int) len);
    }

    private void need(Section s, int p, long bytes, String what) {
        if (p + bytes > s.end()) {
            throw fail("section " + s.id(), what + " need " + bytes + " bytes but only " + Math.max(0, s.end() - p)
                    + " remain in the section");
        }
    }

    private int u8(int p) {
        return d[p] & 0xFF;
    }

    private int u16(int p, int section) {
        if (p < 0 || p + 2 > d.length) {
            throw fail("section " + section, "read past the end of the file at byte " + p);
        }
        return (d[p] & 0xFF) | (d[p + 1] & 0xFF) << 8;
    }

    private long u32(int p, int section) {
        if (p < 0 || p + 4 > d.length) {
            throw fail("section " + section, "read past the end of the file at byte " + p);
        }
        return (d[p] & 0xFFL) | (d[p + 1] & 0xFFL) << 8 | (d[p + 2] & 0xFFL) << 16 | (d[p + 3] & 0xFFL) << 24;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    private static String hex(int v) {
        return String.format("0x%04X", v);
    }

    private ScpFormatException fail(String where, String problem) {
        return new ScpFormatException(src, where + ": " + problem);
    }
}
