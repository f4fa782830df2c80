package cn.uniondesk.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The intake's HTTPS receiver on the JDK's own {@link HttpsServer} (decision 0009): no extra
 * dependency, TLS from a PKCS#12 key store, a small fixed thread pool. It only moves bytes: a whole
 * upload ({@code POST /api/v1/batches/{id}}) or a resumable one ({@code GET /api/v1/uploads/{id}}
 * for the offset, {@code PUT} to continue) is received into a work folder, its SHA-256 compared
 * with the one the client declared, and the complete file handed to the {@link Endpoint}, which
 * verifies, applies the idempotency and sequence rules, stores and signs.
 */
public final class IntakeServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IntakeServer.class);
    private static final Pattern BATCH = Pattern.compile("/api/v1/batches/([0-9a-f-]{36})");
    private static final Pattern UPLOAD = Pattern.compile("/api/v1/uploads/([0-9a-f-]{36})");
    private static final Pattern UUID_RE = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** What the intake answers: ACCEPTED (with receipt), HELD or REFUSED (with reason). */
    public record Answer(String status, Receipt receipt, BatchProblem problem, String detail) {
        public static Answer accepted(Receipt r) {
            return new Answer("ACCEPTED", r, null, null);
        }

        public static Answer held(BatchProblem p, String detail) {
            return new Answer("HELD", null, p, detail);
        }

        public static Answer refused(BatchProblem p, String detail) {
            return new Answer("REFUSED", null, p, detail);
        }

        int httpStatus() {
            switch (status) {
                case "ACCEPTED":
                    return 200;
                case "HELD":
                    return 202;
                default:
                    return problem != null && problem.ordinal() <= BatchProblem.CONTROL_TOTALS.ordinal() ? 422 : 409;
            }
        }
    }

    /** Takes a complete, hash-checked package. */
    @FunctionalInterface
    public interface Endpoint {
        Answer submit(Path file, String source);
    }

    private final HttpsServer server;
    private final ExecutorService pool;
    private final Path work;
    private final Endpoint endpoint;
    private final long maxBytes;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    private IntakeServer(HttpsServer server, ExecutorService pool, Path work, Endpoint endpoint, long maxBytes) {
        this.server = server;
        this.pool = pool;
        this.work = work;
        this.endpoint = endpoint;
        this.maxBytes = maxBytes;
    }

    /** Starts listening on {@code address} (port 0 picks a free one). */
    public static IntakeServer start(InetSocketAddress address, SSLContext ssl, Path work, Endpoint endpoint)
            throws IOException {
        Files.createDirectories(work.resolve("incoming"));
        Files.createDirectories(work.resolve("partial"));
        HttpsServer s = HttpsServer.create(address, 50);
        s.setHttpsConfigurator(new HttpsConfigurator(ssl));
        ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "intake-http");
            t.setDaemon(true);
            return t;
        });
        s.setExecutor(pool);
        IntakeServer is = new IntakeServer(s, pool, work, endpoint, BatchVerifier.Limits.standard().maxPackageBytes());
        s.createContext("/api/v1/", is::handle);
        s.start();
        LOG.info("Intake listening on {}", s.getAddress());
        return is;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            Matcher b = BATCH.matcher(path);
            Matcher u = UPLOAD.matcher(path);
            if (path.equals("/api/v1/health") && method.equals("GET")) {
                reply(ex, 200, json().put("status", "OK"));
            } else if (b.matches() && method.equals("POST") && UUID_RE.matcher(b.group(1)).matches()) {
                whole(ex, b.group(1));
            } else if (u.matches() && method.equals("GET") && UUID_RE.matcher(u.group(1)).matches()) {
                offset(ex, u.group(1));
            } else if (u.matches() && method.equals("PUT") && UUID_RE.matcher(u.group(1)).matches()) {
                append(ex, u.group(1));
            } else {
                reply(ex, 404, json().put("status", "NOT_FOUND"));
            }
        } catch (IOException e) {
            LOG.info("Connection ended during {} {}: {}", ex.getRequestMethod(), ex.getRequestURI(), e.toString());
        } catch (RuntimeException e) {
            LOG.error("Intake request failed", e);
            try {
                reply(ex, 500, json().put("status", "ERROR"));
            } catch (IOException ignored) {
                // the connection is gone
            }
        }
    }

    private void whole(HttpExchange ex, String batchId) throws IOException {
        String sha = ex.getRequestHeaders().getFirst("X-Batch-Sha256");
        String len = ex.getRequestHeaders().getFirst("Content-Length");
        if (sha == null || !Sha256.isHex(sha) || len == null || !len.matches("\\d{1,12}")) {
            reply(ex, 400, json().put("status", "BAD_REQUEST"));
            return;
        }
        long length = Long.parseLong(len);
        if (length > maxBytes) {
            send(ex, Answer.refused(BatchProblem.PACKAGE_TOO_LARGE, len));
            return;
        }
        Path tmp = work.resolve("incoming").resolve(UUID.randomUUID() + ".part");
        try {
            MessageDigest d = Sha256.digest();
            long got = copy(ex.getRequestBody(), tmp, false, d, length);
            if (got != length || !Sha256.hex(d).equals(sha)) {
                send(ex, new Answer("INCOMPLETE", null, BatchProblem.INCOMPLETE_UPLOAD, got + "/" + length), 400);
                return;
            }
            send(ex, endpoint.submit(tmp, "https"));
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private Path partial(String batchId, String sha) {
        return work.resolve("partial").resolve(batchId + "-" + sha + ".part");
    }

    private void offset(HttpExchange ex, String batchId) throws IOException {
        Map<String, String> q = query(ex.getRequestURI().getRawQuery());
        String sha = q.get("sha256");
        if (sha == null || !Sha256.isHex(sha)) {
            reply(ex, 400, json().put("status", "BAD_REQUEST"));
            return;
        }
        Path p = partial(batchId, sha);
        long have = Files.exists(p) ? Files.size(p) : 0;
        reply(ex, 200, json().put("status", "OFFSET").put("offset", have));
    }

    private void append(HttpExchange ex, String batchId) throws IOException {
        String sha = ex.getRequestHeaders().getFirst("X-Batch-Sha256");
        String total = ex.getRequestHeaders().getFirst("X-Batch-Length");
        String off = ex.getRequestHeaders().getFirst("Upload-Offset");
        if (sha == null || !Sha256.isHex(sha) || total == null || !total.matches("\\d{1,12}") || off == null
                || !off.matches("\\d{1,12}")) {
            reply(ex, 400, json().put("status", "BAD_REQUEST"));
            return;
        }
        long length = Long.parseLong(total);
        if (length > maxBytes) {
            send(ex, Answer.refused(BatchProblem.PACKAGE_TOO_LARGE, total));
            return;
        }
        Path p = partial(batchId, sha);
        synchronized (locks.computeIfAbsent(p.toString(), k -> new Object())) {
            long have = Files.exists(p) ? Files.size(p) : 0;
            if (have != Long.parseLong(off)) {
                reply(ex, 409, json().put("status", "OFFSET_MISMATCH").put("offset", have));
                return;
            }
            long now = have + copy(ex.getRequestBody(), p, true, null, length - have);
            if (now < length) {
                reply(ex, 200, json().put("status", "PARTIAL").put("offset", now));
                return;
            }
            try {
                if (now != length || !Sha256.of(p).equals(sha)) {
                    send(ex, new Answer("INCOMPLETE", null, BatchProblem.INCOMPLETE_UPLOAD, now + "/" + length), 400);
                    return;
                }
                send(ex, endpoint.submit(p, "https"));
            } finally {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * Copies at most {@code limit} bytes of the body to {@code target}, forcing them to disk; a
     * connection cut mid-body keeps what arrived (for a resumable upload) and returns its count.
     */
    private static long copy(InputStream body, Path target, boolean append, MessageDigest d, long limit)
            throws IOException {
        long n = 0;
        try (FileOutputStream out = new FileOutputStream(target.toFile(), append)) {
            byte[] buf = new byte[1 << 16];
            try {
                int r;
                while (n < limit && (r = body.read(buf, 0, (int) Math.min(buf.length, limit - n))) > 0) {
                    out.write(buf, 0, r);
                    if (d != null) {
                        d.update(buf, 0, r);
                    }
                    n += r;
                }
            } catch (IOException cut) {
                LOG.info("Upload body cut after {} bytes: {}", n, cut.toString());
            }
            out.getChannel().force(true);
        }
        return n;
    }

    private static void send(HttpExchange ex, Answer a) throws IOException {
        send(ex, a, a.httpStatus());
    }

    private static void send(HttpExchange ex, Answer a, int code) throws IOException {
        ObjectNode n = json().put("status", a.status());
        n.set("receipt", a.receipt() == null ? null : BatchJson.MAPPER.valueToTree(a.receipt()));
        n.put("problem", a.problem() == null ? null : a.problem().name());
        n.put("detail", a.detail());
        reply(ex, code, n);
    }

    private static ObjectNode json() {
        return BatchJson.MAPPER.createObjectNode();
    }

    private static void reply(HttpExchange ex, int code, ObjectNode body) throws IOException {
        byte[] b = BatchJson.MAPPER.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(code, b.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(b);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> m = new java.util.HashMap<>();
        if (raw == null) {
            return m;
        }
        for (String kv : raw.split("&")) {
            int i = kv.indexOf('=');
            if (i > 0) {
                m.put(java.net.URLDecoder.decode(kv.substring(0, i), StandardCharsets.UTF_8),
                        java.net.URLDecoder.decode(kv.substring(i + 1), StandardCharsets.UTF_8));
            }
        }
        return m;
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdown();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
