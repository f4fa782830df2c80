package cn.uniondesk.ui.upload;

import cn.uniondesk.domain.Permission;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.BatchService;
import cn.uniondesk.service.OfficeIdentityService;
import cn.uniondesk.service.OutboxService;
import cn.uniondesk.service.Session;
import cn.uniondesk.service.UnionService;
import cn.uniondesk.service.UploadSettings;
import cn.uniondesk.sync.BatchJson;
import cn.uniondesk.sync.IntakeProbe;
import cn.uniondesk.sync.KeyFile;
import cn.uniondesk.sync.Tls;
import cn.uniondesk.ui.common.BackgroundExecutor;
import cn.uniondesk.ui.common.ErrorText;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * 上报设置: where batches go (the intake's https address), the intake's public key (to check
 * receipts), an optional extra certificate (private upper-level CA or self-signed server) and an
 * optional pin, checked here before anything is saved; 测试连接 looks at the intake with the values
 * as typed; 保存 goes through {@link BatchService#saveSettings} (administrators, audited). Also shows
 * the office's own key fingerprint and exports the key file the upper level registers.
 *
 * <p>An empty key or certificate file field keeps what is saved; 不再使用证书 removes the certificate.
 */
public final class UploadSettingsViewModel {
    /** Key and certificate files are small: anything bigger is not one. */
    static final long MAX_FILE_BYTES = 256 * 1024;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    /** The form checked: the settings to save or test, or the problems found (each one line). */
    record Checked(UploadSettings settings, List<String> problems) {
        boolean ok() {
            return problems.isEmpty();
        }
    }

    /** What a background action came to: the text to show and whether it is a problem. */
    private record Outcome(String text, boolean error) {
    }

    private final BatchService batches;
    private final OutboxService outbox;
    private final OfficeIdentityService identity;
    private final UnionService union;
    private final BackgroundExecutor executor;
    private final Messages messages;
    private final boolean mayEdit;
    private final boolean mayExport;

    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty keyFile = new SimpleStringProperty("");
    private final StringProperty certFile = new SimpleStringProperty("");
    private final BooleanProperty removeCert = new SimpleBooleanProperty(false);
    private final StringProperty pin = new SimpleStringProperty("");
    private final StringProperty registeredKey = new SimpleStringProperty("");
    private final StringProperty currentCert = new SimpleStringProperty("");
    private final StringProperty officeFingerprint = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty messageIsError = new SimpleBooleanProperty(false);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper readOnly = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper exportDisabled = new ReadOnlyBooleanWrapper(false);

    public UploadSettingsViewModel(BatchService batches, OutboxService outbox, OfficeIdentityService identity,
            UnionService union, Session session, BackgroundExecutor executor, Messages messages) {
        this.batches = batches;
        this.outbox = outbox;
        this.identity = identity;
        this.union = union;
        this.executor = executor;
        this.messages = messages;
        this.mayEdit = session.may(Permission.APPROVE);
        this.mayExport = session.may(Permission.MEMBER_WRITE);
        readOnly.set(!mayEdit);
        exportDisabled.set(!mayExport);
    }

    /** Fills the form from the saved settings and shows the office's fingerprint. */
    public void load() {
        executor.run(() -> new Object[] {batches.settings(), identity.show()}, r -> {
            UploadSettings s = (UploadSettings) r[0];
            @SuppressWarnings("unchecked")
            Optional<OfficeIdentityService.Identity> id = (Optional<OfficeIdentityService.Identity>) r[1];
            url.set(s.url() == null ? "" : s.url());
            pin.set(s.pinSha256() == null ? "" : s.pinSha256());
            keyFile.set("");
            certFile.set("");
            removeCert.set(false);
            registeredKey.set(describeKey(s.intakeKeyJson()));
            currentCert.set(describeCert(s.trustedCertPem()));
            officeFingerprint.set(id.map(i -> messages.get("ui.upload.fingerprint", i.fingerprint()))
                    .orElse(messages.get("ui.uploadSettings.noOfficeKey")));
            if (!mayEdit) {
                show(messages.get("ui.uploadSettings.readOnly"), false);
            }
        }, this::failed);
    }

    /** 保存: checks the form; only a form without problems reaches the service. */
    public void save() {
        if (!mayEdit) {
            show(messages.get("ui.uploadSettings.readOnly"), true);
            return;
        }
        FormValues form = values();
        run(() -> {
            UploadSettings current = batches.settings();
            Checked c = check(form, current, true, false);
            if (!c.ok()) {
                return new Outcome(String.join("\n", c.problems()), true);
            }
            batches.saveSettings(c.settings());
            return new Outcome(messages.get("ui.uploadSettings.saved"), false);
        }, true);
    }

    /** 测试连接: the form's values (saved or not) against the intake; nothing is saved. */
    public void testConnection() {
        FormValues form = values();
        run(() -> {
            Checked c = check(form, batches.settings(), false, true);
            if (!c.ok()) {
                return new Outcome(String.join("\n", c.problems()), true);
            }
            IntakeProbe.Result r = outbox.testConnection(c.settings());
            return new Outcome(probeText(r), r.outcome() != IntakeProbe.Outcome.REACHABLE);
        }, false);
    }

    /** 导出本单位公钥: writes the key file the upper level registers ({@code intake offices add --key}). */
    public void exportOfficeKey(Path out) {
        if (out == null) {
            return;
        }
        run(() -> {
            KeyFile k = identity.exportPublicKey(out, union.union().orElse(null));
            return new Outcome(messages.get("ui.uploadSettings.exported", out.toString(), k.fingerprint()), false);
        }, true);
    }

    /** The file name offered when exporting the office's key. */
    public String suggestedExportName() {
        return messages.get("ui.uploadSettings.exportName");
    }

    record FormValues(String url, String keyFile, String certFile, boolean removeCert, String pin) {
    }

    private FormValues values() {
        return new FormValues(url.get(), keyFile.get(), certFile.get(), removeCert.get(), pin.get());
    }

    private void run(java.util.concurrent.Callable<Outcome> work, boolean reload) {
        busy.set(true);
        show(messages.get("ui.upload.working"), false);
        executor.run(work, o -> {
            busy.set(false);
            show(o.text(), o.error());
            if (reload && !o.error()) {
                reloadKeepingMessage();
            }
        }, e -> {
            busy.set(false);
            failed(e);
        });
    }

    private void reloadKeepingMessage() {
        String text = message.get();
        boolean error = messageIsError.get();
        executor.run(() -> new Object[] {batches.settings(), identity.show()}, r -> {
            UploadSettings s = (UploadSettings) r[0];
            @SuppressWarnings("unchecked")
            Optional<OfficeIdentityService.Identity> id = (Optional<OfficeIdentityService.Identity>) r[1];
            keyFile.set("");
            certFile.set("");
            removeCert.set(false);
            url.set(s.url() == null ? "" : s.url());
            pin.set(s.pinSha256() == null ? "" : s.pinSha256());
            registeredKey.set(describeKey(s.intakeKeyJson()));
            currentCert.set(describeCert(s.trustedCertPem()));
            officeFingerprint.set(id.map(i -> messages.get("ui.upload.fingerprint", i.fingerprint()))
                    .orElse(messages.get("ui.uploadSettings.noOfficeKey")));
            show(text, error);
        }, this::failed);
    }

    private void show(String text, boolean error) {
        message.set(text);
        messageIsError.set(error);
    }

    private void failed(Throwable e) {
        show(ErrorText.of(e, messages), true);
    }

    // --- checking ------------------------------------------------------------------------------

    /**
     * Checks the form against what is saved: https address; key file readable and a UnionDesk public
     * key file (Ed25519) that is not the office's own; certificate file PEM; pin as 64 hex digits or
     * base64 of 32 bytes. Reads the files (call in the background). The address may be left empty
     * when saving (an office that reports by USB stick only still needs the intake's key for receipts).
     */
    Checked check(FormValues f, UploadSettings current, boolean keyRequired, boolean urlRequired) {
        List<String> problems = new ArrayList<>();
        String u = checkUrl(f.url(), problems, urlRequired);

        String keyJson = current.intakeKeyJson();
        String keyText = f.keyFile() == null ? "" : f.keyFile().strip();
        if (!keyText.isEmpty()) {
            keyJson = readKey(keyText, problems);
        } else if (keyJson == null && keyRequired) {
            problems.add(messages.get("ui.uploadSettings.keyRequired"));
        }

        String pem = f.removeCert() ? null : current.trustedCertPem();
        String certText = f.certFile() == null ? "" : f.certFile().strip();
        if (!certText.isEmpty()) {
            pem = readCert(certText, problems);
        }

        String p = null;
        String pinText = f.pin() == null ? "" : f.pin().strip();
        if (!pinText.isEmpty()) {
            p = normalizePin(pinText);
            if (p == null) {
                problems.add(messages.get("ui.uploadSettings.badPin", pinText));
            }
        }
        if (!problems.isEmpty()) {
            return new Checked(null, List.copyOf(problems));
        }
        return new Checked(new UploadSettings(u, p, pem, keyJson, current.resumableThresholdBytes()), List.of());
    }

    private String checkUrl(String text, List<String> problems, boolean required) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            if (required) {
                problems.add(messages.get("ui.uploadSettings.urlRequired"));
            }
            return null;
        }
        URI uri;
        try {
            uri = new URI(t);
        } catch (URISyntaxException e) {
            problems.add(messages.get("ui.uploadSettings.badUrl", t));
            return null;
        }
        if (uri.getScheme() == null || !uri.getScheme().equalsIgnoreCase("https")) {
            problems.add(messages.get("ui.uploadSettings.httpsOnly", t));
            return null;
        }
        if (uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null
                || uri.getRawUserInfo() != null) {
            problems.add(messages.get("ui.uploadSettings.badUrl", t));
            return null;
        }
        return "https" + t.substring(uri.getScheme().length());
    }

    private Path readable(String text, String missingKey, String unreadableKey, List<String> problems) {
        Path p;
        try {
            p = Path.of(text);
        } catch (InvalidPathException e) {
            problems.add(messages.get(missingKey, text));
            return null;
        }
        if (!Files.isRegularFile(p)) {
            problems.add(messages.get(missingKey, text));
            return null;
        }
        if (!Files.isReadable(p)) {
            problems.add(messages.get(unreadableKey, text));
            return null;
        }
        return p;
    }

    private String readKey(String text, List<String> problems) {
        Path p = readable(text, "ui.uploadSettings.keyMissing", "ui.uploadSettings.keyUnreadable", problems);
        if (p == null) {
            return null;
        }
        try {
            if (Files.size(p) > MAX_FILE_BYTES) {
                problems.add(messages.get("ui.uploadSettings.badKey", p.getFileName()));
                return null;
            }
            KeyFile k = KeyFile.read(p);
            Optional<OfficeIdentityService.Identity> own = identity.show();
            if (own.isPresent() && own.get().fingerprint().equals(k.fingerprint())) {
                problems.add(messages.get("ui.uploadSettings.ownKey", p.getFileName()));
                return null;
            }
            return BatchJson.MAPPER.writeValueAsString(k);
        } catch (IOException e) {
            problems.add(messages.get("ui.uploadSettings.keyUnreadable", text));
            return null;
        } catch (RuntimeException e) {
            problems.add(messages.get("ui.uploadSettings.badKey", p.getFileName()));
            return null;
        }
    }

    private String readCert(String text, List<String> problems) {
        Path p = readable(text, "ui.uploadSettings.certMissing", "ui.uploadSettings.certUnreadable", problems);
        if (p == null) {
            return null;
        }
        try {
            if (Files.size(p) > MAX_FILE_BYTES) {
                problems.add(messages.get("ui.uploadSettings.badCert", p.getFileName()));
                return null;
            }
            String pem = new String(Files.readAllBytes(p), StandardCharsets.US_ASCII);
            if (!pem.contains("-----BEGIN CERTIFICATE-----")) {
                problems.add(messages.get("ui.uploadSettings.badCert", p.getFileName()));
                return null;
            }
            Tls.parsePem(pem);
            return pem;
        } catch (IOException e) {
            problems.add(messages.get("ui.uploadSettings.certUnreadable", text));
            return null;
        } catch (RuntimeException e) {
            problems.add(messages.get("ui.uploadSettings.badCert", p.getFileName()));
            return null;
        }
    }

    /**
     * The pin as the service keeps it (64 lower-case hex digits), from 64 hex digits (any case,
     * colons or spaces between) or base64 of the 32-byte hash (optionally {@code sha256//…}, as curl
     * writes it); null when it is neither.
     */
    static String normalizePin(String text) {
        String t = text.strip();
        String hex = t.replaceAll("[:\\s]", "");
        if (hex.matches("[0-9A-Fa-f]{64}")) {
            return hex.toLowerCase(Locale.ROOT);
        }
        String b64 = t.startsWith("sha256//") ? t.substring("sha256//".length()) : t;
        if (b64.matches("[A-Za-z0-9+/]{43}=")) {
            byte[] raw = Base64.getDecoder().decode(b64);
            if (raw.length == 32) {
                return HexFormat.of().formatHex(raw);
            }
        }
        return null;
    }

    // --- wording -------------------------------------------------------------------------------

    private String describeKey(String json) {
        if (json == null) {
            return messages.get("ui.uploadSettings.noIntakeKey");
        }
        try {
            KeyFile k = BatchJson.MAPPER.readValue(json, KeyFile.class);
            k.key();
            return messages.get("ui.uploadSettings.intakeKey", k.fingerprint());
        } catch (IOException | RuntimeException e) {
            return messages.get("ui.uploadSettings.noIntakeKey");
        }
    }

    private String describeCert(String pem) {
        if (pem == null || pem.isBlank()) {
            return messages.get("ui.uploadSettings.noCert");
        }
        try {
            X509Certificate c = Tls.parsePem(pem);
            return messages.get("ui.uploadSettings.cert", c.getSubjectX500Principal().getName(),
                    DAY.format(c.getNotAfter().toInstant().atZone(ZoneId.systemDefault())));
        } catch (RuntimeException e) {
            return messages.get("ui.uploadSettings.noCert");
        }
    }

    String probeText(IntakeProbe.Result r) {
        String key = switch (r.outcome()) {
            case REACHABLE -> "ui.uploadSettings.probe.REACHABLE";
            case CERTIFICATE_UNTRUSTED -> "ui.uploadSettings.probe.CERTIFICATE_UNTRUSTED";
            case HOST_MISMATCH -> "ui.uploadSettings.probe.HOST_MISMATCH";
            case PIN_MISMATCH -> "ui.uploadSettings.probe.PIN_MISMATCH";
            case TLS_FAILED -> "ui.uploadSettings.probe.TLS_FAILED";
            case NOT_AN_INTAKE -> "ui.uploadSettings.probe.NOT_AN_INTAKE";
            case UNREACHABLE -> "ui.uploadSettings.probe.UNREACHABLE";
        };
        return messages.get(key, r.detail() == null ? "" : r.detail());
    }

    // --- properties ----------------------------------------------------------------------------

    public StringProperty urlProperty() {
        return url;
    }

    public StringProperty keyFileProperty() {
        return keyFile;
    }

    public StringProperty certFileProperty() {
        return certFile;
    }

    public BooleanProperty removeCertProperty() {
        return removeCert;
    }

    public StringProperty pinProperty() {
        return pin;
    }

    public StringProperty registeredKeyProperty() {
        return registeredKey;
    }

    public StringProperty currentCertProperty() {
        return currentCert;
    }

    public StringProperty officeFingerprintProperty() {
        return officeFingerprint;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty messageIsErrorProperty() {
        return messageIsError;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyBooleanProperty readOnlyProperty() {
        return readOnly.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty exportDisabledProperty() {
        return exportDisabled.getReadOnlyProperty();
    }

    public Messages messages() {
        return messages;
    }
}
