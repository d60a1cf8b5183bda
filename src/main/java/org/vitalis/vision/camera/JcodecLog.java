package org.vitalis.vision.camera;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * jcodec prints its messages to standard output unless a sink is registered before its first message. They are
 * decoder chatter ("SOI not supported"), so they go to SLF4J at debug level. They name no file and no patient.
 */
final class JcodecLog {
    private static final Logger LOG = LoggerFactory.getLogger("org.jcodec");
    private static final AtomicBoolean INSTALLED = new AtomicBoolean();

    private JcodecLog() {
    }

    static void install() {
        if (INSTALLED.compareAndSet(false, true)) {
            org.jcodec.common.logging.Logger.addSink(message -> LOG.debug("{} {}", message.getLevel(),
                    message.getMessage()));
        }
    }
}
