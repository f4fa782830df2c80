package cn.uniondesk.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A throw-away PostgreSQL cluster for a test: {@code initdb} into a folder of the test's temporary
 * directory, {@code pg_ctl start} on a free port of 127.0.0.1 (no other address, its Unix socket in
 * the same folder), password login (SCRAM) over TCP, then {@link #stop()}. The binaries come from
 * {@code PATH}, {@code /usr/lib/postgresql/<version>/bin} (Debian, Ubuntu) or
 * {@code /usr/pgsql-<version>/bin} (RHEL); without them {@link #start} skips the test.
 *
 * <p>PostgreSQL refuses to run as root: when the tests run as root (a CI container), the server
 * runs as the {@code postgres} account (else {@code nobody}) through {@code runuser}, in a folder
 * given to that account.
 */
public final class PostgresCluster implements AutoCloseable {
    public static final String SUPERUSER = "postgres";
    private static final String SUPERUSER_PASSWORD = "test-superuser-pw";

    private final Path bin;
    private final Path home;
    private final Path data;
    private final String runAs;
    private final int port;
    private boolean running;

    private PostgresCluster(Path bin, Path home, String runAs, int port) {
        this.bin = bin;
        this.home = home;
        this.data = home.resolve("data");
        this.runAs = runAs;
        this.port = port;
    }

    /** The folder holding {@code initdb} and {@code pg_ctl}, if this machine has one. */
    public static Optional<Path> findBinaries() {
        List<Path> candidates = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String p : path.split(java.io.File.pathSeparator)) {
                Path initdb = Path.of(p).resolve("initdb");
                if (Files.isExecutable(initdb)) {
                    try {
                        candidates.add(initdb.toRealPath().getParent());
                    } catch (IOException e) {
                        // a broken link: not usable
                    }
                }
            }
        }
        for (String root : List.of("/usr/lib/postgresql", "/usr")) {
            Path r = Path.of(root);
            if (!Files.isDirectory(r)) {
                continue;
            }
            try (Stream<Path> s = Files.list(r)) {
                s.filter(p -> root.equals("/usr/lib/postgresql") || p.getFileName().toString().startsWith("pgsql-"))
                        .sorted(Comparator.reverseOrder()).map(p -> p.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("initdb"))).forEach(candidates::add);
            } catch (IOException e) {
                // not readable: try the next
            }
        }
        return candidates.stream().filter(b -> Files.isExecutable(b.resolve("pg_ctl"))).findFirst();
    }

    /**
     * Starts a new cluster in {@code dir} (a folder of the test's temporary directory), or skips the
     * test when no PostgreSQL binaries are installed.
     */
    public static PostgresCluster start(Path dir) {
        Optional<Path> bin = findBinaries();
        Assumptions.assumeTrue(bin.isPresent(), "PostgreSQL binaries (initdb, pg_ctl) not found on PATH, in "
                + "/usr/lib/postgresql/*/bin or /usr/pgsql-*/bin: the PostgreSQL intake test is skipped "
                + "(install the postgresql package to run it)");
        String runAs = null;
        if ("root".equals(System.getProperty("user.name"))) {
            runAs = userExists(SUPERUSER) ? SUPERUSER : "nobody";
        }
        try {
            Path home = dir.resolve("pg");
            Files.createDirectories(home);
            if (runAs != null) {
                // the server's account must reach its folder: the temporary directory is root's, mode 700
                // (only folders below the system's temporary folder, never that folder itself)
                Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toRealPath();
                for (Path p = home.getParent().toRealPath(); p != null && p.startsWith(tmp) && !p.equals(tmp);
                        p = p.getParent()) {
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx--x--x"));
                }
                UserPrincipalLookupService users = home.getFileSystem().getUserPrincipalLookupService();
                Files.setOwner(home, users.lookupPrincipalByName(runAs));
            }
            PostgresCluster c = new PostgresCluster(bin.get(), home, runAs, freePort());
            c.initAndStart();
            return c;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean userExists(String name) {
        try {
            return Files.readAllLines(Path.of("/etc/passwd")).stream().anyMatch(l -> l.startsWith(name + ":"));
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private void initAndStart() throws IOException {
        Path pwFile = home.resolve("superuser.pw");
        Files.writeString(pwFile, SUPERUSER_PASSWORD + "\n", StandardCharsets.US_ASCII);
        if (runAs != null) {
            Files.setOwner(pwFile, home.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(runAs));
        }
        exec(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", SUPERUSER, "--pwfile",
                pwFile.toString(), "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8",
                "--locale=C", "--no-sync"), 120);
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopQuietly, "pg-test-stop"));
        exec(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", home.resolve("server.log")
                .toString(), "-w", "-t", "60", "-o", "-p " + port + " -k " + home + " -c listen_addresses=127.0.0.1"
                        + " -c fsync=off -c shared_buffers=16MB -c max_connections=20", "start"), 90);
        running = true;
    }

    /** Runs SQL as the superuser over the Unix socket (e.g. the role and database of docs/intake.md). */
    public String psql(String database, String sql) {
        Path psql = bin.resolve("psql");
        return exec(List.of(Files.isExecutable(psql) ? psql.toString() : "psql", "-h", home.toString(), "-p",
                String.valueOf(port), "-U", SUPERUSER, "-d", database, "-v", "ON_ERROR_STOP=1", "-At", "-c", sql), 60);
    }

    /** A new role that may log in with a password and owns a new database — the setup docs/intake.md describes. */
    public void createOwnedDatabase(String role, String password, String database) {
        psql("postgres", "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role
                + "') THEN CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "'; END IF; END $$;");
        psql("postgres", "CREATE DATABASE " + database + " OWNER " + role + " ENCODING 'UTF8'");
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public Path log() {
        return home.resolve("server.log");
    }

    public void stop() {
        if (running) {
            running = false;
            exec(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop"), 60);
        }
    }

    private void stopQuietly() {
        try {
            stop();
        } catch (RuntimeException e) {
            // the JVM is going down
        }
    }

    @Override
    public void close() {
        stop();
    }

    private String exec(List<String> command, int timeoutSeconds) {
        List<String> cmd = new ArrayList<>();
        if (runAs != null) {
            cmd.addAll(List.of("runuser", "-u", runAs, "--"));
        }
        cmd.addAll(command);
        try {
            Process p = new ProcessBuilder(cmd).directory(home.toFile()).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            // pg_ctl's server keeps inherited pipes open: read what is there once the command ended
            Path out = Files.createTempFile(home.getParent(), "cmd", ".out");
            Thread pump = new Thread(() -> {
                try (var in = p.getInputStream()) {
                    Files.write(out, in.readAllBytes());
                } catch (IOException e) {
                    // the output is only for messages
                }
            });
            pump.setDaemon(true);
            pump.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", cmd));
            }
            pump.join(2000);
            String text = Files.readString(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                String log = Files.exists(log()) ? Files.readString(log(), StandardCharsets.UTF_8) : "";
                throw new IllegalStateException(String.join(" ", cmd) + " failed (" + p.exitValue() + "):\n" + text
                        + "\n" + log);
            }
            return text.strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
