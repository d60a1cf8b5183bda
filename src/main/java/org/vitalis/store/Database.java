package org.vitalis.store;

import java.util.function.Consumer;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.hibernate.HibernateException;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.StaleStateException;
import org.hibernate.cfg.Configuration;
import org.hibernate.hikaricp.internal.HikariCPConnectionProvider;
import jakarta.persistence.OptimisticLockException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vitalis.domain.AuditEntry;
import org.vitalis.domain.EcgRecording;
import org.vitalis.domain.LesionImage;
import org.vitalis.domain.LesionImageContent;
import org.vitalis.domain.Observation;
import org.vitalis.domain.Patient;
import org.vitalis.domain.UserAccount;

/**
 * The open database: migrated by Flyway on open, reached through Hibernate. Every unit of work
 * runs in one transaction, so a change and its audit entry are committed together or not at all.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /**
     * How many Database instances are open in this process per URL (tests and multi-station demos
     * open several), so a restore can refuse to pull the data from under any of them.
     */
    private static final java.util.concurrent.ConcurrentHashMap<String, Integer> OPEN =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final DatabaseConfig config;
    private final SessionFactory sessionFactory;

    private Database(DatabaseConfig config, SessionFactory sessionFactory) {
        this.config = config;
        this.sessionFactory = sessionFactory;
    }

    public static Database open(DatabaseConfig config) {
        migrate(config);
        try {
            Configuration cfg = new Configuration()
                    .addAnnotatedClass(Patient.class)
                    .addAnnotatedClass(Observation.class)
                    .addAnnotatedClass(EcgRecording.class)
                    .addAnnotatedClass(LesionImage.class)
                    .addAnnotatedClass(LesionImageContent.class)
                    .addAnnotatedClass(UserAccount.class)
                    .addAnnotatedClass(AuditEntry.class);
            cfg.setProperty("hibernate.connection.url", config.jdbcUrl());
            cfg.setProperty("hibernate.connection.username", config.user());
            cfg.setProperty("hibernate.connection.password", config.password() == null ? "" : config.password());
            cfg.setProperty("hibernate.connection.provider_class", HikariCPConnectionProvider.class.getName());
            cfg.setProperty("hibernate.hikari.maximumPoolSize", Integer.toString(config.poolSize()));
            cfg.setProperty("hibernate.hikari.minimumIdle", "1");
            cfg.setProperty("hibernate.hbm2ddl.auto", "validate");
            cfg.setProperty("hibernate.jdbc.batch_size", "50");
            cfg.setProperty("hibernate.order_inserts", "true");
            cfg.setProperty("hibernate.jdbc.time_zone", "UTC");
            cfg.setProperty("hibernate.show_sql", "false");
            SessionFactory factory = cfg.buildSessionFactory();
            LOG.info("Database open: {}", config.describe());
            OPEN.merge(config.jdbcUrl(), 1, Integer::sum);
            return new Database(config, factory);
        } catch (HibernateException e) {
            throw new StoreException("Cannot open the database " + config.describe() + ": " + rootMessage(e), e);
        }
    }

    /** Brings the schema to the newest version; the vendor folder holds what SQL cannot say the same way on both. */
    static void migrate(DatabaseConfig config) {
        try {
            flyway(config).load().migrate();
        } catch (FlywayException e) {
            throw new StoreException("Cannot prepare the database " + config.describe() + ": " + rootMessage(e), e);
        }
    }

    static org.flywaydb.core.api.configuration.FluentConfiguration flyway(DatabaseConfig config) {
        String vendor = config.kind() == DatabaseConfig.Kind.H2 ? "h2" : "postgresql";
        return Flyway.configure()
                .dataSource(config.jdbcUrl(), config.user(), config.password())
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                .loggers("slf4j");
    }

    public DatabaseConfig config() {
        return config;
    }

    public <T> T inTransaction(Function<StoreSession, T> work) {
        try (Session session = sessionFactory.openSession()) {
            var tx = session.beginTransaction();
            try {
                T result = work.apply(new StoreSession(session, config.kind()));
                tx.commit();
                return result;
            } catch (RuntimeException e) {
                if (tx.isActive()) {
                    tx.rollback();
                }
                throw translate(e);
            }
        }
    }

    public void run(Consumer<StoreSession> work) {
        inTransaction(s -> {
            work.accept(s);
            return null;
        });
    }

    private static RuntimeException translate(RuntimeException e) {
        if (e instanceof OptimisticLockException || e instanceof StaleStateException
                || e.getCause() instanceof StaleStateException) {
            return new ConcurrentChangeException("Someone else changed this record meanwhile; reload it and try again.", e);
        }
        if (e instanceof HibernateException || e instanceof jakarta.persistence.PersistenceException) {
            return new StoreException("The database refused the change: " + rootMessage(e), e);
        }
        return e;
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    static void refuseIfOpenHere(DatabaseConfig config) {
        if (OPEN.containsKey(config.jdbcUrl())) {
            throw new StoreException("The database is still open in Vitalis: close Vitalis on this workstation first "
                    + "(and on every other one using it), then restore.");
        }
    }

    @Override
    public void close() {
        OPEN.computeIfPresent(config.jdbcUrl(), (url, n) -> n == 1 ? null : n - 1);
        sessionFactory.close();
    }
}
