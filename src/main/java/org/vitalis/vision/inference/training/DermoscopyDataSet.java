package org.vitalis.vision.inference.training;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vitalis.vision.inference.ImageDecodeException;
import org.vitalis.vision.inference.ImageDecoder;
import org.vitalis.vision.inference.Preprocessing;
import org.vitalis.vision.quality.QualityGate;
import org.vitalis.vision.quality.QualityReport;

/**
 * The ISIC dermoscopy folder: {@code labels.csv} (image_id, diagnosis, ...) and {@code <image_id>.jpg}. Only the two
 * diagnoses the model learns are kept; rows without a diagnosis are counted and left out. Images that fail the
 * quality gate are left out too, with their failed checks: the model only ever sees photos that pass the gate (or
 * that a clinician overrode), so it is trained and measured on such photos. In isic-uda1 these are mostly thumbnails
 * smeared into vertical streaks in which no lesion is visible.
 */
final class DermoscopyDataSet {
    static final String POSITIVE = "melanoma";
    static final String NEGATIVE = "nevus";
    /** The network's output index for {@link #POSITIVE}: labels are in output order, negative first. */
    static final int POSITIVE_INDEX = 1;

    private final List<LabelledImage> images;
    private final int skipped;
    private final List<Excluded> excluded;

    /** An image left out because it failed the quality gate. */
    record Excluded(String id, boolean positive, String failedChecks) {
    }

    private DermoscopyDataSet(List<LabelledImage> images, int skipped, List<Excluded> excluded) {
        this.images = images;
        this.skipped = skipped;
        this.excluded = excluded;
    }

    /** Reads at most {@code limit} usable labelled images (all when limit ≤ 0), in the order of labels.csv. */
    static DermoscopyDataSet read(Path folder, int inputSize, int limit) throws IOException {
        Path csv = folder.resolve("labels.csv");
        if (!Files.isRegularFile(csv)) {
            throw new IOException(folder + " has no labels.csv; expected the isic-uda1 data set.");
        }
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).startsWith("image_id,diagnosis")) {
            throw new IOException(csv + " does not start with the header image_id,diagnosis,...");
        }
        ImageDecoder decoder = new ImageDecoder();
        QualityGate gate = QualityGate.dermoscopy();
        List<Excluded> excluded = new ArrayList<>();
        List<LabelledImage> out = new ArrayList<>();
        int skipped = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            if (f.length < 2 || f[0].isBlank()) {
                continue;
            }
            String diagnosis = f[1].trim().toLowerCase(Locale.ROOT);
            if (!diagnosis.equals(POSITIVE) && !diagnosis.equals(NEGATIVE)) {
                skipped++;
                continue;
            }
            if (limit > 0 && out.size() >= limit) {
                break;
            }
            Path jpg = folder.resolve(f[0].trim() + ".jpg");
            try {
                BufferedImage image = decoder.decode(jpg);
                QualityReport q = gate.check(image);
                if (!q.passed()) {
                    excluded.add(new Excluded(f[0].trim(), diagnosis.equals(POSITIVE), q.failures().stream()
                            .map(c -> c.kind().name()).collect(java.util.stream.Collectors.joining("+"))));
                    continue;
                }
                out.add(new LabelledImage(f[0].trim(), diagnosis.equals(POSITIVE), Preprocessing.squareRgb(image, inputSize)));
            } catch (ImageDecodeException e) {
                throw new IOException("cannot read " + jpg + ": " + e.getMessage(), e);
            }
        }
        return new DermoscopyDataSet(out, skipped, excluded);
    }

    List<LabelledImage> images() {
        return images;
    }

    List<Excluded> excluded() {
        return excluded;
    }

    /** Rows of labels.csv with a diagnosis other than nevus or melanoma (or none). */
    int skipped() {
        return skipped;
    }
}
