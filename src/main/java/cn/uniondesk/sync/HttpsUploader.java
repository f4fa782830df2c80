package cn.uniondesk.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uploads a package with {@link HttpClient} over HTTPS (certificate and host name always checked,
 * optional pin: see {@link Tls}). The batch id is the idempotency key. Network failures, server
 * errors (5xx), 429 and an upload the server received incomplete are retried with exponential
 * backoff and jitter; a TLS failure is not retried (it will not heal by itself). Packages above
 * the threshold are uploaded resumably: the client asks how much the server already has and sends
 * the rest. The result counts as delivered only with a receipt that verifies under the intake's
 * key and names this batch's hash.
 */
public final class HttpsUploader implements Uploader {
    private static final Logger LOG = LoggerFactory.getLogger(HttpsUploader.class);

    /** Waits between attempts (tests pass one that records and returns at once). */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    /** Retry policy: attempts, first delay, cap; jitter draws from {@code random} in [0, 1). */
    public record Retry(int attempts, Duration base, Duration cap) {
        public static Retry standard() {
            return new Retry(5, Duration.ofSeconds(2), Duration.ofMinutes(1));
        }

        /** Delay before attempt {@code n+1} after {@code n} failures: half fixed, half random ("equal jitter"). */
        public Duration delay(int failures, double random) {
            long exp = base.toMillis() << Math.min(20, failures - 1);
            long d = Math.min(cap.toMillis(), exp);
            return Duration.ofMillis(d / 2 + (long) (random * (d / 2.0)));
        }
    }

    private final URI base;
    private final HttpClient client;
    private final PublicKey intakeKey;
    private final long resumableThreshold;
    private final Retry retry;
    private final Sleeper sleeper;
    private final java.util.function.DoubleSupplier random;
    private final Duration requestTimeout;

    public HttpsUploader(URI base, SSLContext ssl, PublicKey intakeKey, long resumableThreshold, Retry retry,
            Sleeper sleeper, java.util.function.DoubleSupplier random, Duration requestTimeout) {
        if (!"https".equalsIgnoreCase(base.getScheme())) {
            throw new IllegalArgumentException("https only: " + base);
        }
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
        this.client = HttpClient.newBuilder().sslContext(ssl).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
        this.intakeKey = intakeKey;
        this.resumableThreshold = resumableThreshold;
        this.retry = retry;
        this.sleeper = sleeper;
        this.random = random;
        this.requestTimeout = requestTimeout;
    }

    /** With the standard retry policy, real sleeping and a secure random jitter. */
    public static HttpsUploader standard(URI base, SSLContext ssl, PublicKey intakeKey, long threshold) {
        java.security.SecureRandom r = new java.security.SecureRandom();
        return new HttpsUploader(base, ssl, intakeKey, threshold, Retry.standard(),
                d -> Thread.sleep(d.toMillis()), r::nextDouble, Duration.ofMinutes(5));
    }

    /** Thrown inside an attempt for failures worth another try. */
    private static final class Transient extends Exception {
        private static final long serialVersionUID = 1L;

        Transient(String m) {
            super(m, null, false, false);
        }
    }

