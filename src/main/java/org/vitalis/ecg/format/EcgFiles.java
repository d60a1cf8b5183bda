package org.vitalis.ecg.format;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * Reads and writes recordings in any supported format, chosen by the file's extension, so that
 * commands and screens have one door to every format.
 */
public final class EcgFiles {
    /** The extensions {@link #read} understands, for messages and file choosers. */
    public static final List<String> READABLE = List.of(".hea (WFDB; or the record path without extension)",
            ".edf", ".bdf", ".scp (SCP-ECG)", ".dcm (DICOM ECG waveform)", ".xml (HL7 aECG)",
            ".json (FHIR R4 Observation)");
    public static final List<String> WRITABLE = List.of(".hea (WFDB)", ".edf", ".xml (HL7 aECG)",
            ".json (FHIR R4 Observation)");

    private EcgFiles() {
    }

    /** Reads a recording; {@code zone} places EDF's zone-less clock time. */
    public static EcgRecord read(Path file, ZoneId zone) throws IOException {
        String ext = extension(file);
        if (ext.isEmpty() && Files.isRegularFile(Path.of(file + ".hea"))) {
            return WfdbFiles.read(file);
        }
        if (!Files.isRegularFile(file)) {
            throw new java.nio.file.NoSuchFileException(file.toString());
        }
        return switch (ext) {
            case "hea" -> WfdbFiles.read(file);
            case "edf", "bdf" -> {
                EdfFile edf = EdfReader.read(file, zone);
                if (!edf.hasRecord()) {
                    throw new EdfFormatException(file.toString(), "holds no signal that can be read as an ECG lead");
                }
                yield edf.record();
            }
            case "scp" -> ScpEcgReader.read(file, zone);
            case "dcm" -> DicomEcgReader.read(file);
            case "xml" -> AecgReader.read(file);
            case "json" -> FhirEcgObservation.read(Files.readString(file, StandardCharsets.UTF_8), file.toString());
            default -> throw new IllegalArgumentException(unknown(file, READABLE));
        };
    }

    /**
     * Writes a recording in the format of {@code file}'s extension. {@code patientReference}
     * (e.g. "Patient/123") is needed only for FHIR, whose Observation must name its subject.
     */
    public static void write(EcgRecord record, Path file, ZoneId zone, String patientReference) throws IOException {
        String ext = extension(file);
        switch (ext) {
            case "hea" -> {
                String name = file.getFileName().toString();
                Path dir = file.toAbsolutePath().getParent();
                WfdbWriter.write(record, dir, name.substring(0, name.length() - ".hea".length()));
            }
            case "edf" -> EdfWriter.write(record, file, zone);
            case "xml" -> AecgWriter.write(record, file);
            case "json" -> {
                if (patientReference == null || patientReference.isBlank()) {
                    throw new IllegalArgumentException("A FHIR Observation names its patient: give --patient Patient/ID.");
                }
                Files.writeString(file, FhirEcgObservation.toJson(record, patientReference.strip()), StandardCharsets.UTF_8);
            }
            default -> throw new IllegalArgumentException(unknown(file, WRITABLE));
        }
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String unknown(Path file, List<String> known) {
        return "Cannot tell the format of " + file.getFileName() + " from its extension; use one of: "
                + String.join(", ", known) + ".";
    }
}
