package cn.uniondesk.ui.settings;

import java.nio.file.Path;

/**
 * Restores the database from a backup (implemented in {@code app}): keeps the current data in a
 * fresh backup first, replaces the database and closes the session. Returns where the previous
 * database file was kept.
 */
@FunctionalInterface
public interface Restorer {
    Path restore(Path zip);
}
