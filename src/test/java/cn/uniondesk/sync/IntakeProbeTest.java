package cn.uniondesk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 测试连接's one look at the intake, over real HTTPS on 127.0.0.1: each outcome told apart. */
class IntakeProbeTest {
    @TempDir
    static Path dir;
    static TestIntake intake;
    static String pem;
    static final Duration T = Duration.ofSeconds(10);

    @BeforeAll
    static void start() {
        intake = new TestIntake(dir).start();
        pem = Tls.toPem(intake.cert);
    }

    @AfterAll
    static void stop() {
        intake.close();
    }

    private static URI at(String host) {
        return URI.create("https://" + host + ":" + intake.port() + "/");
    }

    @Test
    void trustedCertificateReachesTheIntake() {
        IntakeProbe.Result r = IntakeProbe.check(at("127.0.0.1"), Tls.clientContext(pem, null), T);
        assertThat(r.outcome()).isEqualTo(IntakeProbe.Outcome.REACHABLE);
        IntakeProbe.Result pinned = IntakeProbe.check(at("127.0.0.1"),
                Tls.clientContext(pem, Tls.spkiSha256(intake.cert)), T);
        assertThat(pinned.outcome()).isEqualTo(IntakeProbe.Outcome.REACHABLE);
    }

    @Test
    void selfSignedCertificateWithoutTrustIsACertificateProblem() {
        IntakeProbe.Result r = IntakeProbe.check(at("127.0.0.1"), Tls.clientContext(null, null), T);
        assertThat(r.outcome()).isEqualTo(IntakeProbe.Outcome.CERTIFICATE_UNTRUSTED);
    }

    @Test
    void wrongPinIsAPinMismatchNamingTheServersPin() {
        IntakeProbe.Result r = IntakeProbe.check(at("127.0.0.1"), Tls.clientContext(pem, "ab".repeat(32)), T);
        assertThat(r.outcome()).isEqualTo(IntakeProbe.Outcome.PIN_MISMATCH);
        assertThat(r.detail()).isEqualTo(Tls.spkiSha256(intake.cert));
    }

    @Test
    void otherHostNameIsAHostMismatch() throws Exception {
        // the certificate names 127.0.0.1 only; "localhost" reaches the same server under another name
        org.junit.jupiter.api.Assumptions.assumeTrue(InetAddress.getByName("localhost").isLoopbackAddress()
                && InetAddress.getByName("localhost").getHostAddress().equals("127.0.0.1"));
        IntakeProbe.Result r = IntakeProbe.check(at("localhost"), Tls.clientContext(pem, null), T);
        assertThat(r.outcome()).isEqualTo(IntakeProbe.Outcome.HOST_MISMATCH);
    }

    @Test
    void serverThatIsNotAnIntakeIsToldApart() {
        IntakeProbe.Result r = IntakeProbe.check(URI.create(at("127.0.0.1") + "not-here/"),
                Tls.clientContext(pem, null), T);
        assertThat(r.outcome()).isEqualTo(IntakeProbe.Outcome.NOT_AN_INTAKE);
        assertThat(r.detail()).isEqualTo("HTTP 404");
    }

    @Test
    void plainHttpServerIsATlsFailure() throws Exception {
        try (ServerSocket plain = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Thread t = new Thread(() -> {
                try (Socket s = plain.accept(); OutputStream out = s.getOutputStream()) {
                    out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (java.io.IOException ignored) {
                    // the client gave up first
                }
            });
            t.start();
            IntakeProbe.Result r = IntakeProbe.check(URI.create("https://127.0.0.1:" + plain.getLocalPort() + "/"),
                    Tls.clientContext(pem, null), T);
            t.join(10_000);
            assertThat(r.outcome()).isEqualTo(IntakeProbe.Outcome.TLS_FAILED);
        }
    }

    @Test
    void nothingListeningIsUnreachable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
        }
        IntakeProbe.Result r = IntakeProbe.check(URI.create("https://127.0.0.1:" + port + "/"),
                Tls.clientContext(pem, null), T);
        assertThat(r.outcome()).isEqualTo(IntakeProbe.Outcome.UNREACHABLE);
    }
}
