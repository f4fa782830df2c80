package cn.uniondesk.sync;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.service.IntakeService;
import cn.uniondesk.service.UploadSettings;
import cn.uniondesk.testing.TestApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An intake on 127.0.0.1 over real HTTPS: a self-signed certificate made for the test with the
 * JDK's keytool, the intake store in a temporary folder, the office registered.
 */
public final class TestIntake implements AutoCloseable {
    static final char[] PW = "test-keystore-pw".toCharArray();
    private static final Map<Path, X509Certificate> CERTS = new ConcurrentHashMap<>();

    public final Path store;
    public final IntakeService intake;
    public final Path keystore;
    public final X509Certificate cert;
    private IntakeServer server;
    private int port;
    public final List<Duration> sleeps = new ArrayList<>();

    public TestIntake(Path dir) {
        this.store = dir.resolve("intake-store");
        this.keystore = dir.resolve("intake-tls.p12");
        Tls.generateSelfSigned(keystore, PW, List.of("127.0.0.1"), 30);
        this.cert = Tls.certificate(keystore, PW);
        this.intake = IntakeService.open(store, TestApp.CLOCK);
    }

    public TestIntake start() {
        return startOn(0);
    }

    /** Starts (again) on {@code p} (0: any free port). */
    public TestIntake startOn(int p) {
        try {
            server = IntakeServer.start(new InetSocketAddress("127.0.0.1", p), Tls.serverContext(keystore, PW),
                    store.resolve("work"), intake);
            port = server.port();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    public int port() {
        return port;
    }

    /** Registers the office of {@code ctx} (its exported key file). */
    public void register(AppContext ctx, Path dir) {
        Path key = dir.resolve("office-key.json");
        ctx.identity().exportPublicKey(key, ctx.union().union().orElseThrow());
        intake.registerOffice(key, null);
    }

    /** Upload settings pointing at {@code port} (the server, or a proxy in front of it). */
    public UploadSettings settings(int targetPort, long threshold) {
        try {
            return new UploadSettings("https://127.0.0.1:" + targetPort + "/", null, Tls.toPem(cert),
                    BatchJson.MAPPER.writeValueAsString(intake.publicKey()), threshold);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An uploader with 4 attempts and recorded (not slept) backoff. */
    public Uploader fastUploader(UploadSettings s) {
        try {
            return new HttpsUploader(URI.create(s.url()), Tls.clientContext(s.trustedCertPem(), s.pinSha256()),
                    BatchJson.MAPPER.readValue(s.intakeKeyJson(), KeyFile.class).key(), s.resumableThresholdBytes(),
                    new HttpsUploader.Retry(4, Duration.ofMillis(100), Duration.ofSeconds(1)), sleeps::add, () -> 0.5,
                    Duration.ofSeconds(20));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stop();
        intake.close();
    }
}
