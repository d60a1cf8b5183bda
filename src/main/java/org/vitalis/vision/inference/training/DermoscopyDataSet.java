package org.vitalis.vision.inference.training;

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

/**
 * The ISIC dermoscopy folder: {@code labels.csv} (image_id, diagnosis, ...) and {@code <image_id>.jpg}. Only the two
 * diagnoses the model learns are kept; rows without a diagnosis are counted and left out.
 */
final class DermoscopyDataSet {
    static final String POSITIVE = "melanoma";
    static final String NEGATIVE = "nevus";

    private final List<LabelledImage> images;
    private final int skipped;

    private DermoscopyDataSet(List<LabelledImage> images, int skipped) {
        this.images = images;
        this.skipped = skipped;
    }

    /** Reads at most {@code limit} labelled images (all when limit ≤ 0), in the order of labels.csv. */
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
                out.add(new LabelledImage(f[0].trim(), diagnosis.equals(POSITIVE),
                        Preprocessing.squareRgb(decoder.decode(jpg), inputSize)));
            } catch (ImageDecodeException e) {
                throw new IOException("cannot read " + jpg + ": " + e.getMessage(), e);
            }
        }
        return new DermoscopyDataSet(out, skipped);
    }

    List<LabelledImage> images() {
        return images;
    }

    /** Rows of labels.csv with a diagnosis other than nevus or melanoma (or none). */
    int skipped() {
        return skipped;
    }
}
