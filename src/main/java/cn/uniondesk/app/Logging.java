package cn.uniondesk.app;

import java.nio.file.Path;

/** Points Logback's rolling file into the data folder; must run before the first logger is made. */
final class Logging {
    static final String LOG_DIR_PROPERTY = "uniondesk.logdir";

    private Logging() {
    }

    static void configure(Path dataDir) {
        if (System.getProperty(LOG_DIR_PROPERTY) == null) {
            System.setProperty(LOG_DIR_PROPERTY, dataDir.resolve("logs").toString());
        }
    }
}
