package org.vitalis.vision.inference.training;

import java.nio.file.Path;

/**
 * What {@code vitalis vision train} was asked for.
 *
 * @param data      the isic-uda1 folder (labels.csv and the JPEGs)
 * @param out       the model folder to write (models/NAME)
 * @param seed      seeds weight initialisation, dropout, batch order and augmentation
 * @param splitSeed seeds the train/validation/test split, kept apart from {@code seed} so that trying another training
 *                  seed never moves a test image into training
 * @param epochs    most epochs; training stops earlier when validation AUC has not improved for {@code patience}
 * @param patience  epochs without improvement before stopping
 * @param limit     use only the first N labelled images (0: all); for quick pipeline checks, not for a shipped model
 * @param inputSize side of the square network input in pixels
 * @param command   the command line that was run, recorded in the manifest and model card
 */
public record TrainingOptions(Path data, Path out, long seed, long splitSeed, int epochs, int patience, int limit,
        int inputSize, String command) {
    public static final long DEFAULT_SEED = 42;
    public static final long DEFAULT_SPLIT_SEED = 20_240_601;
    public static final int DEFAULT_EPOCHS = 60;
    public static final int DEFAULT_PATIENCE = 20;
    public static final int DEFAULT_INPUT_SIZE = 96;

    public TrainingOptions {
        if (epochs < 1 || patience < 1 || limit < 0 || inputSize < 16 || inputSize % 8 != 0) {
            throw new IllegalArgumentException("epochs and patience must be at least 1, input size a multiple of 8 of at least 16");
        }
    }
}
