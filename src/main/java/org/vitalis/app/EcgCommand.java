package org.vitalis.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.vitalis.ecg.format.EcgFiles;
import org.vitalis.ecg.format.EcgRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "ecg", mixinStandardHelpOptions = true, description = "Work with ECG recordings.",
        subcommands = {EcgCommand.Convert.class})
final class EcgCommand {

    @Command(name = "convert", mixinStandardHelpOptions = true,
            description = {"Convert a recording between formats, chosen by the files' extensions.",
                "Reads WFDB (.hea or the record path), EDF/BDF, SCP-ECG (.scp), DICOM ECG (.dcm), HL7 aECG (.xml),",
                "FHIR R4 Observation (.json).",
                "Writes WFDB (.hea), EDF+ (.edf), HL7 aECG (.xml), FHIR R4 Observation (.json).",
                "Samples are copied as stored integers with their scale, so nothing is lost."})
    static final class Convert implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "IN", description = "The recording to read.")
        Path in;

        @Parameters(index = "1", paramLabel = "OUT", description = "The file to write.")
        Path out;

        @Option(names = "--patient", paramLabel = "REF", description = "FHIR patient reference for .json output, e.g. Patient/123.")
        String patient;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter o = spec.commandLine().getOut();
            ZoneId zone = ZoneId.systemDefault();
            EcgRecord r = EcgFiles.read(in, zone);
            EcgFiles.write(r, out, zone, patient);
            o.println(String.format(Locale.ROOT, "Converted %s (%d leads, %s Hz, %.1f s) to %s.", in, r.leads().size(),
                    trim(r.samplingFrequency()), r.durationSeconds(), out));
            return 0;
        }
    }

    static String trim(double hz) {
        return hz == Math.rint(hz) ? Long.toString((long) hz) : Double.toString(hz);
    }
}
