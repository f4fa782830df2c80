package cn.uniondesk.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderNameCase;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DataSourceConnectionProvider;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.ThreadLocalTransactionProvider;

/**
 * The upper level's intake store: embedded H2 in the store folder by default
 * ({@code <store>/intake.mv.db}, {@code WRITE_DELAY=0}; optionally encrypted with {@code CIPHER=AES}
 * under a random file key wrapped by a password, as the office's database), or PostgreSQL given by
 * its JDBC URL ({@code jdbc:postgresql://host/db}). Migrations from {@code db/intake}; the dialect
 * follows the URL; the same generated jOOQ classes and repository code run on both.
 *
 * <p>The jOOQ classes are generated from H2, whose names are upper case. Names are rendered quoted
 * and in the case the database folds unquoted names to (upper on H2, lower on PostgreSQL), so the
 * tables the migration creates with plain unquoted names are found on both, and a column such as
 * {@code at} needs no thought about keywords.
 */
public final class IntakeDatabase implements AutoCloseable {
    /** The H2 file's name in the store folder (without {@code .mv.db}). */
    public static final String FILE_NAME = "intake";
    /** The account name under which the store password wraps the file key ({@code keys.json}). */
    static final String VAULT_USER = "intake";

    private final DSLContext dsl;
    private final AutoCloseable closer;
    private byte[] fileKey;

    private IntakeDatabase(DSLContext dsl, AutoCloseable closer) {
        this.dsl = dsl;
        this.closer = closer;
    }

    /** The database at {@code url} cannot be reached or refused the login: the reason, without a password. */
    public static final class UnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String url;

        UnavailableException(String url, Throwable cause) {
            super(url + ": " + rootMessage(cause), cause);
            this.url = url;
        }

        public String url() {
            return url;
        }

        /** The driver's own words (e.g. "Connection refused", "password authentication failed"). */
        public String reason() {
            return rootMessage(getCause());
        }

