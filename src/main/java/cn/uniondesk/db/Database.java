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
    private byte[] fileKey;

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
                + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;CACHE_SIZE=65536";
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
        Database db = open(dataDir, encryptedUrl(dataDir), password(fileKey));
        db.fileKey = fileKey.clone();
        return db;
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
            LOG.info("Database {} opened ({} migrations applied now{})", dataDir, result.migrationsExecuted,
                    result.targetSchemaVersion == null ? "" : ", schema version " + result.targetSchemaVersion);
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

    /**
     * Runs a long read with H2's lazy query execution on its connection, so that rows stream from
     * the table as the caller takes them instead of being first copied into a temporary result
     * (which H2 writes to a temporary file beyond its in-memory row limit: at 100,000 members the
     * register went through such a file, encrypted, before the first row arrived). The setting is
     * put back before the connection goes back to the pool.
     */
    void lazily(java.util.function.Consumer<DSLContext> work) {
        dsl().connection(c -> {
            try (java.sql.Statement st = c.createStatement()) {
                st.execute("SET LAZY_QUERY_EXECUTION TRUE");
            }
            try {
                // a context bound to this very connection (the configured one would take another from the pool)
                work.accept(DSL.using(c, dsl().dialect(), dsl().settings()));
            } finally {
                try (java.sql.Statement st = c.createStatement()) {
                    st.execute("SET LAZY_QUERY_EXECUTION FALSE");
                }
            }
        });
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
        addAttachments(zip);
    }

    /** Folder of the case attachments (content-addressed files, see {@link AttachmentStore}). */
    static final String ATTACHMENTS = "attachments";
    private static final java.util.regex.Pattern ATTACHMENT_ENTRY =
            java.util.regex.Pattern.compile(ATTACHMENTS + "/[0-9a-f]{2}/[0-9a-f]{64}");

    /**
     * Adds the attachment files to a backup zip, as they are on disk (encrypted like the database
     * when it is). They are content-addressed and never change, so a copy taken after the database
     * snapshot holds at least every file the snapshot refers to.
     */
    private void addAttachments(Path zip) {
        Path dir = dataDir.resolve(ATTACHMENTS);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (java.nio.file.FileSystem fs = java.nio.file.FileSystems.newFileSystem(zip);
                java.util.stream.Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String name = dir.getParent().relativize(f).toString().replace('\\', '/');
                if (!ATTACHMENT_ENTRY.matcher(name).matches()) {
                    continue; // a half-written .part file, or something not ours
                }
                Path entry = fs.getPath(name);
                Files.createDirectories(entry.getParent());
                Files.copy(f, entry, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Number of attachment files in a backup zip. */
    public static int attachmentsInBackup(Path zip) {
        int n = 0;
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(Files.newInputStream(zip))) {
            java.util.zip.ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (ATTACHMENT_ENTRY.matcher(e.getName()).matches()) {
                    n++;
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return n;
    }

    /**
     * Copies the attachment files of a backup zip into the data folder (names are checked against
     * the content-address pattern, so no entry can land outside it). Files already present are
     * the same content, so they are left alone.
     */
    private static void restoreAttachments(Path zip, Path dataDir) throws java.io.IOException {
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(Files.newInputStream(zip))) {
            java.util.zip.ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (!ATTACHMENT_ENTRY.matcher(e.getName()).matches()) {
                    continue;
                }
                Path target = dataDir.resolve(e.getName());
                if (Files.exists(target)) {
                    continue;
                }
                Files.createDirectories(target.getParent());
                Path part = target.resolveSibling(target.getFileName() + ".restoring");
                Files.copy(in, part, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                Files.move(part, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
        }
    }

    /** Row counts of every table (migration history excluded), for verifying copies. */
    public java.util.Map<String, Integer> rowCounts() {
        return rowCounts(dsl);
    }

    private static java.util.Map<String, Integer> rowCounts(DSLContext ctx) {
        java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
        for (org.jooq.Table<?> t : ctx.meta().getSchemas("PUBLIC").get(0).getTables()) {
            if (!t.getName().equalsIgnoreCase("flyway_schema_history")) {
                counts.put(t.getName().toLowerCase(java.util.Locale.ROOT), ctx.fetchCount(t));
            }
        }
        return counts;
    }

    /**
     * Opens the database file inside a backup zip (in a temporary folder, with this database's
     * key) and returns its row counts. Throws when the copy does not open.
     */
    public java.util.Map<String, Integer> rowCountsOfBackup(Path zip) {
        Path tmp = extractBackup(zip);
        try {
            String url = "jdbc:h2:file:" + tmp.resolve(FILE_NAME) + ";WRITE_DELAY=0;IFEXISTS=TRUE;ACCESS_MODE_DATA=r"
                    + (fileKey == null ? "" : ";CIPHER=AES");
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "sa",
                    fileKey == null ? "" : password(fileKey))) {
                return rowCounts(DSL.using(c, SQLDialect.H2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("backup does not open: " + e.getMessage(), e);
        } finally {
            deleteTree(tmp);
        }
    }

    /** Extracts the database file of a backup zip into a new temporary folder (zip-slip safe). */
    static Path extractBackup(Path zip) {
        try {
            Path tmp = Files.createTempDirectory("uniondesk-restore");
            boolean found = false;
            try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(Files.newInputStream(zip))) {
                java.util.zip.ZipEntry e;
                while ((e = in.getNextEntry()) != null) {
                    String name = Path.of(e.getName()).getFileName().toString();
                    if (!name.equals(FILE_NAME + ".mv.db")) {
                        continue;
                    }
                    Files.copy(in, tmp.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    found = true;
                }
            }
            if (!found) {
                deleteTree(tmp);
                throw new IllegalArgumentException("not a UnionDesk backup: " + zip);
            }
            return tmp;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Replaces the (closed) database in {@code dataDir} with the one in {@code zip}, after checking
     * that the backup opens with {@code fileKey}. The current file is first kept as
     * {@code backups/before-restore-<time>.mv.db}.
     */
    public static Path restore(Path dataDir, Path zip, byte[] fileKey, String stamp) {
        Path tmp = extractBackup(zip);
        try {
            String url = "jdbc:h2:file:" + tmp.resolve(FILE_NAME) + ";IFEXISTS=TRUE"
                    + (fileKey == null ? "" : ";CIPHER=AES");
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "sa",
                    fileKey == null ? "" : password(fileKey))) {
                rowCounts(DSL.using(c, SQLDialect.H2));
            } catch (SQLException e) {
                throw new IllegalArgumentException("backup does not open with this data folder's key: "
                        + e.getMessage(), e);
            }
            Path live = dataDir.resolve(FILE_NAME + ".mv.db");
            Path keep = dataDir.resolve("backups").resolve("before-restore-" + stamp + ".mv.db");
            Files.createDirectories(keep.getParent());
            if (Files.exists(live)) {
                Files.copy(live, keep, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            Path staged = dataDir.resolve(FILE_NAME + ".mv.db.restoring");
            Files.copy(tmp.resolve(FILE_NAME + ".mv.db"), staged, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.move(staged, live, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            restoreAttachments(zip, dataDir);
            return keep;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            deleteTree(tmp);
        }
    }

    private static void deleteTree(Path dir) {
        try (java.util.stream.Stream<Path> s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            LOG.warn("Could not delete temporary folder {}", dir, e);
        }
    }

    /** The key this database was opened with (null when unencrypted). */
    public byte[] fileKey() {
        return fileKey == null ? null : fileKey.clone();
    }

    @Override
    public void close() {
        // Closing the last connection closes the database cleanly (DB_CLOSE_DELAY is 0).
        pool.dispose();
        LOG.info("Database {} closed", dataDir);
    }
}
