package org.vitalis.domain;

/**
 * The patient's side of a paired site. Codes: SNOMED CT International, qualifier value hierarchy, Left 7771000 and
 * Right 24028007 (as DICOM PS3.16 uses them in the Anatomic Region Modifier Sequence).
 */
public enum Laterality {
    LEFT("7771000", "Left"),
    RIGHT("24028007", "Right");

    private final String snomedCode;
    private final String display;

    Laterality(String snomedCode, String display) {
        this.snomedCode = snomedCode;
        this.display = display;
    }

    public String snomedCode() {
        return snomedCode;
    }

    public String display() {
        return display;
    }
}
