package org.vitalis.ui;

import java.util.List;
import java.util.Optional;
import org.vitalis.registry.EcgRecordingService;
import org.vitalis.registry.PatientService;
import org.vitalis.registry.VitalsService;
import org.vitalis.security.AuditService;
import org.vitalis.security.AuthService;
import org.vitalis.security.UserAdminService;

/**
 * Everything the screens may use, handed over by the composition root (app). Screens reach data
 * only through these services, never the store. {@code devices} is empty on a station without devices;
 * {@code imaging} is empty where the lesion photo screen cannot run.
 */
public record UiContext(
        AuthService auth,
        UserAdminService users,
        PatientService patients,
        VitalsService vitals,
        EcgRecordingService ecg,
        AuditService audit,
        Backups backups,
        Station station,
        Settings settings,
        Optional<StartupTask> startup,
        Optional<StationDevices> devices,
        Optional<Imaging> imaging) {

    /** What the status bar and the login screen show about this station. */
    public record Station(String workstation, String databaseDescription, boolean demo,
            List<DemoAccount> demoAccounts) {
    }

    /** Shown on the login screen of the demo clinic only. */
    public record DemoAccount(String username, String password, String role) {
    }

    /** Idle minutes before the session locks, language tag ("en" or "ar"), dark theme or light. */
    public record Settings(int idleLockMinutes, String language, boolean dark) {
    }
}
