package cn.uniondesk.sync;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * TLS for both sides. The client trusts the JDK's CA certificates, plus one extra certificate
 * when the upper level runs a private CA or a self-signed server; certificate chain and host name
 * are always checked (the JDK's own trust managers do both: host name checking is never turned
 * off). An optional pin (SHA-256 of the server certificate's SubjectPublicKeyInfo) is checked in
 * addition. The server side loads a PKCS#12 key store, or makes a self-signed one with the JDK's
 * keytool.
 */
public final class Tls {
    /** How a pin mismatch's CertificateException message starts (followed by the server's SPKI SHA-256). */
    public static final String PIN_MISMATCH = "pinned key does not match: ";

    private Tls() {
    }

    /** SHA-256 of the certificate's SubjectPublicKeyInfo, lower-case hex: the pin value. */
    public static String spkiSha256(X509Certificate cert) {
        return Sha256.hex(cert.getPublicKey().getEncoded());
    }

    public static X509Certificate parsePem(String pem) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException e) {
            throw new IllegalArgumentException("not a PEM certificate", e);
        }
    }

    public static String toPem(X509Certificate cert) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(cert.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The client's context: JDK trust (plus {@code extraTrustedPem} when given), and the pin when given. */
    public static SSLContext clientContext(String extraTrustedPem, String pinSha256) {
        try {
            List<X509ExtendedTrustManager> managers = new ArrayList<>();
            TrustManagerFactory jdk = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            jdk.init((KeyStore) null);
            managers.add(extended(jdk.getTrustManagers()));
            if (extraTrustedPem != null && !extraTrustedPem.isBlank()) {
                KeyStore ks = KeyStore.getInstance("PKCS12");
                ks.load(null, null);
                ks.setCertificateEntry("upper-level", parsePem(extraTrustedPem));
                TrustManagerFactory extra = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                extra.init(ks);
                managers.add(extended(extra.getTrustManagers()));
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new CheckingTrustManager(managers, pinSha256)}, null);
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("TLS set-up failed: " + e.getMessage(), e);
        }
    }

    private static X509ExtendedTrustManager extended(TrustManager[] tms) {
        for (TrustManager tm : tms) {
            if (tm instanceof X509ExtendedTrustManager) {
                return (X509ExtendedTrustManager) tm;
            }
        }
        throw new IllegalStateException("no X509ExtendedTrustManager");
    }

    /** The server's context from a PKCS#12 key store. */
    public static SSLContext serverContext(Path keystore, char[] password) {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, password);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("key store cannot be opened: " + keystore.getFileName() + ": "
                    + e.getMessage(), e);
        }
    }

    /** The first certificate in a PKCS#12 key store (the server's). */
    public static X509Certificate certificate(Path keystore, char[] password) {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            String alias = ks.aliases().nextElement();
            return (X509Certificate) ks.getCertificate(alias);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("key store cannot be opened: " + keystore.getFileName(), e);
        }
    }

    /**
     * Makes a self-signed EC certificate in a new PKCS#12 key store with the JDK's keytool
     * ({@code $JAVA_HOME/bin/keytool}), valid for the given host names and IP addresses.
     */
    public static void generateSelfSigned(Path keystore, char[] password, List<String> hosts, int days) {
        StringBuilder san = new StringBuilder("SAN=");
        for (int i = 0; i < hosts.size(); i++) {
            String h = hosts.get(i);
            if (!h.matches("[0-9A-Za-z.:-]+")) {
                throw new IllegalArgumentException("bad host name: " + h);
            }
            san.append(i == 0 ? "" : ",").append(h.matches("[0-9.]+|.*:.*") ? "ip:" : "dns:").append(h);
        }
        Path keytool = Path.of(System.getProperty("java.home"), "bin",
                System.getProperty("os.name", "").startsWith("Windows") ? "keytool.exe" : "keytool");
        List<String> cmd = List.of(keytool.toString(), "-genkeypair", "-keyalg", "EC", "-groupname", "secp256r1",
                "-alias", "intake", "-dname", "CN=" + hosts.get(0) + ",O=UnionDesk intake", "-ext", san.toString(),
                "-validity", Integer.toString(days), "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass:env", "UD_KS_PW", "-keypass:env", "UD_KS_PW");
        try {
            Files.createDirectories(keystore.toAbsolutePath().getParent());
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().put("UD_KS_PW", new String(password));
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException("keytool failed: " + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Accepts a server when any of the trust managers accepts it (each checks the chain and, through
     * the engine's parameters, the host name), then checks the pin.
     */
    static final class CheckingTrustManager extends X509ExtendedTrustManager {
        private final List<X509ExtendedTrustManager> delegates;
        private final String pin;

        CheckingTrustManager(List<X509ExtendedTrustManager> delegates, String pin) {
            this.delegates = delegates;
            this.pin = pin == null || pin.isBlank() ? null : pin.strip().toLowerCase(java.util.Locale.ROOT);
        }

        private interface Check {
            void run(X509ExtendedTrustManager tm) throws CertificateException;
        }

        private void any(X509Certificate[] chain, Check check) throws CertificateException {
            CertificateException last = null;
            for (X509ExtendedTrustManager tm : delegates) {
                try {
                    check.run(tm);
                    pin(chain);
                    return;
                } catch (CertificateException e) {
                    last = e;
                    if (e.getMessage() != null && e.getMessage().startsWith(PIN_MISMATCH)) {
                        throw e;
                    }
                }
            }
            throw last == null ? new CertificateException("not trusted") : last;
        }

        private void pin(X509Certificate[] chain) throws CertificateException {
            if (pin != null && !spkiSha256(chain[0]).equals(pin)) {
                throw new CertificateException(PIN_MISMATCH + spkiSha256(chain[0]));
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            any(chain, tm -> tm.checkServerTrusted(chain, authType, engine));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            any(chain, tm -> tm.checkServerTrusted(chain, authType, socket));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            // no connection to check the host name against: refuse rather than skip the check
            throw new CertificateException("host name cannot be checked without a connection");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            throw new CertificateException("client side only");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            throw new CertificateException("client side only");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("client side only");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return delegates.stream().flatMap(d -> java.util.Arrays.stream(d.getAcceptedIssuers()))
                    .toArray(X509Certificate[]::new);
        }
    }
}
