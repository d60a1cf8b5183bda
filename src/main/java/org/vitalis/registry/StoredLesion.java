package org.vitalis.registry;

import org.vitalis.domain.PatientSummary;

/**
 * A lesion picture with its stored bytes (a PNG, or the imported file's own bytes of type {@code mediaType}) and the
 * patient it belongs to, so a screen that opens it from a list of every patient's photos names whose it is.
 */
public record StoredLesion(LesionImageSummary summary, byte[] picture, String mediaType, PatientSummary patient) {
}
