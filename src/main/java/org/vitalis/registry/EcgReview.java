package org.vitalis.registry;

import java.time.Instant;

/** A doctor's confirmation of a recording: the interpretation as written, who confirmed it and when (UTC). */
public record EcgReview(String interpretation, String confirmedBy, Instant confirmedAt) {
}
