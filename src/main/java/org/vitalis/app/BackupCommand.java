package org.vitalis.app;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vitalis.security.Actor;
import org.vitalis.store.BackupService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Write a consistent, compressed copy of the station's data to FILE; works while Vitalis runs.")
final class BackupCommand implements Callable<Integer> {
    @Mixin
    StationOptions station;

    @Parameters(paramLabel = "FILE", description = "The backup file to write (a .zip).")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(file + " is a folder; give the name of the backup file to write.");
        }
        AppConfig config = station.load(null, null);
        try (Station st = Station.open(config)) {
            BackupService.Manifest m = new BackupService(st.clock).backup(st.db, file,
                    new ProgressPrinter(spec.commandLine().getErr(), "backup"),
                    st.trail.logFor(CommandActor.of(config)));
            long rows = m.tables().stream().mapToLong(BackupService.TableEntry::rows).sum();
            out.println("Backup written to " + file.toAbsolutePath() + ": " + m.tables().size() + " tables, " + rows
                    + " rows, " + Files.size(file) / 1024 + " KiB, schema version " + m.schemaVersion() + ".");
        }
        return 0;
    }

}
