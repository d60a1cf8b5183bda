package org.vitalis.ecg.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vitalis.ecg.SharedData;

class ScpEcgReaderTest {

    private static final int[] I_II_V1 = {1, 2, 3};

    @Test
    void decodesTestScpExactlyLikeParsescp() throws IOException {
        Path dir = SharedData.require("ecg-formats/scp-ecg");
        EcgRecord rec = ScpEcgReader.read(dir.resolve("test.scp"));
        // parsescp -w wrote test.hea/test.dat; reading them also verifies the header's checksums
        WfdbRecord ref = WfdbRecord.read(dir.resolve("parsescp-expected"), "test");
        assertThat(rec.samplingFrequency()).isEqualTo(ref.samplingFrequency()).isEqualTo(500.0);
        assertThat(rec.sampleCount()).isEqualTo(ref.header().samples()).isEqualTo(5000);
        assertThat(rec.leads()).extracting(EcgLead::label).containsExactly("I", "II", "V1", "V2", "V3", "V4", "V5", "V6");
        // the id is the file's, never section 1's patient id; acquisition date/time tags 25/26 (the .des says 1 January 2004 02:13:18)
        assertThat(rec.id()).isEqualTo("test");
        assertThat(rec.start()).isEqualTo(Instant.parse("2004-01-01T02:13:18Z"));
        // section 4: eleven QRS fiducials (1-based in the file), their reference beat types as subtypes
        assertThat(rec.beats()).extracting(Annotation::sample)
                .containsExactly(253L, 705L, 1117L, 1617L, 2065L, 2439L, 2955L, 3426L, 3851L, 4340L, 4605L);
        assertThat(rec.beats()).extracting(Annotation::subtype).containsExactly(0, 1, 0, 2, 2, 0, 3, 2, 0, 2, 4);
        assertThat(rec.beats()).allMatch(a -> a.mnemonic().equals("Q"));
        EcgRecord all = LimbLeads.derive(rec);
        assertThat(all.leads()).hasSize(12);
        for (int k = 0; k < 12; k++) {
            String name = ref.header().signals().get(k).description();
            EcgLead lead = all.leads().stream().filter(l -> l.label().equals(name)).findFirst().orElseThrow();
            assertThat(lead.unit()).isEqualTo("uV");
            boolean stored = rec.leads().stream().anyMatch(l -> l.label().equals(name));
            if (stored) {
                assertThat(lead.samples()).as("lead %s", name).containsExactly(ref.adc()[k]);
                // the AVMs are 5000 nV (beat) and 20000 nV (residual): samples are in 5 uV units, 200 per mV as in test.hea
                assertThat(lead.gain() * 1000).isEqualTo(ref.header().signals().get(k).gain());
            }
            // parsescp truncates the halves of the augmented leads to whole 5 uV units; Vitalis keeps them exactly (at
            // twice the gain), so a derived lead agrees to within one of parsescp's units.
            double[] physical = ref.physical(k);
            for (int j = 0; j < physical.length; j++) {
                assertThat(lead.microvolts(j)).as("lead %s sample %d", name, j)
                        .isCloseTo(physical[j] * 1000, org.assertj.core.data.Offset.offset(stored ? 1e-9 : 5.0 + 1e-9));
            }
        }
    }

    @Test
    void withoutSmoothingTheStoredResidualShowsThrough() throws IOException {
        Path dir = SharedData.require("ecg-formats/scp-ecg");
        byte[] b = Files.readAllBytes(dir.resolve("test.scp"));
        EcgRecord smooth = ScpEcgReader.parse(b, "test.scp", "test", ZoneOffset.UTC, true);
        EcgRecord raw = ScpEcgReader.parse(b, "test.scp", "test", ZoneOffset.UTC, false);
        int[] s = smooth.leads().getFirst().samples();
        int[] r = raw.leads().getFirst().samples();
        // inside the first dominant beat's subtraction zone (samples 109..457) nothing is smoothed
        for (int j = 108; j <= 456; j++) {
            assertThat(s[j]).isEqualTo(r[j]);
        }
        assertThat(s).isNotEqualTo(r);
        // the residual is stored in 20000 nV units, four of the 5000 nV output units
        assertThat(r[20] % 4).isZero();
    }

