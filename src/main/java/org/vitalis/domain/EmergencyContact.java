package org.vitalis.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A person to call for the patient; kept with the patient, not as a patient of its own. */
@Embeddable
public class EmergencyContact {
    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "relationship", length = 100)
    private String relationship;

    @Column(name = "phone", nullable = false, length = 50)
    private String phone;

    protected EmergencyContact() {
    }

    public EmergencyContact(String name, String relationship, String phone) {
        this.name = name;
        this.relationship = relationship;
        this.phone = phone;
    }

    public String name() {
        return name;
    }

    public String relationship() {
        return relationship;
    }

    public String phone() {
        return phone;
    }
}
