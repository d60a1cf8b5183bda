package org.vitalis.vision.inference.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * A deterministic split stratified by label: within each class the images are sorted by id, shuffled with the split
 * seed, and cut 20% test / 10% validation / 70% training. The test part is never seen by training, early stopping,
 * calibration or the choice of threshold.
 */
record Split(List<LabelledImage> train, List<LabelledImage> validation, List<LabelledImage> test) {
    static final double TEST = 0.20;
    static final double VALIDATION = 0.10;

    static Split stratified(List<LabelledImage> images, long seed) {
        List<LabelledImage> train = new ArrayList<>();
        List<LabelledImage> val = new ArrayList<>();
        List<LabelledImage> test = new ArrayList<>();
        for (boolean positive : new boolean[] {false, true}) {
            List<LabelledImage> cls = new ArrayList<>(images.stream().filter(i -> i.positive() == positive)
                    .sorted(Comparator.comparing(LabelledImage::id)).toList());
            java.util.Collections.shuffle(cls, new Random(seed + (positive ? 1 : 0)));
            int nTest = (int) Math.round(cls.size() * TEST);
            int nVal = (int) Math.round(cls.size() * VALIDATION);
            test.addAll(cls.subList(0, nTest));
            val.addAll(cls.subList(nTest, nTest + nVal));
            train.addAll(cls.subList(nTest + nVal, cls.size()));
        }
        return new Split(sorted(train), sorted(val), sorted(test));
    }

    private static List<LabelledImage> sorted(List<LabelledImage> l) {
        return l.stream().sorted(Comparator.comparing(LabelledImage::id)).toList();
    }

    /**
     * image_id,label,split — so anyone can check that no test image was trained on; images the quality gate left out
     * are listed as {@code excluded:<failed checks>}.
     */
    void write(Path file, List<DermoscopyDataSet.Excluded> excluded) throws IOException {
        StringBuilder sb = new StringBuilder("image_id,label,split\n");
        append(sb, train, "train");
        append(sb, validation, "validation");
        append(sb, test, "test");
        for (DermoscopyDataSet.Excluded e : excluded) {
            sb.append(e.id()).append(',').append(e.positive() ? DermoscopyDataSet.POSITIVE : DermoscopyDataSet.NEGATIVE)
                    .append(",excluded:").append(e.failedChecks()).append('\n');
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    private static void append(StringBuilder sb, List<LabelledImage> part, String name) {
        for (LabelledImage i : part) {
            sb.append(i.id()).append(',').append(i.positive() ? DermoscopyDataSet.POSITIVE : DermoscopyDataSet.NEGATIVE)
                    .append(',').append(name).append('\n');
        }
    }

    static int positives(List<LabelledImage> part) {
        return (int) part.stream().filter(LabelledImage::positive).count();
    }
}
