package org.vitalis.vision.quality;

/** The quality checks a photo goes through before a model sees it. */
public enum CheckKind {
    /** Out of focus or shaken: too little fine detail. */
    BLUR,
    /** Smeared in one direction: the camera or the patient moved, or the image is damaged into streaks. */
    MOTION_BLUR,
    /** Too dark to see the lesion's structures. */
    UNDEREXPOSED,
    /** Washed out: too bright or too many clipped highlights. */
    OVEREXPOSED,
    /** Too few pixels for the model's input. */
    TOO_SMALL,
    /** The lesion is not in the middle of the frame, or the frame is too narrow. */
    FRAMING
}
