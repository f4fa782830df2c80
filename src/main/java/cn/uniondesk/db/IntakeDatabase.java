package cn.uniondesk.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.DataSourceConnectionProvider;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.ThreadLocalTransactionProvider;

/**
 * The upper level's intake store: embedded H2 in the store folder by default
 * ({@code <store>/intake.mv.db}, {@code WRITE_DELAY=0}), or any JDBC URL given (PostgreSQL:
 * {@code jdbc:postgresql://host/db} with the driver jar on the class path). Migrations from
 * {@code db/intake}; the dialect follows the URL; the same jOOQ code runs on both.
 */
public final class IntakeDatabase implements AutoCloseable {
    private final DSLContext dsl;
    private final AutoCloseable closer;

    private IntakeDatabase(DSLContext dsl, AutoCloseable closer) {
        this.dsl = dsl;
        this.closer = closer;
    }

    public static String h2Url(Path store) {
        return "jdbc:h2:file:" + store.toAbsolutePath().resolve("intake") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    }

    /** The embedded store in {@code store}. */
    public static IntakeDatabase open(Path store) {
        try {
            Files.createDirectories(store);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        try {
            return open(h2Url(store), "sa", "");
        } catch (RuntimeException e) {
            if (Database.isFileLocked(e)) {
                throw new DatabaseInUseException(store, e);
            }
            throw e;
        }
    }

    /** Any JDBC URL (H2 or PostgreSQL). */
    public static IntakeDatabase open(String url, String user, String password) {
        DataSource ds;
        AutoCloseable closer;
        SQLDialect dialect;
        if (url.startsWith("jdbc:h2:")) {
            JdbcConnectionPool pool = JdbcConnectionPool.create(url, user, password);
            pool.setMaxConnections(8);
            ds = pool;
            closer = pool::dispose;
            dialect = SQLDialect.H2;
        } else if (url.startsWith("jdbc:postgresql:")) {
            ds = new DriverManagerDataSource(url, user, password);
            closer = () -> { };
            dialect = SQLDialect.POSTGRES;
        } else {
            throw new IllegalArgumentException("unsupported database URL (H2 or PostgreSQL): " + url);
        }
        try {
            Flyway.configure().dataSource(ds).locations("classpath:db/intake").load().migrate();
            DefaultConfiguration cfg = new DefaultConfiguration();
            cfg.set(dialect);
            DataSourceConnectionProvider cp = new DataSourceConnectionProvider(ds);
            cfg.set(cp);
            cfg.set(new ThreadLocalTransactionProvider(cp));
            cfg.settings().withExecuteLogging(false).withRenderSchema(false);
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

    DSLContext dsl() {
        return dsl;
    }

    public <T> T inTransaction(Supplier<T> work) {
        return dsl.transactionResult((org.jooq.ContextTransactionalCallable<T>) work::get);
    }

    @Override
    public void close() {
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
