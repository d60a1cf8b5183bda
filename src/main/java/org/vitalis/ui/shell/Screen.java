package org.vitalis.ui.shell;

import java.util.EnumSet;
import java.util.Set;
import org.vitalis.security.Permission;
import org.vitalis.security.UserSession;

/** The screens of the main window and the permissions that make each appear (any one of them suffices). */
public enum Screen {
    PATIENTS("nav.patients", Permission.PATIENT_READ),
    INTAKE("nav.intake", Permission.VITALS_RECORD),
    ECG("nav.ecg", Permission.VITALS_RECORD),
    ECG_REVIEW("nav.ecgReview", Permission.CLINICAL_CONFIRM),
    DEVICES("nav.devices", Permission.VITALS_RECORD),
    USERS("nav.users", Permission.USER_MANAGE),
    AUDIT("nav.audit", Permission.AUDIT_VIEW),
    BACKUP("nav.backup", Permission.BACKUP),
    /** Lesion photos: nurses and doctors take them; admins see the review list and export the data set. */
    IMAGING("nav.imaging", Permission.VITALS_RECORD, Permission.DATASET_EXPORT);

    private final Set<Permission> anyOf;
    private final String labelKey;

    Screen(String labelKey, Permission first, Permission... more) {
        this.labelKey = labelKey;
        this.anyOf = EnumSet.of(first, more);
    }

    public boolean shownTo(UserSession session) {
        return anyOf.stream().anyMatch(session::can);
    }

    public String labelKey() {
        return labelKey;
    }
}