    @Override
    public UploadOutcome upload(Path file, String batchId, String sha256) {
        long length;
        try {
            length = Files.size(file);
        } catch (IOException e) {
            return new UploadOutcome.Unreachable("package missing: " + file.getFileName(), 0);
        }
        String last = null;
        for (int attempt = 1; attempt <= retry.attempts(); attempt++) {
            try {
                UploadOutcome o = length > resumableThreshold ? resumable(file, batchId, sha256, length)
                        : whole(file, batchId, sha256);
                return o;
            } catch (SSLHandshakeException e) {
                if (certificateProblem(e)) {
                    // an untrusted certificate, a wrong host name or pin: retrying will not help
                    return new UploadOutcome.Unreachable("TLS: " + e.getMessage(), attempt);
                }
                last = "TLS: " + e.getMessage();
                LOG.info("Upload of {} attempt {} failed: {}", file.getFileName(), attempt, last);
            } catch (Transient | IOException e) {
                last = e.getClass().getSimpleName() + ": " + e.getMessage();
                LOG.info("Upload of {} attempt {} failed: {}", file.getFileName(), attempt, last);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new UploadOutcome.Unreachable("interrupted", attempt);
            }
            if (attempt < retry.attempts()) {
                try {
                    sleeper.sleep(retry.delay(attempt, random.getAsDouble()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new UploadOutcome.Unreachable("interrupted", attempt);
                }
            }
        }
        return new UploadOutcome.Unreachable(last, retry.attempts());
    }

    private static boolean certificateProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.security.cert.CertificateException) {
                return true;
            }
        }
        return false;
    }

    private UploadOutcome whole(Path file, String batchId, String sha256)
            throws IOException, InterruptedException, Transient {
        HttpRequest req = HttpRequest.newBuilder(base.resolve("api/v1/batches/" + batchId))
                .timeout(requestTimeout)
                .header("Idempotency-Key", batchId).header("X-Batch-Sha256", sha256)
                .header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build();
        return answer(client.send(req, HttpResponse.BodyHandlers.ofString()), batchId, sha256);
    }

    private UploadOutcome resumable(Path file, String batchId, String sha256, long length)
            throws IOException, InterruptedException, Transient {
        for (int round = 0; round < 1000; round++) {
            HttpRequest ask = HttpRequest.newBuilder(base.resolve("api/v1/uploads/" + batchId + "?sha256=" + sha256
                    + "&length=" + length)).timeout(requestTimeout).header("Idempotency-Key", batchId).GET().build();
            HttpResponse<String> r = client.send(ask, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return answer(r, batchId, sha256);
            }
            long offset = BatchJson.MAPPER.readTree(r.body()).path("offset").asLong(-1);
            if (offset < 0 || offset > length) {
                throw new Transient("bad offset " + offset);
            }
            long from = offset;
            HttpRequest put = HttpRequest.newBuilder(base.resolve("api/v1/uploads/" + batchId))
                    .timeout(requestTimeout)
                    .header("Idempotency-Key", batchId).header("X-Batch-Sha256", sha256)
                    .header("X-Batch-Length", Long.toString(length)).header("Upload-Offset", Long.toString(from))
                    .header("Content-Type", "application/octet-stream")
                    .PUT(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> {
                        try {
                            InputStream in = Files.newInputStream(file);
                            in.skipNBytes(from);
                            return in;
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }), length - from)).build();
            HttpResponse<String> p = client.send(put, HttpResponse.BodyHandlers.ofString());
            JsonNode body = json(p.body());
            if (p.statusCode() == 200 && "PARTIAL".equals(body.path("status").asText())) {
                continue;
            }
            if (p.statusCode() == 409 && "OFFSET_MISMATCH".equals(body.path("status").asText())) {
                continue;
            }
            return answer(p, batchId, sha256);
        }
        throw new Transient("upload did not complete");
    }

    private UploadOutcome answer(HttpResponse<String> r, String batchId, String sha256) throws Transient {
        int code = r.statusCode();
        JsonNode body = json(r.body());
        String status = body.path("status").asText("");
        BatchProblem problem = BatchProblem.parse(body.path("problem").asText(null));
        String detail = body.path("detail").asText(null);
        if (code == 200 && "ACCEPTED".equals(status)) {
            Receipt receipt;
            try {
                receipt = BatchJson.MAPPER.treeToValue(body.get("receipt"), Receipt.class);
            } catch (IOException | IllegalArgumentException e) {
                receipt = null;
            }
            if (receipt == null || !receipt.confirms(intakeKey, batchId, sha256)) {
                return new UploadOutcome.Unreachable(BatchProblem.RECEIPT_INVALID.name(), 1);
            }
            return new UploadOutcome.Delivered(receipt);
        }
        if (code == 202 && "HELD".equals(status)) {
            return new UploadOutcome.Held(problem == null ? BatchProblem.SEQUENCE_GAP : problem, detail);
        }
        if ((code == 409 || code == 422) && "REFUSED".equals(status) && problem != null) {
            return new UploadOutcome.Refused(problem, detail);
        }
        if (code >= 500 || code == 429 || (code == 400 && problem == BatchProblem.INCOMPLETE_UPLOAD)) {
            throw new Transient("HTTP " + code + " " + status);
        }
        return new UploadOutcome.Unreachable("HTTP " + code + " " + status, 1);
    }

    private static JsonNode json(String s) {
        try {
            JsonNode n = BatchJson.MAPPER.readTree(s == null ? "" : s);
            return n == null ? BatchJson.MAPPER.createObjectNode() : n;
        } catch (IOException e) {
            return BatchJson.MAPPER.createObjectNode();
        }
    }

}
