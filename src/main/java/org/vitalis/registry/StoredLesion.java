package org.vitalis.registry;

/** A lesion picture with its stored bytes (a PNG, or the imported file's own bytes of type {@code mediaType}). */
public record StoredLesion(LesionImageSummary summary, byte[] picture, String mediaType) {
}
