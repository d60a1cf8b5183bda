package org.vitalis.vision.inference;

/**
 * How one folder under {@code models/} fared when the registry opened it.
 *
 * @param name    the folder name
 * @param task    the task its manifest names, or {@code null} when the manifest could not be read
 * @param version the manifest's version, or {@code null}
 * @param state   LOADED or FAILED
 * @param reason  for FAILED, one sentence a clinician or admin can act on; empty for LOADED
 */
public record ModelStatus(String name, String task, String version, State state, String reason) {
    public enum State {
        LOADED, FAILED
    }

    public boolean loaded() {
        return state == State.LOADED;
    }
}
