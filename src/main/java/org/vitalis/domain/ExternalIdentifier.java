package org.vitalis.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** An identifier the patient has elsewhere: national ID, passport, insurer number. */
@Embeddable
public class ExternalIdentifier {
    @Column(name = "id_system", nullable = false, length = 100)
    private String system;

    @Column(name = "id_value", nullable = false, length = 100)
    private String value;

    protected ExternalIdentifier() {
    }

    public ExternalIdentifier(String system, String value) {
        this.system = system;
        this.value = value;
    }

    public String system() {
        return system;
    }

    public String value() {
        return value;
    }
}