    @Test
    void roundTripsEveryEncodingOfASmallRecord() {
        Random rnd = new Random(7);
        int[][] x = new int[3][700];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 700; j++) {
                // small steps, occasional 8-bit and 16-bit jumps, to reach every escape of the default table
                x[i][j] = (j == 0 ? 0 : x[i][j - 1]) + (j % 97 == 5 ? 3000 : j % 41 == 3 ? -100 : rnd.nextInt(9) - 4);
            }
        }
        for (int diff = 0; diff <= 2; diff++) {
            for (boolean huffman : new boolean[] {true, false}) {
                byte[] b = ScpTestFiles.record(x, I_II_V1, 2500, 1000, diff, huffman);
                EcgRecord rec = ScpEcgReader.parse(b, "mini.scp", "mini", ZoneOffset.UTC, true);
                assertThat(rec.leads()).extracting(EcgLead::label).containsExactly("I", "II", "V1");
                for (int i = 0; i < 3; i++) {
                    assertThat(rec.leads().get(i).samples()).as("diff %d huffman %s", diff, huffman).containsExactly(x[i]);
                    assertThat(rec.leads().get(i).gain()).isEqualTo(0.4);
                }
                assertThat(rec.samplingFrequency()).isEqualTo(1000.0);
                assertThat(rec.id()).as("the patient id 4711 in section 1 is not used").isEqualTo("mini");
                assertThat(rec.start()).isEqualTo(Instant.parse("2025-03-14T09:26:53Z"));
            }
        }
    }

    @Test
    void addsTheReferenceBeatBackInItsSubtractionZone() {
        int[] residual = new int[20];
        int[] beat = new int[10];
        for (int j = 0; j < 20; j++) {
            residual[j] = (j * 7) % 11 - 5;
        }
        for (int j = 0; j < 10; j++) {
            beat[j] = 100 * j - 300;
        }
        byte[][] sections = new byte[12][];
        sections[1] = new byte[] {(byte) 255, 0, 0};
        sections[3] = concat(new byte[] {1, 0x05}, ScpTestFiles.le(1, 4), ScpTestFiles.le(20, 4), new byte[] {1});
        // beat of 20 ms = 10 samples, fiducial at its 4th sample; one dominant QRS zone 6..12, fiducial 9 (1-based)
        sections[4] = concat(ScpTestFiles.le(20, 2), ScpTestFiles.le(4, 2), ScpTestFiles.le(1, 2), ScpTestFiles.le(0, 2),
                ScpTestFiles.le(6, 4), ScpTestFiles.le(9, 4), ScpTestFiles.le(12, 4));
        sections[5] = concat(ScpTestFiles.le(2500, 2), ScpTestFiles.le(2000, 2), new byte[] {0, 0},
                ScpTestFiles.le(20, 2), plain(beat));
        sections[6] = concat(ScpTestFiles.le(5000, 2), ScpTestFiles.le(2000, 2), new byte[] {0, 0},
                ScpTestFiles.le(40, 2), plain(residual));
        byte[] b = ScpTestFiles.assemble(sections);

        EcgRecord raw = ScpEcgReader.parse(b, "beat.scp", "beat", ZoneOffset.UTC, false);
        EcgLead lead = raw.leads().getFirst();
        // unit is gcd(2500, 5000) nV: the residual counts double, the beat once, from 0-based sample 5 (beat sample 0)
        assertThat(lead.gain()).isEqualTo(0.4);
        for (int j = 0; j < 20; j++) {
            int want = residual[j] * 2 + (j >= 5 && j <= 11 ? beat[j - 5] : 0);
            assertThat(lead.samples()[j]).as("sample %d", j).isEqualTo(want);
        }
        assertThat(raw.id()).isEqualTo("beat");
        assertThat(raw.start()).isNull();
        assertThat(raw.beats()).extracting(Annotation::sample).containsExactly(8L);

        EcgLead smooth = ScpEcgReader.parse(b, "beat.scp", "beat", ZoneOffset.UTC, true).leads().getFirst();
        // samples 5..13 are protected (zone plus two, as parsescp keeps them); sample 2 is a rounded 3-point mean
        for (int j = 5; j <= 13; j++) {
            assertThat(smooth.samples()[j]).isEqualTo(lead.samples()[j]);
        }
        int sum = 2 * (residual[1] + residual[2] + residual[3]);
        assertThat(smooth.samples()[2]).isEqualTo(sum > 0 ? (sum + 2) / 3 : sum < 0 ? (sum - 2) / 3 : 0);
    }

    private static byte[] plain(int[] v) {
        byte[] b = new byte[2 * v.length];
        for (int j = 0; j < v.length; j++) {
            ScpTestFiles.put(b, 2 * j, v[j], 2);
        }
        return b;
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void explicitHuffmanTablesDecodeLikeTheDefaultOne() {
        int[][] x = {{0, 5, -7, 200, 190, -3000, 12, 12, 13}};
        byte[] b = ScpTestFiles.record(x, I_II_V1, 5000, 2000, 1, ScpTestFiles.explicitDefaultTable(), null);
        EcgRecord rec = ScpEcgReader.parse(b, "table.scp", "table", ZoneOffset.UTC, true);
        assertThat(rec.leads().getFirst().samples()).containsExactly(x[0]);
    }

    @Test
    void timeZoneTagTurnsLocalAcquisitionTimeIntoAnInstant() {
        int[][] x = {{1, 2, 3}};
        byte[] b = ScpTestFiles.record(x, I_II_V1, 5000, 2000, 0, null, 120);
        EcgRecord rec = ScpEcgReader.parse(b, "tz.scp", "tz", ZoneOffset.UTC, true);
        assertThat(rec.start()).isEqualTo(Instant.parse("2025-03-14T07:26:53Z"));
        byte[] c = ScpTestFiles.record(x, I_II_V1, 5000, 2000, 0, null, null);
        assertThat(ScpEcgReader.parse(c, "tz.scp", "tz", ZoneOffset.ofHours(-5), true).start())
                .isEqualTo(Instant.parse("2025-03-14T14:26:53Z"));
    }

    @Test
    void refusesACorruptedRecordOrSection() {
        byte[] b = ScpTestFiles.record(new int[][] {{1, 2, 3, 4}}, I_II_V1, 5000, 2000, 2, true);
        byte[] flipped = b.clone();
        flipped[flipped.length - 3] ^= 0x10;
        assertThatThrownBy(() -> ScpEcgReader.parse(flipped, "bad.scp", "bad", ZoneOffset.UTC, true))
                .isInstanceOf(ScpFormatException.class).hasMessageContaining("bad.scp").hasMessageContaining("record CRC");
        ScpTestFiles.fixRecordCrc(flipped);
        assertThatThrownBy(() -> ScpEcgReader.parse(flipped, "bad.scp", "bad", ZoneOffset.UTC, true))
                .isInstanceOf(ScpFormatException.class).hasMessageContaining("section 6: CRC");
    }

    @Test
    void refusesBimodalCompressionAndUnequalLeads() {
        int[][] x = {{1, 2, 3, 4}, {5, 6, 7, 8}};
        byte[] b = ScpTestFiles.record(x, I_II_V1, 5000, 2000, 0, true);
        int s6 = sectionStart(b, 6);
        b[s6 + 16 + 5] = 1;
        resign(b, 6);
        assertThatThrownBy(() -> ScpEcgReader.parse(b, "bi.scp", "bi", ZoneOffset.UTC, true))
                .isInstanceOf(ScpFormatException.class).hasMessageContaining("section 6").hasMessageContaining("bimodal");
        byte[] c = ScpTestFiles.record(x, I_II_V1, 5000, 2000, 0, true);
        int s3 = sectionStart(c, 3);
        ScpTestFiles.put(c, s3 + 16 + 2 + 9 + 4, 3, 4); // second lead ends at sample 3
        resign(c, 3);
        assertThatThrownBy(() -> ScpEcgReader.parse(c, "len.scp", "len", ZoneOffset.UTC, true))
                .isInstanceOf(ScpFormatException.class).hasMessageContaining("different lengths");
    }

    @Test
    void lyingLengthsAreRefusedBeforeAllocating() {
        byte[] b = ScpTestFiles.record(new int[][] {{1, 2, 3, 4}}, I_II_V1, 5000, 2000, 2, true);
        int s3 = sectionStart(b, 3);
        ScpTestFiles.put(b, s3 + 16 + 2 + 4, 0x7FFF_FFF0L, 4); // the lead claims two billion samples
        resign(b, 3);
        assertThatThrownBy(() -> ScpEcgReader.parse(b, "lie.scp", "lie", ZoneOffset.UTC, true))
                .isInstanceOf(ScpFormatException.class).hasMessageContaining("section 6").hasMessageContaining("bytes");
        byte[] c = ScpTestFiles.record(new int[][] {{1, 2, 3, 4}}, I_II_V1, 5000, 2000, 2, true);
        ScpTestFiles.put(c, 2, 0x7FFF_FFFFL, 4);
        assertThatThrownBy(() -> ScpEcgReader.parse(c, "lie.scp", "lie", ZoneOffset.UTC, true))
                .isInstanceOf(ScpFormatException.class).hasMessageContaining("record length");
        assertThatThrownBy(() -> ScpEcgReader.parse(new byte[3], "tiny.scp", "tiny", ZoneOffset.UTC, true))
                .isInstanceOf(ScpFormatException.class).hasMessageContaining("tiny.scp");
    }

    /** 0-based offset of a section, found through section 0's pointer table. */
    static int sectionStart(byte[] b, int id) {
        int p = 6 + 16 + 10 * id;
        return (b[p + 6] & 0xFF | (b[p + 7] & 0xFF) << 8) - 1;
    }

    /** Recomputes one section's CRC and the record CRC after an edit, so the edit itself is what is tested. */
    static void resign(byte[] b, int id) {
        int s = sectionStart(b, id);
        int len = b[s + 4] & 0xFF | (b[s + 5] & 0xFF) << 8;
        ScpTestFiles.put(b, s, ScpEcgReader.crc(b, s + 2, s + len), 2);
        ScpTestFiles.fixRecordCrc(b);
    }
}
