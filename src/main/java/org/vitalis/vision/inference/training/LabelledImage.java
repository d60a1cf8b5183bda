package org.vitalis.vision.inference.training;

/** One image of the data set: its id, whether it shows the positive finding, and its pixels (CHW RGB in [0, 1]). */
record LabelledImage(String id, boolean positive, float[] rgb) {
}
