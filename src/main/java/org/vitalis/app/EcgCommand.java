package org.vitalis.app;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.vitalis.ecg.format.Annotation;
import org.vitalis.ecg.format.AnnotationCodes;
import org.vitalis.ecg.format.EcgFiles;
import org.vitalis.ecg.format.EcgRecord;
import org.vitalis.ecg.format.MitAnnotations;
import org.vitalis.ecg.signal.EcgAnalysis;
import org.vitalis.report.EcgReportContent;
import org.vitalis.report.EcgReportPdf;
import org.vitalis.registry.EcgRecordingService;
import org.vitalis.registry.EcgStatements;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "ecg", mixinStandardHelpOptions = true, description = "Work with ECG recordings.",
        subcommands = {EcgCommand.Analyze.class, EcgCommand.Convert.class, EcgCommand.Report.class})
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

    @Command(name = "analyze", mixinStandardHelpOptions = true,
            description = {"Detect beats and measure rate, rhythm, intervals and signal quality of a recording.",
                "RECORD is a WFDB record path (without extension) or .hea, or an EDF/BDF, SCP-ECG, HL7 aECG,",
                "DICOM or FHIR file. Results are decision support for a clinician, not a diagnosis."})
    static final class Analyze implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "RECORD", description = "The recording to analyse.")
        Path record;

        @Option(names = "--annotations", paramLabel = "OUT", description = "Write the detected beats as a WFDB (MIT) annotation file.")
        Path annotations;

        @Option(names = "--csv", paramLabel = "OUT", description = "Write the detected beats as CSV: sample,time_s,label.")
        Path csv;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            EcgRecord r = EcgFiles.read(record, ZoneId.systemDefault());
            EcgAnalysis a = analyse(r, record);
            EcgReport.print(spec.commandLine().getOut(), r, a);
            int[] beats = a.beats().beats();
            if (annotations != null) {
                // Detectors that do not classify beats label each one N, as WFDB's sqrs, wqrs and gqrs do.
                List<Annotation> out = new ArrayList<>();
                for (int b : beats) {
                    out.add(Annotation.of(b, AnnotationCodes.NORMAL));
                }
                MitAnnotations.write(annotations, out);
            }
            if (csv != null) {
                StringBuilder sb = new StringBuilder("sample,time_s,label\n");
                for (int b : beats) {
                    sb.append(b).append(',').append(String.format(Locale.ROOT, "%.4f", b / r.samplingFrequency()))
                            .append(",N\n");
                }
                Files.writeString(csv, sb.toString(), StandardCharsets.UTF_8);
            }
            return 0;
        }
    }

    @Command(name = "report", mixinStandardHelpOptions = true,
            description = {"Analyse a recording and write the ECG report as a PDF (PDF/A-2b, landscape A4):",
                "the traces at 25 mm/s and 10 mm/mV on a millimetre grid with calibration pulses (a 12-lead layout",
                "for the standard leads, 10 s strips otherwise), measurements, rhythm statements and signal quality.",
                "RECORD is read as `ecg analyze` reads it. The report is unconfirmed: decision support, not a diagnosis."})
    static final class Report implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "RECORD", description = "The recording to report.")
        Path record;

        @Parameters(index = "1", paramLabel = "OUT.pdf", description = "The PDF file to write.")
        Path out;

        /** The workstation the report names, as the station's config names it (as the screens' reports do). */
        @Mixin
        StationOptions station;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (!out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf")) {
                throw new IllegalArgumentException("The report is a PDF: name the output file *.pdf, not " + out.getFileName() + ".");
            }
            ZoneId zone = ZoneId.systemDefault();
            EcgRecord r = EcgFiles.read(record, zone);
            EcgAnalysis a = analyse(r, record);
            String workstation = station.load(null, null).workstation();
            EcgReportContent content = new EcgReportContent(Optional.empty(), r, a,
                    EcgStatements.summary(a), Optional.empty(), workstation, Instant.now(), zone);
            // written beside the target and moved into place, so a failed run never leaves half a PDF under its name
            Path dir = out.toAbsolutePath().getParent();
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException("Cannot write " + out + ": the folder " + dir + " does not exist.");
            }
            Path partial = dir.resolve("." + out.getFileName() + ".part");
            try {
                try (OutputStream o = Files.newOutputStream(partial)) {
                    EcgReportPdf.write(content, o);
                }
                Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
            spec.commandLine().getOut().println(String.format(Locale.ROOT, "Wrote the ECG report of %s (%d leads, %.1f s) to %s.",
                    r.id(), a.labels().size(), r.durationSeconds(), out));
            return 0;
        }
    }

    /** The analysis `ecg analyze` and `ecg report` share: every lead in volts, at the recording's rate. */
    static EcgAnalysis analyse(EcgRecord r, Path source) {
        try {
            return EcgRecordingService.analyze(r);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    static String trim(double hz) {
        return hz == Math.rint(hz) ? Long.toString((long) hz) : Double.toString(hz);
    }
}
