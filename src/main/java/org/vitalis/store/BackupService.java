package org.vitalis.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleConsumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vitalis.domain.AuditAction;

/**
 * Logical backups: a ZIP holding {@code manifest.json} first and then one JSON-lines entry per
 * table, with typed values that mean the same on H2 and PostgreSQL, so a backup of either can be
 * restored into either. All tables are read in one read-only snapshot transaction, so a backup
 * taken while workstations keep writing is still consistent (for instance, every observation's
 * audit entry is in it, and the audit chain verifies).
 */
public final class BackupService {
    public static final String FORMAT_ID = "vitalis-backup";
    public static final int FORMAT_VERSION = 1;
    static final String MANIFEST = "manifest.json";
    /** In foreign-key order: parents before children, so restore can insert in this order. */
    static final List<String> TABLES = List.of("user_account", "patient", "patient_emergency_contact",
            "patient_identifier", "patient_search_token", "observation", "ecg_recording", "ecg_lead", "ecg_measurement",
            "lesion_image", "lesion_image_content", "audit_entry", "audit_chain_head");
    /**
     * The schema version that added each table the first schema lacked: a backup made at an older version has
     * none of them, and restores into the newest schema with those tables empty.
     */
    private static final Map<String, String> TABLE_SINCE = Map.of("ecg_recording", "3", "ecg_lead", "3",
            "ecg_measurement", "3", "lesion_image", "4", "lesion_image_content", "4");
    /** Sequence, the table whose ids it hands out, and the generator's allocation size. */
    private static final Map<String, String> SEQUENCE_TABLES = Map.of("patient_seq", "patient",
            "observation_seq", "observation", "user_seq", "user_account", "ecg_recording_seq", "ecg_recording",
            "lesion_image_seq", "lesion_image");
    private static final Map<String, Integer> SEQUENCE_ALLOCATION = Map.of("patient_seq", 50, "observation_seq", 50,
            "user_seq", 1, "ecg_recording_seq", 1, "lesion_image_seq", 1);
    private static final String MRN_SEQ = "mrn_seq";
    /**
     * Tables whose rows can be megabytes (a photo, a recording's analysis, a compressed lead): read a few rows at a
     * time, and inserted in batches bounded by size as well as count, so memory stays bounded.
     */
    private static final Set<String> WIDE_ROWS = Set.of("patient", "ecg_recording", "ecg_lead", "lesion_image",
            "lesion_image_content");
    private static final long MAX_BATCH_BYTES = 32L << 20;
    private static final int MAX_MANIFEST_BYTES = 1 << 20;
    /**
     * An ECG lead (at most 16 MiB compressed, EcgLeadData) or a lesion picture (at most 20 MiB, LesionImageContent) in
     * base64, or a recording's analysis (at most 10 million characters) escaped, fits with room; longer lines mean a
     * damaged or hostile file.
     */
    private static final int MAX_LINE_BYTES = 32 << 20;
    private static final Set<String> LOGICAL_TYPES = Set.of("integer", "boolean", "string", "decimal", "double", "date",
            "instant", "bytes");
    private static final Logger LOG = LoggerFactory.getLogger(BackupService.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Clock clock;

    public BackupService(Clock clock) {
        this.clock = clock;
    }

    public record Column(String name, String type) {
    }

    public record TableEntry(String table, String entry, long rows, String sha256, List<Column> columns) {
        public TableEntry {
            columns = List.copyOf(columns);
        }
    }

    /** What {@code manifest.json} says; {@code sequences} holds each sequence's next value at backup time. */
    public record Manifest(int formatVersion, String schemaVersion, Instant createdAt, DatabaseConfig.Kind databaseKind,
            List<TableEntry> tables, Map<String, Long> sequences) {
        public Manifest {
            tables = List.copyOf(tables);
            sequences = Map.copyOf(sequences);
        }

        public long rows(String table) {
            return tables.stream().filter(t -> t.table().equals(table)).mapToLong(TableEntry::rows).sum();
        }
    }

    // ------------------------------------------------------------------ backup

    /**
     * Writes a backup of the open database to {@code file} (replaced only once the new backup is
     * complete), reporting progress from 0 to 1, and records it in the audit trail.
     */
    public Manifest backup(Database db, Path file, DoubleConsumer progress, AuditLog audit) throws IOException {
        long t0 = System.nanoTime();
        Manifest manifest = write(db.config(), file, progress);
        long rows = manifest.tables().stream().mapToLong(TableEntry::rows).sum();
        db.run(s -> audit.append(s, AuditAction.BACKUP, "database", null,
                "file=" + file.getFileName() + " schema=" + manifest.schemaVersion() + " rows=" + rows));
        LOG.info("Backup written: {} rows, schema {}, {} ms", rows, manifest.schemaVersion(),
                (System.nanoTime() - t0) / 1_000_000);
        return manifest;
    }

    Manifest write(DatabaseConfig config, Path file, DoubleConsumer progress) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        String schemaVersion = currentSchemaVersion(config);
        Path work = Files.createTempDirectory(dir, ".vitalis-backup-");
        try {
            List<TableEntry> entries = new ArrayList<>();
            Map<String, Long> sequences;
            try (Connection c = connect(config.jdbcUrl(), config)) {
                beginSnapshot(c, config.kind());
                List<String> tables = tablesOf(schemaVersion);
                checkTables(c, config.kind(), tables);
                Map<String, Long> counts = new LinkedHashMap<>();
                long total = 0;
                for (String table : tables) {
                    long n = count(c, table);
                    counts.put(table, n);
                    total += n;
                }
                long done = 0;
                progress.accept(0);
                for (String table : tables) {
                    entries.add(dumpTable(c, table, work.resolve(table + ".jsonl"), done, total, progress));
                    done += counts.get(table);
                }
                sequences = sequenceValues(c, config.kind());
                c.rollback();
            } catch (SQLException e) {
                throw new StoreException("Cannot read the database for a backup: " + e.getMessage(), e);
            }
            Manifest manifest = new Manifest(FORMAT_VERSION, schemaVersion,
                    clock.instant().truncatedTo(ChronoUnit.MILLIS), config.kind(), entries, sequences);
            Path partial = work.resolve("backup.zip");
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(partial))) {
                zip.putNextEntry(new ZipEntry(MANIFEST));
                zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(toJson(manifest)));
                zip.closeEntry();
                for (TableEntry t : entries) {
                    zip.putNextEntry(new ZipEntry(t.entry()));
                    Files.copy(work.resolve(t.table() + ".jsonl"), zip);
                    zip.closeEntry();
                }
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            progress.accept(1);
            return manifest;
        } finally {
            deleteTree(work);
        }
    }

    private static void beginSnapshot(Connection c, DatabaseConfig.Kind kind) throws SQLException {
        c.setAutoCommit(false);
        if (kind == DatabaseConfig.Kind.H2) {
            // H2's REPEATABLE READ keeps rows already read stable, but only SNAPSHOT makes all
            // tables read as of one moment.
            try (Statement st = c.createStatement()) {
                st.execute("set session characteristics as transaction isolation level snapshot");
            }
        } else {
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        }
        c.setReadOnly(true);
    }

    private static TableEntry dumpTable(Connection c, String table, Path out, long done, long total,
            DoubleConsumer progress) throws SQLException, IOException {
        MessageDigest sha = sha256();
        long rows = 0;
        List<Column> columns = new ArrayList<>();
        try (Statement st = c.createStatement()) {
            st.setFetchSize(WIDE_ROWS.contains(table) ? 8 : 500);
            try (ResultSet rs = st.executeQuery("select * from " + table + " order by 1");
                    OutputStream os = new DigestOutputStream(
                            new java.io.BufferedOutputStream(Files.newOutputStream(out)), sha)) {
                ResultSetMetaData md = rs.getMetaData();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    columns.add(new Column(md.getColumnLabel(i).toLowerCase(Locale.ROOT),
                            logicalType(md.getColumnType(i), md.getColumnTypeName(i), table)));
                }
                while (rs.next()) {
                    ObjectNode row = JSON.createObjectNode();
                    for (int i = 1; i <= columns.size(); i++) {
                        putValue(row, columns.get(i - 1), rs, i);
                    }
                    os.write(JSON.writeValueAsBytes(row));
                    os.write('\n');
                    rows++;
                    if (total > 0 && rows % 1000 == 0) {
                        progress.accept(0.95 * (done + rows) / total);
                    }
                }
            }
        }
        if (total > 0) {
            progress.accept(0.95 * (done + rows) / total);
        }
        return new TableEntry(table, "tables/" + table + ".jsonl", rows, HexFormat.of().formatHex(sha.digest()), columns);
    }

    private static String logicalType(int sqlType, String typeName, String table) {
        return switch (sqlType) {
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> "integer";
            case Types.BOOLEAN, Types.BIT -> "boolean";
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.CLOB -> "string";
            case Types.NUMERIC, Types.DECIMAL -> "decimal";
            case Types.DOUBLE, Types.FLOAT, Types.REAL -> "double";
            case Types.DATE -> "date";
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> "instant";
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> "bytes";
            default -> throw new StoreException("The backup does not know how to store column type " + typeName
                    + " of table " + table);
        };
    }

    private static void putValue(ObjectNode row, Column col, ResultSet rs, int i) throws SQLException {
        String name = col.name();
        switch (col.type()) {
            case "integer" -> {
                long v = rs.getLong(i);
                if (rs.wasNull()) {
                    row.putNull(name);
                } else {
                    row.put(name, v);
                }
            }
            case "boolean" -> {
                boolean v = rs.getBoolean(i);
                if (rs.wasNull()) {
                    row.putNull(name);
                } else {
                    row.put(name, v);
                }
            }
            case "string" -> row.put(name, rs.getString(i));
            case "decimal" -> {
                BigDecimal v = rs.getBigDecimal(i);
                row.put(name, v == null ? null : v.toPlainString());
            }
            case "double" -> {
                // A JSON number in Java's shortest round-trip form reads back as the same double; the
                // values JSON has no number for are written as Java spells them.
                double v = rs.getDouble(i);
                if (rs.wasNull()) {
                    row.putNull(name);
                } else if (Double.isFinite(v)) {
                    row.put(name, v);
                } else {
                    row.put(name, Double.toString(v));
                }
            }
            case "date" -> {
                LocalDate v = rs.getObject(i, LocalDate.class);
                row.put(name, v == null ? null : v.toString());
            }
            case "instant" -> {
                OffsetDateTime v = rs.getObject(i, OffsetDateTime.class);
                row.put(name, v == null ? null : v.toInstant().toString());
            }
            case "bytes" -> {
                byte[] v = rs.getBytes(i);
                row.put(name, v == null ? null : Base64.getEncoder().encodeToString(v));
            }
            default -> throw new IllegalStateException("unknown logical type " + col.type());
        }
    }

    private static Map<String, Long> sequenceValues(Connection c, DatabaseConfig.Kind kind) throws SQLException {
        String sql = kind == DatabaseConfig.Kind.H2
                ? "select lower(sequence_name), base_value from information_schema.sequences where sequence_schema = 'PUBLIC'"
                : "select sequencename, coalesce(last_value + increment_by, start_value) from pg_sequences"
                        + " where schemaname = 'public'";
        Map<String, Long> out = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }

    /** The tables of {@link #TABLES} that schema {@code schemaVersion} has, in the same order. */
    static List<String> tablesOf(String schemaVersion) {
        MigrationVersion v = MigrationVersion.fromVersion(schemaVersion);
        return TABLES.stream().filter(t -> !TABLE_SINCE.containsKey(t)
                || MigrationVersion.fromVersion(TABLE_SINCE.get(t)).compareTo(v) <= 0).toList();
    }

    private static void checkTables(Connection c, DatabaseConfig.Kind kind, List<String> expected) throws SQLException {
        Set<String> present = tables(c, kind);
        present.remove("flyway_schema_history");
        if (!present.equals(new HashSet<>(expected))) {
            throw new StoreException("The database holds tables " + present + " but a backup knows " + expected
                    + "; this version of Vitalis cannot back it up completely.");
        }
    }

    private static Set<String> tables(Connection c, DatabaseConfig.Kind kind) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        Set<String> out = new HashSet<>();
        try (ResultSet rs = md.getTables(null, kind == DatabaseConfig.Kind.H2 ? "PUBLIC" : "public", "%",
                new String[] {"TABLE"})) {
            while (rs.next()) {
                out.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static ObjectNode toJson(Manifest m) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT_ID);
        root.put("formatVersion", m.formatVersion());
        root.put("schemaVersion", m.schemaVersion());
        root.put("createdAt", m.createdAt().toString());
        root.put("databaseKind", m.databaseKind().name());
        ArrayNode tables = root.putArray("tables");
        for (TableEntry t : m.tables()) {
            ObjectNode o = tables.addObject();
            o.put("name", t.table());
            o.put("entry", t.entry());
            o.put("rows", t.rows());
            o.put("sha256", t.sha256());
            ArrayNode cols = o.putArray("columns");
            for (Column col : t.columns()) {
                cols.addObject().put("name", col.name()).put("type", col.type());
            }
        }
        ObjectNode seq = root.putObject("sequences");
        m.sequences().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> seq.put(e.getKey(), e.getValue()));
        return root;
    }

    // ------------------------------------------------------------------ reading and checking

    /**
     * Reads the whole file and checks it is a complete, undamaged Vitalis backup that this version
     * can restore; touches no database.
     */
    public static Manifest inspect(Path file) throws IOException, NotAVitalisBackupException {
        if (!Files.isRegularFile(file)) {
            throw new NotAVitalisBackupException("There is no backup file at " + file + ".");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, null);
        }
    }

    /** The same check for bytes in memory (used by the fuzz test of this reader). */
    static Manifest inspect(InputStream in) throws IOException, NotAVitalisBackupException {
        return read(in, null);
    }

    /** Receives every row of a checked backup, table by table in {@link #TABLES} order. */
    interface RowSink {
        void row(TableEntry table, Map<String, Object> values) throws SQLException;
    }

    /**
     * One pass over the ZIP. Every entry is checked against the manifest while read; rows go to
     * {@code sink} (when not null) as they are read, so callers that write must have checked the
     * file with a sink-less pass first.
     */
    private static Manifest read(InputStream raw, RowSink sink) throws IOException, NotAVitalisBackupException {
        try (ZipInputStream zip = new ZipInputStream(new BufferedInputStream(raw))) {
            ZipEntry first = nextEntry(zip);
            if (first == null) {
                throw new NotAVitalisBackupException("The file is not a Vitalis backup (it is not a ZIP archive, or it is empty).");
            }
            if (!MANIFEST.equals(first.getName())) {
                throw new NotAVitalisBackupException("The file is not a Vitalis backup: it does not start with "
                        + MANIFEST + ".");
            }
            Manifest manifest = parseManifest(readLimited(zip, MAX_MANIFEST_BYTES));
            Map<String, TableEntry> byEntry = new HashMap<>();
            for (TableEntry t : manifest.tables()) {
                byEntry.put(t.entry(), t);
            }
            int expectedIndex = 0;
            ZipEntry e;
            while ((e = nextEntry(zip)) != null) {
                TableEntry t = byEntry.get(e.getName());
                if (t == null || expectedIndex >= manifest.tables().size() || manifest.tables().get(expectedIndex) != t) {
                    throw new NotAVitalisBackupException("The backup is damaged: unexpected entry " + e.getName() + ".");
                }
                expectedIndex++;
                readTable(zip, t, sink);
            }
            if (expectedIndex != manifest.tables().size()) {
                throw new NotAVitalisBackupException("The backup is incomplete: table "
                        + manifest.tables().get(expectedIndex).table() + " is missing.");
            }
            return manifest;
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new NotAVitalisBackupException("The backup file is damaged or not a Vitalis backup: " + e.getMessage(), e);
        }
    }

    private static ZipEntry nextEntry(ZipInputStream zip) throws IOException, NotAVitalisBackupException {
        try {
            return zip.getNextEntry();
        } catch (IllegalArgumentException e) {
            // ZipInputStream reports an undecodable entry name this way.
            throw new NotAVitalisBackupException("The backup file is damaged: " + e.getMessage(), e);
        }
    }

    private static byte[] readLimited(InputStream in, int limit) throws IOException, NotAVitalisBackupException {
        byte[] data = in.readNBytes(limit + 1);
        if (data.length > limit) {
            throw new NotAVitalisBackupException("The backup is damaged: " + MANIFEST + " is too large.");
        }
        return data;
    }

    private static Manifest parseManifest(byte[] bytes) throws NotAVitalisBackupException {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new NotAVitalisBackupException("The backup's manifest is not readable JSON.", e);
        }
        if (root == null || !root.isObject()) {
            throw new NotAVitalisBackupException("The backup's manifest is not a JSON object.");
        }
        if (!FORMAT_ID.equals(text(root, "format"))) {
            throw new NotAVitalisBackupException("The file is not a Vitalis backup (its format is \""
                    + root.path("format").asText("none") + "\").");
        }
        JsonNode fv = root.get("formatVersion");
        if (fv == null || !fv.isInt()) {
            throw new NotAVitalisBackupException("The backup's manifest has no format version.");
        }
        if (fv.intValue() != FORMAT_VERSION) {
            throw new NotAVitalisBackupException("The backup has format version " + fv.intValue()
                    + "; this version of Vitalis reads version " + FORMAT_VERSION + ". Use a newer Vitalis to restore it.");
        }
        String schema = text(root, "schemaVersion");
        if (schema == null || !schema.matches("[0-9]{1,9}(\\.[0-9]{1,9}){0,3}")) {
            throw new NotAVitalisBackupException("The backup's manifest has no valid schema version.");
        }
        Instant createdAt;
        DatabaseConfig.Kind kind;
        try {
            createdAt = Instant.parse(String.valueOf(text(root, "createdAt")));
            kind = DatabaseConfig.Kind.valueOf(String.valueOf(text(root, "databaseKind")));
        } catch (DateTimeException | IllegalArgumentException e) {
            throw new NotAVitalisBackupException("The backup's manifest has no valid creation time or database kind.", e);
        }
        JsonNode tables = root.get("tables");
        if (tables == null || !tables.isArray()) {
            throw new NotAVitalisBackupException("The backup's manifest lists no tables.");
        }
        List<TableEntry> entries = new ArrayList<>();
        Set<String> entryNames = new HashSet<>();
        for (JsonNode t : tables) {
            String name = text(t, "name");
            String entry = text(t, "entry");
            String sha = text(t, "sha256");
            JsonNode rows = t.get("rows");
            JsonNode cols = t.get("columns");
            if (name == null || entry == null || sha == null || !sha.matches("[0-9a-f]{64}") || rows == null
                    || !rows.canConvertToLong() || !rows.isIntegralNumber() || rows.longValue() < 0
                    || cols == null || !cols.isArray()) {
                throw new NotAVitalisBackupException("The backup's manifest has a malformed table description.");
            }
            List<Column> columns = new ArrayList<>();
            Set<String> colNames = new HashSet<>();
            for (JsonNode c : cols) {
                String cn = text(c, "name");
                String ct = text(c, "type");
                if (cn == null || ct == null || !LOGICAL_TYPES.contains(ct) || !colNames.add(cn)) {
                    throw new NotAVitalisBackupException("The backup's manifest has a malformed column of table " + name + ".");
                }
                columns.add(new Column(cn, ct));
            }
            if (!entryNames.add(entry)) {
                throw new NotAVitalisBackupException("The backup's manifest names entry " + entry + " twice.");
            }
            entries.add(new TableEntry(name, entry, rows.longValue(), sha, columns));
        }
        List<String> names = entries.stream().map(TableEntry::table).toList();
        List<String> expected = tablesOf(schema);
        if (!names.equals(expected)) {
            throw new NotAVitalisBackupException("The backup holds tables " + names + " but this version of Vitalis expects "
                    + expected + " at schema " + schema + ".");
        }
        Map<String, Long> sequences = new HashMap<>();
        JsonNode seq = root.get("sequences");
        if (seq != null && seq.isObject()) {
            for (Map.Entry<String, JsonNode> f : seq.properties()) {
                if (!f.getValue().isIntegralNumber() || !f.getValue().canConvertToLong()) {
                    throw new NotAVitalisBackupException("The backup's manifest has a malformed sequence value.");
                }
                sequences.put(f.getKey(), f.getValue().longValue());
            }
        }
        return new Manifest(fv.intValue(), schema, createdAt, kind, entries, sequences);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() ? v.textValue() : null;
    }

    private static void readTable(InputStream zip, TableEntry t, RowSink sink)
            throws IOException, NotAVitalisBackupException {
        MessageDigest sha = sha256();
        InputStream in = new DigestInputStream(zip, sha);
        Map<String, String> types = new HashMap<>();
        for (Column c : t.columns()) {
            types.put(c.name(), c.type());
        }
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        long rows = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            int start = 0;
            for (int i = 0; i < n; i++) {
                if (buf[i] == '\n') {
                    line.write(buf, start, i - start);
                    rows++;
                    if (rows > t.rows()) {
                        throw new NotAVitalisBackupException("The backup is damaged: table " + t.table()
                                + " holds more rows than its manifest says.");
                    }
                    Map<String, Object> values = parseRow(line.toByteArray(), t, types);
                    if (sink != null) {
                        try {
                            sink.row(t, values);
                        } catch (SQLException e) {
                            throw new StoreException("The database refused a row of table " + t.table() + ": "
                                    + e.getMessage(), e);
                        }
                    }
                    line.reset();
                    start = i + 1;
                }
            }
            line.write(buf, start, n - start);
            if (line.size() > MAX_LINE_BYTES) {
                throw new NotAVitalisBackupException("The backup is damaged: a row of table " + t.table() + " is too long.");
            }
        }
        if (line.size() > 0) {
            throw new NotAVitalisBackupException("The backup is damaged: table " + t.table() + " ends in an incomplete row.");
        }
        if (rows != t.rows()) {
            throw new NotAVitalisBackupException("The backup is damaged: table " + t.table() + " holds " + rows
                    + " rows but its manifest says " + t.rows() + ".");
        }
        if (!HexFormat.of().formatHex(sha.digest()).equals(t.sha256())) {
            throw new NotAVitalisBackupException("The backup is damaged: the checksum of table " + t.table()
                    + " does not match.");
        }
    }

    private static Map<String, Object> parseRow(byte[] line, TableEntry t, Map<String, String> types)
            throws NotAVitalisBackupException {
        JsonNode row;
        try {
            row = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new NotAVitalisBackupException("The backup is damaged: a row of table " + t.table() + " is not JSON.", e);
        } catch (IOException e) {
            throw new NotAVitalisBackupException("The backup is damaged: a row of table " + t.table() + " is unreadable.", e);
        }
        if (row == null || !row.isObject()) {
            throw new NotAVitalisBackupException("The backup is damaged: a row of table " + t.table() + " is not an object.");
        }
        Map<String, Object> values = new HashMap<>();
        for (Map.Entry<String, JsonNode> f : row.properties()) {
            String type = types.get(f.getKey());
            if (type == null) {
                throw new NotAVitalisBackupException("The backup is damaged: table " + t.table()
                        + " has a value for an undeclared column.");
            }
            values.put(f.getKey(), decode(type, f.getValue(), t.table(), f.getKey()));
        }
        return values;
    }

    private static Object decode(String type, JsonNode v, String table, String column) throws NotAVitalisBackupException {
        if (v.isNull()) {
            return null;
        }
        try {
            switch (type) {
                case "integer":
                    if (v.isIntegralNumber() && v.canConvertToLong()) {
                        return v.longValue();
                    }
                    break;
                case "boolean":
                    if (v.isBoolean()) {
                        return v.booleanValue();
                    }
                    break;
                case "string":
                    if (v.isTextual()) {
                        return v.textValue();
                    }
                    break;
                case "decimal":
                    if (v.isTextual() && v.textValue().length() <= 100) {
                        return new BigDecimal(v.textValue());
                    }
                    break;
                case "double":
                    if (v.isNumber()) {
                        return v.doubleValue();
                    }
                    if (v.isTextual() && Set.of("NaN", "Infinity", "-Infinity").contains(v.textValue())) {
                        return Double.parseDouble(v.textValue());
                    }
                    break;
                case "date":
                    if (v.isTextual()) {
                        return LocalDate.parse(v.textValue());
                    }
                    break;
                case "instant":
                    if (v.isTextual()) {
                        return Instant.parse(v.textValue());
                    }
                    break;
                case "bytes":
                    if (v.isTextual()) {
                        return Base64.getDecoder().decode(v.textValue());
                    }
                    break;
                default:
                    break;
            }
        } catch (NumberFormatException | DateTimeException e) {
            // falls through to the refusal below, as IllegalArgumentException from Base64 does
        } catch (IllegalArgumentException e) {
            // Base64 refuses a malformed value this way
        }
        throw new NotAVitalisBackupException("The backup is damaged: column " + column + " of table " + table
                + " holds a value that is not of type " + type + ".");
    }

    // ------------------------------------------------------------------ restore

    /**
     * Replaces everything in the configured database with the backup's contents. The file is
     * checked completely first; a file that is not a valid Vitalis backup is refused with
     * {@link NotAVitalisBackupException} and nothing is changed. Vitalis must not be running on
     * the database meanwhile (close it on this workstation, or on every workstation for
     * PostgreSQL): that is refused with a {@link StoreException}. If writing fails half-way, the
     * data as it was before is put back from a safety copy.
     */
    public RestoreResult restore(DatabaseConfig config, Path file, DoubleConsumer progress, AuditLog audit)
            throws IOException, NotAVitalisBackupException {
        long t0 = System.nanoTime();
        Database.refuseIfOpenHere(config);
        Manifest manifest = inspect(file);
        String appVersion = latestSchemaVersion(config);
        if (MigrationVersion.fromVersion(manifest.schemaVersion()).compareTo(MigrationVersion.fromVersion(appVersion)) > 0) {
            throw new NotAVitalisBackupException("The backup was made by a newer Vitalis (schema " + manifest.schemaVersion()
                    + "; this one knows up to " + appVersion + "). Install that version to restore it.");
        }
        DatabaseConfig exclusive = exclusive(config);
        try (Connection lock = connectExclusive(exclusive)) {
            refuseOtherSessions(lock, config);
            Path safety = hasVitalisSchema(lock, config.kind()) ? safetyCopy(exclusive, file) : null;
            try {
                load(exclusive, lock, file, manifest, progress);
            } catch (IOException | NotAVitalisBackupException | RuntimeException e) {
                String why = e.getMessage();
                if (safety == null) {
                    throw new StoreException("Restore failed: " + why, e);
                }
                if (putBack(exclusive, lock, safety, e)) {
                    throw new StoreException("Restore failed: " + why
                            + " The data as it was before the restore has been put back.", e);
                }
                throw new StoreException("Restore failed: " + why + " Putting the previous data back failed too; "
                        + "it is kept in " + safety + " and can be restored from there.", e);
            }
            if (safety != null) {
                Files.deleteIfExists(safety);
            }
        } catch (SQLException e) {
            throw new StoreException("Restore failed: " + e.getMessage(), e);
        }
        String chainProblem;
        try (Database db = Database.open(config)) {
            chainProblem = audit.verify(db).orElse(null);
            db.run(s -> audit.append(s, AuditAction.RESTORE, "database", null, "file=" + file.getFileName()
                    + " created=" + manifest.createdAt() + " from=" + manifest.databaseKind()
                    + " schema=" + manifest.schemaVersion()
                    + (chainProblem == null ? " chain=intact" : " chain=BROKEN: " + chainProblem)));
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        for (TableEntry t : manifest.tables()) {
            counts.put(t.table(), t.rows());
        }
        if (chainProblem != null) {
            LOG.warn("Restored backup's audit chain does not verify: {}", chainProblem);
        }
        progress.accept(1);
        LOG.info("Restore done: schema {}, from {}, {} ms", manifest.schemaVersion(), manifest.databaseKind(),
                (System.nanoTime() - t0) / 1_000_000);
        return new RestoreResult(manifest.createdAt(), manifest.databaseKind(), manifest.schemaVersion(), counts,
                manifest.rows("audit_entry"), chainProblem);
    }

    private static boolean putBack(DatabaseConfig exclusive, Connection lock, Path safety, Exception cause) {
        try {
            Manifest previous = inspect(safety);
            load(exclusive, lock, safety, previous, p -> { });
            Files.deleteIfExists(safety);
            LOG.warn("Restore failed; the previous data was put back");
            return true;
        } catch (IOException | NotAVitalisBackupException | RuntimeException again) {
            cause.addSuppressed(again);
            LOG.error("Restore failed and the previous data could not be put back; it is kept in {}", safety);
            return false;
        }
    }

    private Path safetyCopy(DatabaseConfig exclusive, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path safety = dir.resolve("vitalis-before-restore-" + clock.instant().toEpochMilli() + ".zip");
        write(exclusive, safety, p -> { });
        return safety;
    }

    /** Clean, migrate, insert every row in one transaction, move the sequences past the restored ids. */
    private static void load(DatabaseConfig exclusive, Connection c, Path file, Manifest manifest, DoubleConsumer progress)
            throws IOException, NotAVitalisBackupException {
        try {
            Database.flyway(exclusive).cleanDisabled(false).load().clean();
            Database.migrate(exclusive);
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                for (int i = TABLES.size() - 1; i >= 0; i--) {
                    st.executeUpdate("delete from " + TABLES.get(i));
                }
            }
            Inserter inserter = new Inserter(c, manifest, progress);
            try (InputStream in = Files.newInputStream(file)) {
                read(in, inserter);
            }
            inserter.flush();
            resetSequences(c, exclusive.kind(), manifest, inserter.maxMrnNumber);
            for (TableEntry t : manifest.tables()) {
                long n = count(c, t.table());
                if (n != t.rows()) {
                    throw new StoreException("Restore check failed: table " + t.table() + " holds " + n
                            + " rows, the backup " + t.rows() + ".");
                }
            }
            c.commit();
        } catch (SQLException e) {
            rollbackQuietly(c);
            throw new StoreException("Restore failed while writing: " + e.getMessage(), e);
        } catch (FlywayException e) {
            throw new StoreException("Restore failed while preparing the database: " + Database.rootMessage(e), e);
        } catch (IOException | NotAVitalisBackupException | RuntimeException e) {
            rollbackQuietly(c);
            throw e;
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            if (!c.getAutoCommit()) {
                c.rollback();
            }
        } catch (SQLException ignored) {
            // the original failure is what the user needs to see
        }
    }

    /** Batches inserts per table, with each value bound by the target column's own type. */
    private static final class Inserter implements RowSink {
        private final Connection c;
        private final DoubleConsumer progress;
        private final long total;
        private long done;
        private String table;
        private PreparedStatement insert;
        private List<String> columns;
        private int[] sqlTypes;
        private int pending;
        private long pendingBytes;
        long maxMrnNumber;

        Inserter(Connection c, Manifest manifest, DoubleConsumer progress) {
            this.c = c;
            this.progress = progress;
            this.total = manifest.tables().stream().mapToLong(TableEntry::rows).sum();
        }

        @Override
        public void row(TableEntry t, Map<String, Object> values) throws SQLException {
            if (!t.table().equals(table)) {
                flush();
                open(t.table());
            }
            for (int i = 0; i < columns.size(); i++) {
                Object v = values.get(columns.get(i));
                bind(i + 1, sqlTypes[i], v);
                pendingBytes += v instanceof byte[] b ? b.length : v instanceof String str ? 2L * str.length() : 8;
            }
            if (table.equals("patient") && values.get("mrn") instanceof String mrn && mrn.length() > 1
                    && mrn.length() < 19 && mrn.chars().allMatch(Character::isDigit)) {
                // An MRN is the mrn_seq number followed by one check digit.
                maxMrnNumber = Math.max(maxMrnNumber, Long.parseLong(mrn.substring(0, mrn.length() - 1)));
            }
            insert.addBatch();
            done++;
            if (++pending == 500 || pendingBytes > MAX_BATCH_BYTES) {
                insert.executeBatch();
                pending = 0;
                pendingBytes = 0;
                if (total > 0) {
                    progress.accept(0.99 * done / total);
                }
            }
        }

        private void open(String name) throws SQLException {
            table = name;
            columns = new ArrayList<>();
            List<Integer> types = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select * from " + name + " where 1 = 0")) {
                ResultSetMetaData md = rs.getMetaData();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    columns.add(md.getColumnLabel(i).toLowerCase(Locale.ROOT));
                    types.add(md.getColumnType(i));
                }
            }
            sqlTypes = types.stream().mapToInt(Integer::intValue).toArray();
            insert = c.prepareStatement("insert into " + name + " (" + String.join(", ", columns) + ") values ("
                    + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")");
        }

        private void bind(int i, int sqlType, Object v) throws SQLException {
            switch (v) {
                case null -> insert.setNull(i, sqlType);
                case Instant at -> insert.setObject(i, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                case byte[] bytes -> insert.setBytes(i, bytes);
                case Long n when sqlType == Types.INTEGER || sqlType == Types.SMALLINT -> insert.setInt(i, Math.toIntExact(n));
                default -> insert.setObject(i, v);
            }
        }

        void flush() throws SQLException {
            if (insert != null) {
                if (pending > 0) {
                    insert.executeBatch();
                }
                insert.close();
                insert = null;
                pending = 0;
                pendingBytes = 0;
            }
        }
    }

    private static void resetSequences(Connection c, DatabaseConfig.Kind kind, Manifest manifest, long maxMrnNumber)
            throws SQLException {
        Map<String, Long> next = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : SEQUENCE_TABLES.entrySet()) {
            long maxId;
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("select coalesce(max(id), 0) from " + e.getValue())) {
                rs.next();
                maxId = rs.getLong(1);
            }
            // Hibernate's pooled generator hands out the block below the value it draws, so the
            // sequence must be a whole allocation past the highest id restored.
            long past = maxId == 0 ? 1 : maxId + SEQUENCE_ALLOCATION.get(e.getKey()) + 1;
            next.put(e.getKey(), Math.max(past, manifest.sequences().getOrDefault(e.getKey(), 1L)));
        }
        next.put(MRN_SEQ, Math.max(Math.max(100001L, maxMrnNumber + 1), manifest.sequences().getOrDefault(MRN_SEQ, 1L)));
        try (Statement st = c.createStatement()) {
            for (Map.Entry<String, Long> e : next.entrySet()) {
                if (kind == DatabaseConfig.Kind.H2) {
                    st.execute("alter sequence " + e.getKey() + " restart with " + e.getValue());
                } else {
                    st.execute("select setval('" + e.getKey() + "', " + e.getValue() + ", false)");
                }
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    /** For H2, the same file without AUTO_SERVER: opening it fails while another process holds it. */
    static DatabaseConfig exclusive(DatabaseConfig config) {
        if (config.kind() != DatabaseConfig.Kind.H2) {
            return config;
        }
        return new DatabaseConfig(config.kind(), config.jdbcUrl().replaceAll("(?i);AUTO_SERVER=TRUE", ""), config.user(),
                config.password(), 1);
    }

    private static Connection connectExclusive(DatabaseConfig exclusive) {
        try {
            return connect(exclusive.jdbcUrl(), exclusive);
        } catch (SQLException e) {
            if (exclusive.kind() == DatabaseConfig.Kind.H2 && e.getErrorCode() == 90020) {
                throw new StoreException("The database is in use by another program: close Vitalis on this workstation "
                        + "first, then restore.", e);
            }
            throw new StoreException("Cannot open the database for restore: " + e.getMessage(), e);
        }
    }

    private static void refuseOtherSessions(Connection c, DatabaseConfig config) throws SQLException {
        if (config.kind() != DatabaseConfig.Kind.POSTGRESQL) {
            return;
        }
        // A closed pool's server processes take a moment to go away; give them that before refusing.
        long deadline = System.nanoTime() + 3_000_000_000L;
        while (true) {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "select count(*) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()")) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    return;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new StoreException("Other connections are using this database: close Vitalis on every workstation "
                        + "first, then restore.");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreException("Restore interrupted before it changed anything.");
            }
        }
    }

    private static boolean hasVitalisSchema(Connection c, DatabaseConfig.Kind kind) throws SQLException {
        Set<String> present = tables(c, kind);
        return present.containsAll(tablesOf("1"));
    }

    private static Connection connect(String url, DatabaseConfig config) throws SQLException {
        return DriverManager.getConnection(url, config.user(), config.password() == null ? "" : config.password());
    }

    private static String currentSchemaVersion(DatabaseConfig config) {
        try {
            MigrationInfo current = Database.flyway(config).load().info().current();
            if (current == null || current.getVersion() == null) {
                throw new StoreException("The database has no Vitalis schema to back up.");
            }
            return current.getVersion().getVersion();
        } catch (FlywayException e) {
            throw new StoreException("Cannot read the schema version: " + Database.rootMessage(e), e);
        }
    }

    private static String latestSchemaVersion(DatabaseConfig config) {
        MigrationVersion latest = null;
        try {
            for (MigrationInfo m : Database.flyway(config).load().info().all()) {
                if (m.getVersion() != null && (latest == null || m.getVersion().compareTo(latest) > 0)) {
                    latest = m.getVersion();
                }
            }
        } catch (FlywayException e) {
            throw new StoreException("Cannot read the migrations: " + Database.rootMessage(e), e);
        }
        if (latest == null) {
            throw new StoreException("This build of Vitalis carries no migrations.");
        }
        return latest.getVersion();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