        private static String rootMessage(Throwable t) {
            Throwable c = t;
            while (c.getCause() != null && c.getCause() != c) {
                if (c instanceof java.sql.SQLException) {
                    break;
                }
                c = c.getCause();
            }
            String m = c.getMessage();
            return m == null ? c.getClass().getSimpleName() : m.lines().findFirst().orElse(m).strip();
        }
    }

    public static String h2Url(Path store) {
        return "jdbc:h2:file:" + store.toAbsolutePath().resolve(FILE_NAME) + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    }

    /** True when the store folder holds an encrypted embedded database (its key vault). */
    public static boolean isEncrypted(Path store) {
        return new KeyVault(store).exists();
    }

    /** The embedded store in {@code store}, unencrypted. */
    public static IntakeDatabase open(Path store) {
        createDirectories(store);
        if (isEncrypted(store)) {
            throw new IllegalArgumentException("the intake store in " + store + " is encrypted: a store password is needed");
        }
        return openH2(store, h2Url(store), "");
    }

    /**
     * The embedded store in {@code store}, encrypted at rest ({@code CIPHER=AES}) with a random
     * 256-bit file key that {@code password} wraps (PBKDF2, {@link KeyVault}, {@code keys.json} in the
     * store). A new store gets a new key; an unencrypted store from before is encrypted in place first.
     *
     * @throws KeyVault.UnlockException when the password is wrong (five failures lock it for five minutes)
     */
    public static IntakeDatabase openEncrypted(Path store, char[] password) {
        return openEncrypted(store, password, KeyVault.DEFAULT_ITERATIONS);
    }

    static IntakeDatabase openEncrypted(Path store, char[] password, int iterations) {
        byte[] key = storeKey(store, password, iterations);
        try {
            IntakeDatabase db = openH2(store, h2Url(store) + ";CIPHER=AES", HexFormat.of().formatHex(key) + " ");
            db.fileKey = key.clone();
            return db;
        } finally {
            java.util.Arrays.fill(key, (byte) 0);
        }
    }

    /**
     * The rows in another database ({@code url}, e.g. PostgreSQL), the store folder's files sealed
     * under the key that {@code storePassword} unlocks (made on first use; an embedded database
     * left in the folder from before is encrypted in place with it).
     */
    public static IntakeDatabase openWithSealedStore(String url, String user, String password, Path store,
            char[] storePassword) {
        IntakeDatabase db = open(url, user, password);
        try {
            db.fileKey = storeKey(store, storePassword, KeyVault.DEFAULT_ITERATIONS);
            return db;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** The store's random file key: unwrapped with the password, or made (and the H2 file encrypted) the first time. */
    private static byte[] storeKey(Path store, char[] password, int iterations) {
        createDirectories(store);
        KeyVault vault = new KeyVault(store, iterations);
        if (vault.exists()) {
            return vault.unlock(VAULT_USER, password, java.time.Instant.now());
        }
        byte[] key = vault.create(VAULT_USER, password);
        if (Files.exists(store.resolve(FILE_NAME + ".mv.db"))) {
            try {
                org.h2.tools.ChangeFileEncryption.execute(store.toString(), FILE_NAME, "AES", null,
                        HexFormat.of().formatHex(key).toCharArray(), true);
            } catch (java.sql.SQLException e) {
                try {
                    Files.deleteIfExists(store.resolve(KeyVault.FILE_NAME));
                } catch (java.io.IOException ignored) {
                    // the vault stays; the next attempt reports the same cause
                }
                if (Database.isFileLocked(e)) {
                    throw new DatabaseInUseException(store, e);
                }
                throw new IllegalStateException(e);
            }
        }
        return key;
    }

    private static IntakeDatabase openH2(Path store, String url, String password) {
        try {
            return open(url, "sa", password);
        } catch (RuntimeException e) {
            if (Database.isFileLocked(e)) {
                throw new DatabaseInUseException(store, e);
            }
            throw e;
        }
    }

    private static void createDirectories(Path store) {
        try {
            Files.createDirectories(store);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The jOOQ dialect for a JDBC URL: H2 or PostgreSQL; anything else is refused. */
    public static SQLDialect dialectOf(String url) {
        if (url.startsWith("jdbc:h2:")) {
            return SQLDialect.H2;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return SQLDialect.POSTGRES;
        }
        throw new IllegalArgumentException("unsupported database URL (jdbc:h2: or jdbc:postgresql:): " + url);
    }

    /** How names are rendered: quoted, in the case the database folds unquoted names to. */
    static Settings settings(SQLDialect dialect) {
        return new Settings().withExecuteLogging(false).withRenderSchema(false)
                .withRenderQuotedNames(RenderQuotedNames.ALWAYS)
                .withRenderNameCase(dialect == SQLDialect.POSTGRES ? RenderNameCase.LOWER : RenderNameCase.UPPER);
    }

    /**
     * Any JDBC URL (H2 or PostgreSQL): migrates it, then serves it.
     *
     * @throws UnavailableException when a PostgreSQL server cannot be reached or refuses the login
     */
    public static IntakeDatabase open(String url, String user, String password) {
        SQLDialect dialect = dialectOf(url);
        DataSource ds;
        AutoCloseable closer;
        if (dialect == SQLDialect.H2) {
            JdbcConnectionPool pool = JdbcConnectionPool.create(url, user == null ? "sa" : user,
                    password == null ? "" : password);
            pool.setMaxConnections(8);
            ds = pool;
            closer = pool::dispose;
        } else {
            ds = new DriverManagerDataSource(url, user, password);
            closer = () -> { };
            try (java.sql.Connection c = ds.getConnection()) {
                c.isValid(5);
            } catch (java.sql.SQLException e) {
                throw new UnavailableException(url, e);
            }
        }
        try {
            Flyway.configure().dataSource(ds).locations("classpath:db/intake").load().migrate();
            DefaultConfiguration cfg = new DefaultConfiguration();
            cfg.set(dialect);
            DataSourceConnectionProvider cp = new DataSourceConnectionProvider(ds);
            cfg.set(cp);
            cfg.set(new ThreadLocalTransactionProvider(cp));
            cfg.set(settings(dialect));
            return new IntakeDatabase(DSL.using(cfg), closer);
        } catch (RuntimeException e) {
            try {
                closer.close();
            } catch (Exception ignored) {
                // nothing more to do
            }
            throw e;
        }
    }

    /**
     * The store's random file key (a copy) when the store is encrypted — the H2 file's key, and the
     * key the store's files are sealed under; empty when it is not.
     */
    public java.util.Optional<byte[]> fileKey() {
        return java.util.Optional.ofNullable(fileKey).map(byte[]::clone);
    }

    /** The dialect in use (H2 or POSTGRES). */
    public SQLDialect dialect() {
        return dsl.dialect();
    }

    DSLContext dsl() {
        return dsl;
    }

    public <T> T inTransaction(Supplier<T> work) {
        return dsl.transactionResult((org.jooq.ContextTransactionalCallable<T>) work::get);
    }

    @Override
    public void close() {
        if (fileKey != null) {
            java.util.Arrays.fill(fileKey, (byte) 0);
        }
        try {
            closer.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A plain DataSource over DriverManager (for servers that pool themselves). */
    private static final class DriverManagerDataSource implements DataSource {
        private final String url;
        private final String user;
        private final String password;

        DriverManagerDataSource(String url, String user, String password) {
            this.url = url;
            this.user = user;
            this.password = password;
        }

        @Override
        public java.sql.Connection getConnection() throws java.sql.SQLException {
            return java.sql.DriverManager.getConnection(url, user, password);
        }

        @Override
        public java.sql.Connection getConnection(String u, String p) throws java.sql.SQLException {
            return java.sql.DriverManager.getConnection(url, u, p);
        }

        @Override
        public java.io.PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(java.io.PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public java.util.logging.Logger getParentLogger() {
            return java.util.logging.Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws java.sql.SQLException {
            throw new java.sql.SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
