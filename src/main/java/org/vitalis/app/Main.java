package org.vitalis.app;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.vitalis.store.StoreException;
import org.vitalis.ui.UiContext;
import org.vitalis.ui.WorkstationApp;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The launcher: with no command it opens the workstation; commands serve admins and engineers. */
@Command(name = "vitalis", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Vitalis clinician workstation. With no command, opens the workstation window.",
        subcommands = {BackupCommand.class, RestoreCommand.class, AuditCommand.class, EcgCommand.class,
            DeviceCommand.class, SimulateCommand.class, VisionCommand.class})
public final class Main implements Callable<Integer> {
    @Mixin
    StationOptions station;

    @Option(names = "--lang", paramLabel = "LANG", description = "Language of the window: en or ar (default: from the config file, else en).")
    String language;

    @Option(names = "--dark", description = "Start with the dark theme.")
    Boolean dark;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8), args));
    }

    static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            // A clinic user needs one clear line, not a stack trace; the cause goes to the log.
            cmd.getErr().println("vitalis: " + message(e));
            org.slf4j.LoggerFactory.getLogger(Main.class).debug("Command failed", e);
            return 1;
        });
        return cli.execute(args);
    }

    private static String message(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file: " + e.getMessage();
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied: " + e.getMessage();
        }
        if (e instanceof org.vitalis.device.codec.CodecException) {
            return "cannot decode: " + e.getMessage();
        }
        if (e instanceof org.vitalis.store.NotAVitalisBackupException || e instanceof org.vitalis.ecg.format.EcgFormatException) {
            return e.getMessage();
        }
        if (e instanceof AppConfig.ConfigException || e instanceof StoreException || e instanceof IllegalArgumentException
                || e instanceof IllegalStateException) {
            return e.getMessage();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    @Override
    public Integer call() {
        Optional<String> noDisplay = Display.missing();
        if (noDisplay.isPresent()) {
            spec.commandLine().getErr().println("vitalis: " + noDisplay.get());
            return 2;
        }
        AppConfig config = station.load(language, dark);
        try (Station st = Station.open(config);
                DemoDevices demoDevices = config.demo() ? DemoDevices.start() : DemoDevices.none();
                ManagedDevices stationDevices = config.demo() ? null
                        : ManagedDevices.station(config.dataDir().resolve("devices.json"),
                                org.vitalis.device.driver.DeviceDriver.Options.defaults());
                // The photo screen's models: checked and loaded once; a missing or damaged model disables its task only.
                BackgroundModels models = new BackgroundModels(ModelsFolder.locate())) {
            WorkstationApp.launch(UiContexts.of(st, config.demo() ? demoDevices.devices()
                    : Optional.<org.vitalis.ui.StationDevices>of(stationDevices), models));
        }
        return 0;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"Vitalis " + (v == null ? "(development build)" : v)};
        }
    }
}
