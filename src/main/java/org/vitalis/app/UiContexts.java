package org.vitalis.app;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.vitalis.registry.VisionLesionAnalysis;
import org.vitalis.ui.Imaging;
import org.vitalis.ui.StartupTask;
import org.vitalis.ui.UiContext;
import org.vitalis.vision.inference.ModelRegistry;
import org.vitalis.vision.quality.QualityGate;

/** Hands the screens their services and the station's facts. */
final class UiContexts {
    private UiContexts() {
    }

    /** {@code models}: the installed models, for the photo screen, perhaps still loading. */
    static UiContext of(Station st, Optional<org.vitalis.ui.StationDevices> devices,
            Supplier<ModelRegistry> models) {
        AppConfig cfg = st.config;
        List<UiContext.DemoAccount> demoAccounts = cfg.demo()
                ? DemoClinic.ACCOUNTS.stream()
                        .map(a -> new UiContext.DemoAccount(a.username(), a.password(), a.role().name())).toList()
                : List.of();
        Optional<StartupTask> startup = cfg.demo() && DemoClinic.needsSeeding(st)
                ? Optional.of(new StartupTask() {
                    @Override
                    public String messageKey() {
                        return "startup.demo";
                    }

                    @Override
                    public void run(java.util.function.DoubleConsumer progress) throws Exception {
                        DemoClinic.seed(st, progress);
                    }
                })
                : Optional.empty();
        return new UiContext(st.auth, st.users, st.patients, st.vitals, st.ecg, st.audit, new StationBackups(st),
                new UiContext.Station(cfg.workstation(), cfg.database().describe(), cfg.demo(), demoAccounts),
                new UiContext.Settings(cfg.idleLockMinutes(), cfg.language(), cfg.dark()), startup,
                devices, Optional.of(new Imaging(st.lesions,
                        new VisionLesionAnalysis(QualityGate.dermoscopy(), models), st.cameras)));
    }
}
