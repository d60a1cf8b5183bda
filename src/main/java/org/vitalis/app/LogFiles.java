package org.vitalis.app;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * Adds the station's log file (logs/vitalis.log in the data directory, five files of 5 MB at
 * most) so that an admin can send it to support. Log lines carry ids and counts, never names.
 */
final class LogFiles {
    private static final String APPENDER = "station-file";

    private LogFiles() {
    }

    static void writeTo(Path dataDir) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root.getAppender(APPENDER) != null) {
            return;
        }
        Path dir = dataDir.toAbsolutePath().resolve("logs");
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{30} - %msg%n");
        encoder.start();

        RollingFileAppender<ch.qos.logback.classic.spi.ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName(APPENDER);
        file.setFile(dir.resolve("vitalis.log").toString());
        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(file);
        rolling.setFileNamePattern(dir.resolve("vitalis.%i.log").toString());
        rolling.setMinIndex(1);
        rolling.setMaxIndex(4);
        rolling.start();
        SizeBasedTriggeringPolicy<ch.qos.logback.classic.spi.ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.setMaxFileSize(FileSize.valueOf("5MB"));
        trigger.start();
        file.setRollingPolicy(rolling);
        file.setTriggeringPolicy(trigger);
        file.setEncoder(encoder);
        file.start();
        root.addAppender(file);
    }
}
