package cn.uniondesk.db;

import java.nio.file.Path;

/** Another UnionDesk (or any process) holds the database file open (H2 error 90020). */
public final class DatabaseInUseException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Path dataDir;

    public DatabaseInUseException(Path dataDir, Throwable cause) {
        super("The database in " + dataDir + " is in use by another program", cause);
        this.dataDir = dataDir;
    }

    public Path dataDir() {
        return dataDir;
    }
}
