package cn.uniondesk.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.cert.CertificateException;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

/**
 * One look at the intake before anything is sent: {@code GET api/v1/health} over HTTPS with the same
 * TLS context the uploader uses (certificate chain and host name checked, the pin when given). Says
 * in one word what came of it, so the settings form can explain it: reachable, the certificate is
 * not trusted, the host name does not match the certificate, the pin does not match, the server
 * answered but is not an intake, or nothing answered. Sends nothing but the request line.
 */
public final class IntakeProbe {
    /** What the look came to. */
    public enum Outcome {
        REACHABLE, CERTIFICATE_UNTRUSTED, HOST_MISMATCH, PIN_MISMATCH, TLS_FAILED, NOT_AN_INTAKE, UNREACHABLE
    }

    /**
     * The outcome and a detail for the log or the screen: the server's SPKI SHA-256 for a pin
     * mismatch, the HTTP status for a server that is not an intake, the error text otherwise.
     */
    public record Result(Outcome outcome, String detail) {
    }

    private IntakeProbe() {
    }

    public static Result check(URI base, SSLContext ssl, Duration timeout) {
        if (!"https".equalsIgnoreCase(base.getScheme())) {
            throw new IllegalArgumentException("https only: " + base);
        }
        URI root = base.toString().endsWith("/") ? base : URI.create(base + "/");
        HttpClient client = HttpClient.newBuilder().sslContext(ssl).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        HttpRequest req = HttpRequest.newBuilder(root.resolve("api/v1/health")).timeout(timeout).GET().build();
        try {
            HttpResponse<String> r = client.send(req, HttpResponse.BodyHandlers.ofString());
            JsonNode body;
            try {
                body = BatchJson.MAPPER.readTree(r.body() == null ? "" : r.body());
            } catch (IOException e) {
                body = null;
            }
            if (r.statusCode() == 200 && body != null && "OK".equals(body.path("status").asText())) {
                return new Result(Outcome.REACHABLE, root.toString());
            }
            return new Result(Outcome.NOT_AN_INTAKE, "HTTP " + r.statusCode());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(Outcome.UNREACHABLE, "interrupted");
        } catch (IOException e) {
            return classify(e);
        }
    }

    static Result classify(IOException e) {
        CertificateException cert = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertificateException c) {
                cert = c;
            }
        }
        if (cert != null) {
            String m = String.valueOf(cert.getMessage());
            if (m.startsWith(Tls.PIN_MISMATCH)) {
                return new Result(Outcome.PIN_MISMATCH, m.substring(m.lastIndexOf(' ') + 1));
            }
            if (m.startsWith("No subject alternative") || m.startsWith("No name matching")) {
                return new Result(Outcome.HOST_MISMATCH, m);
            }
            return new Result(Outcome.CERTIFICATE_UNTRUSTED, m);
        }
        if (e instanceof SSLException) {
            return new Result(Outcome.TLS_FAILED, String.valueOf(e.getMessage()));
        }
        if (e instanceof HttpConnectTimeoutException || e instanceof HttpTimeoutException) {
            return new Result(Outcome.UNREACHABLE, "timeout");
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException) {
                return new Result(Outcome.UNREACHABLE, t.getClass().getSimpleName() + ": " + t.getMessage());
            }
        }
        return new Result(Outcome.UNREACHABLE, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
}
