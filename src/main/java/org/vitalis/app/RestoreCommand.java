package org.vitalis.app;

import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import org.vitalis.security.AuditTrail;
import org.vitalis.store.BackupService;
import org.vitalis.store.RestoreResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Replace the station's data with the contents of a Vitalis backup FILE.",
            "Close Vitalis on this workstation (and, with PostgreSQL, on every workstation) first.",
            "A file that is not a Vitalis backup is refused and nothing is changed."})
final class RestoreCommand implements Callable<Integer> {
    @Mixin
    StationOptions station;

    @Parameters(paramLabel = "FILE", description = "The backup file to restore.")
    Path file;

    @Option(names = "--yes", description = "Do not ask for confirmation (for scripts).")
    boolean yes;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AppConfig config = station.load(null, null);
        // Check the whole file before asking anything: a wrong file is refused at once.
        BackupService.Manifest m = BackupService.inspect(file);
        long rows = m.tables().stream().mapToLong(BackupService.TableEntry::rows).sum();
        out.println("Backup made " + m.createdAt() + " on " + m.databaseKind() + ", schema version " + m.schemaVersion()
                + ", " + rows + " rows.");
        if (!yes) {
            Console console = System.console();
            if (console == null) {
                err.println("vitalis: restore replaces all data of " + config.database().describe()
                        + "; run it with --yes to confirm.");
                return 1;
            }
            String answer = console.readLine("This replaces ALL data of %s. Type RESTORE to continue: ",
                    config.database().describe());
            if (!"RESTORE".equals(answer == null ? null : answer.strip())) {
                err.println("vitalis: restore cancelled; nothing was changed.");
                return 1;
            }
        }
        RestoreResult r = new BackupService(Clock.systemUTC()).restore(config.database(), file,
                new ProgressPrinter(err, "restore"), new AuditTrail(Clock.systemUTC()).logFor(CommandActor.of(config)));
        StringBuilder counts = new StringBuilder();
        for (Map.Entry<String, Long> e : new java.util.TreeMap<>(r.rowCounts()).entrySet()) {
            counts.append(counts.isEmpty() ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue());
        }
        out.println("Restored into " + config.database().describe() + ": " + counts + ".");
        if (r.auditChainProblem() != null) {
            err.println("vitalis: WARNING: the restored audit trail was already broken in the backup: "
                    + r.auditChainProblem() + ". It was restored as found; keep the backup file as evidence.");
            return 3;
        }
        out.println("Audit trail intact: " + r.auditEntries() + " entries.");
        return 0;
    }
}
