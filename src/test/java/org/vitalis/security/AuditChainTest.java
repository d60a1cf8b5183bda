package org.vitalis.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vitalis.domain.AuditAction;
import org.vitalis.store.Database;
import org.vitalis.store.DatabaseConfig;
import org.vitalis.store.TestClinic;
import org.vitalis.store.TestDatabases;

/** The hash chain on real databases: append-only, tamper-evident, one chain under concurrency. */
class AuditChainTest {
    @TempDir
    Path dir;

    /** A clinic with some patients and vitals; returns the audit row count. */
    private static long someActivity(TestClinic c) {
        for (int i = 0; i < 5; i++) {
            var p = c.register("Name" + i, "Family" + i, LocalDate.of(1980 + i, 1, 1), null);
            c.recordBp(p.getId(), 120 + i, 80);
            c.patients.search(c.nurse, "name" + i);
        }
        return c.db.inTransaction(s -> s.audit().head().lastSeq());
    }

    @ParameterizedTest
    @MethodSource("org.vitalis.store.TestDatabases#kinds")
    void chainIsIntactAfterManyOperations(DatabaseConfig.Kind kind) {
        try (TestClinic c = TestClinic.open(TestDatabases.fresh(kind, dir))) {
            long rows = someActivity(c);
            assertThat(rows).isGreaterThan(15);
            AuditTrail.Verification v = c.verify();
            assertThat(v.intact()).isTrue();
            assertThat(v.rowsChecked()).isEqualTo(rows);
        }
    }

