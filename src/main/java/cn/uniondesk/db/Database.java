package cn.uniondesk.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.DataSourceConnectionProvider;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.ThreadLocalTransactionProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded H2 database in the data folder. Opening it runs the Flyway migrations (the only
 * source of the schema). {@code WRITE_DELAY=0} makes every commit durable at once, so a killed
 * process loses no committed transaction. Transactions are thread-bound: repositories built on
 * {@link #dsl()} join the transaction opened by {@link #inTransaction}.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    public static final String FILE_NAME = "uniondesk";
    private static final int H2_FILE_LOCKED = 90020;

    private final Path dataDir;
    private final JdbcConnectionPool pool;
    private final DSLContext dsl;
    private final int appliedMigrations;

    private Database(Path dataDir, JdbcConnectionPool pool, DSLContext dsl, int appliedMigrations) {
        this.dataDir = dataDir;
        this.pool = pool;
        this.dsl = dsl;
        this.appliedMigrations = appliedMigrations;
    }

    /** True when the data folder holds no database yet. */
    public static boolean exists(Path dataDir) {
        return Files.exists(dataDir.resolve(FILE_NAME + ".mv.db"));
    }

    public static String url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve(FILE_NAME)
                + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    }

    /** The URL of an encrypted file ({@code CIPHER=AES}); the key goes into the password. */
    static String encryptedUrl(Path dataDir) {
        return url(dataDir) + ";CIPHER=AES";
    }

    /**
     * H2 takes "filePassword userPassword" (the user password is empty, as in the unencrypted file). The file password is the random 256-bit key in hex
     * (H2's own key derivation is weak, so the key itself must be strong).
     */
    static String password(byte[] fileKey) {
        return java.util.HexFormat.of().formatHex(fileKey) + " ";
    }

    /**
     * Opens the database encrypted at rest with {@code fileKey} (from {@link KeyVault}).
     *
     * @throws DatabaseInUseException when another process has it open
     */
    public static Database open(Path dataDir, byte[] fileKey) {
        return open(dataDir, encryptedUrl(dataDir), password(fileKey));
    }

    /**
     * Encrypts an unencrypted database file in place (a database from before encryption at rest).
     * The database must be closed.
     */
    public static void encryptExisting(Path dataDir, byte[] fileKey) {
        try {
            org.h2.tools.ChangeFileEncryption.execute(dataDir.toString(), FILE_NAME, "AES", null,
                    java.util.HexFormat.of().formatHex(fileKey).toCharArray(), true);
        } catch (SQLException e) {
            if (isFileLocked(e)) {
                throw new DatabaseInUseException(dataDir, e);
            }
            throw new IllegalStateException(e);
        }
    }

    /**
     * Opens (creating when absent) the database in {@code dataDir} and brings its schema up to date.
     *
     * @throws DatabaseInUseException when another process has it open
     */
    public static Database open(Path dataDir) {
        return open(dataDir, url(dataDir), "");
    }

    private static Database open(Path dataDir, String url, String password) {
        try {
            Files.createDirectories(dataDir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", password);
        pool.setMaxConnections(8);
        try {
            MigrateResult result = Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            LOG.info("Database {} at schema version {} ({} migrations applied now)", dataDir, result.targetSchemaVersion,
                    result.migrationsExecuted);
            DefaultConfiguration cfg = new DefaultConfiguration();
            cfg.set(SQLDialect.H2);
            DataSourceConnectionProvider cp = new DataSourceConnectionProvider(pool);
            cfg.set(cp);
            cfg.set(new ThreadLocalTransactionProvider(cp));
            cfg.settings().withExecuteLogging(false);
            return new Database(dataDir, pool, DSL.using(cfg), result.migrationsExecuted);
        } catch (RuntimeException e) {
            pool.dispose();
            if (isFileLocked(e)) {
                throw new DatabaseInUseException(dataDir, e);
            }
            throw e;
        }
    }

    static boolean isFileLocked(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException && ((SQLException) t).getErrorCode() == H2_FILE_LOCKED) {
                return true;
            }
            if (t.getMessage() != null && t.getMessage().contains("90020")) {
                return true;
            }
        }
        return false;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Migrations applied while opening (0 when the schema was current). */
    public int appliedMigrations() {
        return appliedMigrations;
    }

    /** For repositories in this package. */
    DSLContext dsl() {
        return dsl;
    }

    /** Runs {@code work} in one transaction: all of it is committed, or none of it. */
    public <T> T inTransaction(Supplier<T> work) {
        return dsl.transactionResult((org.jooq.ContextTransactionalCallable<T>) work::get);
    }

    public void inTransaction(Runnable work) {
        dsl.transaction((org.jooq.ContextTransactionalRunnable) work::run);
    }

    /**
     * Writes an online backup (a zip holding the database file as it is on disk, so encrypted
     * when the database is) to {@code zip}.
     */
    public void backupTo(Path zip) {
        String target = zip.toAbsolutePath().toString();
        try (java.sql.Connection c = pool.getConnection(); java.sql.Statement s = c.createStatement()) {
            // BACKUP takes no bind parameters; the path is quoted as an SQL string literal.
            s.execute("BACKUP TO '" + target.replace("'", "''") + "'");
        } catch (SQLException e) {
            throw new IllegalStateException("backup failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        // Closing the last connection closes the database cleanly (DB_CLOSE_DELAY is 0).
        pool.dispose();
        LOG.info("Database {} closed", dataDir);
    }
}
