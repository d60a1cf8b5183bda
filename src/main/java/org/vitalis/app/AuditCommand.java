package org.vitalis.app;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.vitalis.security.AuditTrail;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "audit", description = "Work with the audit trail.", subcommands = AuditCommand.Verify.class,
        mixinStandardHelpOptions = true)
final class AuditCommand {

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check the audit trail's hash chain; names the first broken row. Exit code 0 when intact, 1 when broken.")
    static final class Verify implements Callable<Integer> {
        @Mixin
        StationOptions station;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Station st = Station.open(station.load(null, null))) {
                AuditTrail.Verification v = st.trail.verify(st.db, n -> { });
                if (v.intact()) {
                    out.println("Audit trail intact: " + v.rowsChecked() + " rows, hash chain verified.");
                    return 0;
                }
                out.println("Audit trail BROKEN at row " + v.firstBrokenSeq() + ": " + v.problem()
                        + ". Rows 1-" + v.rowsChecked() + " are intact.");
                return 1;
            }
        }
    }
}