    @ParameterizedTest
    @MethodSource("org.vitalis.store.TestDatabases#kinds")
    void auditRowsCannotBeUpdatedOrDeletedThroughJdbc(DatabaseConfig.Kind kind) throws Exception {
        DatabaseConfig config = TestDatabases.fresh(kind, dir);
        try (TestClinic c = TestClinic.open(config)) {
            someActivity(c);
            assertThatThrownBy(() -> TestDatabases.update(config, "update audit_entry set detail = 'x' where seq = 2"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> TestDatabases.update(config, "delete from audit_entry where seq = 2"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> TestDatabases.update(config, "delete from audit_entry"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            if (kind == DatabaseConfig.Kind.POSTGRESQL) {
                assertThatThrownBy(() -> TestDatabases.update(config, "truncate audit_entry"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            }
            assertThat(c.verify().intact()).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("org.vitalis.store.TestDatabases#kinds")
    void changedDetailIsFoundAtThatRow(DatabaseConfig.Kind kind) throws Exception {
        DatabaseConfig config = TestDatabases.fresh(kind, dir);
        try (TestClinic c = TestClinic.open(config)) {
            someActivity(c);
            TestDatabases.disableAppendOnly(config);
            assertThat(TestDatabases.update(config, "update audit_entry set detail = 'nothing to see' where seq = 7"))
                    .isEqualTo(1);
            AuditTrail.Verification v = c.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBrokenSeq()).isEqualTo(7);
            assertThat(v.rowsChecked()).isEqualTo(6);
            assertThat(v.problem()).contains("row 7").contains("changed");
        }
    }

    @ParameterizedTest
    @MethodSource("org.vitalis.store.TestDatabases#kinds")
    void deletedMiddleRowIsFound(DatabaseConfig.Kind kind) throws Exception {
        DatabaseConfig config = TestDatabases.fresh(kind, dir);
        try (TestClinic c = TestClinic.open(config)) {
            someActivity(c);
            TestDatabases.disableAppendOnly(config);
            TestDatabases.update(config, "delete from audit_entry where seq = 9");
            AuditTrail.Verification v = c.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBrokenSeq()).isEqualTo(9);
            assertThat(v.problem()).contains("row 9 is missing");
        }
    }

    @ParameterizedTest
    @MethodSource("org.vitalis.store.TestDatabases#kinds")
    void deletedLastRowsAreFound(DatabaseConfig.Kind kind) throws Exception {
        DatabaseConfig config = TestDatabases.fresh(kind, dir);
        try (TestClinic c = TestClinic.open(config)) {
            long rows = someActivity(c);
            TestDatabases.disableAppendOnly(config);
            TestDatabases.update(config, "delete from audit_entry where seq > " + (rows - 3));
            AuditTrail.Verification v = c.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBrokenSeq()).isEqualTo(rows - 2);
            assertThat(v.problem()).contains("removed from the end");
        }
    }

    @ParameterizedTest
    @MethodSource("org.vitalis.store.TestDatabases#kinds")
    void rewrittenRowWithRecomputedHashIsFoundAtTheNextRow(DatabaseConfig.Kind kind) throws Exception {
        DatabaseConfig config = TestDatabases.fresh(kind, dir);
        try (TestClinic c = TestClinic.open(config)) {
            someActivity(c);
            TestDatabases.disableAppendOnly(config);
            var e = c.db.inTransaction(s -> s.audit().page(5, 1)).getFirst();
            String forged = AuditTrail.hash(e.getPrevHash(), 5, e.getOccurredAt(), "someone-else", e.getWorkstation(),
                    e.getAction(), e.getEntityType(), e.getEntityId(), e.getDetail());
            TestDatabases.update(config, "update audit_entry set username = 'someone-else', hash = '" + forged
                    + "' where seq = 5");
            AuditTrail.Verification v = c.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBrokenSeq()).isEqualTo(6);
            assertThat(v.problem()).contains("row 6 does not follow");
        }
    }

    @ParameterizedTest
    @MethodSource("org.vitalis.store.TestDatabases#kinds")
    void verifyingWhileOthersAppendNeverReportsAFalseBreak(DatabaseConfig.Kind kind) throws Exception {
        DatabaseConfig config = TestDatabases.fresh(kind, dir);
        try (TestClinic c = TestClinic.open(config)) {
            someActivity(c);
            java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
            Thread writer = new Thread(() -> {
                Actor actor = new Actor("nurse", "ws-2");
                while (!stop.get()) {
                    c.trail.record(c.db, actor, AuditAction.PATIENT_VIEW, "patient", "1", null);
                }
            });
            writer.start();
            try {
                for (int i = 0; i < 30; i++) {
                    AuditTrail.Verification v = c.verify();
                    assertThat(v.intact()).as("verification %d: %s", i, v.problem()).isTrue();
                }
            } finally {
                stop.set(true);
                writer.join();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.vitalis.store.TestDatabases#kinds")
    void concurrentAppendsFromSeveralThreadsKeepOneChain(DatabaseConfig.Kind kind) throws Exception {
        DatabaseConfig config = TestDatabases.fresh(kind, dir);
        int threads = 4;
        int perThread = 40;
        List<Database> stations = new ArrayList<>();
        try (TestClinic c = TestClinic.open(config)) {
            long before = c.db.inTransaction(s -> s.audit().head().lastSeq());
            // On PostgreSQL each thread is its own workstation with its own Database (pool, Hibernate).
            for (int i = 0; i < threads; i++) {
                stations.add(kind == DatabaseConfig.Kind.POSTGRESQL ? Database.open(config) : c.db);
            }
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    Database station = stations.get(t);
                    AuditTrail trail = new AuditTrail(Clock.systemUTC());
                    Actor actor = new Actor("user" + t, "ws-" + t);
                    futures.add(pool.submit(() -> {
                        for (int i = 0; i < perThread; i++) {
                            trail.record(station, actor, AuditAction.PATIENT_VIEW, "patient", Integer.toString(i), null);
                        }
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
            AuditTrail.Verification v = c.verify();
            assertThat(v.intact()).as(v.problem()).isTrue();
            assertThat(v.rowsChecked()).isEqualTo(before + (long) threads * perThread);
        } finally {
            if (kind == DatabaseConfig.Kind.POSTGRESQL) {
                stations.forEach(Database::close);
            }
        }
    }

}
