package cn.uniondesk.ui.upload;

import static org.assertj.core.api.Assertions.assertThat;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.domain.Role;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.UploadSettings;
import cn.uniondesk.sync.BatchJson;
import cn.uniondesk.sync.Ed25519;
import cn.uniondesk.sync.KeyFile;
import cn.uniondesk.sync.Tls;
import cn.uniondesk.testing.TestApp;
import cn.uniondesk.ui.common.SameThreadExecutor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 上报设置 without a window: what the form accepts, what it refuses (and then saves nothing), export. */
class UploadSettingsViewModelTest {
    @TempDir
    static Path shared;
    static Path certPem;
    static String certText;

    @TempDir
    Path dir;
    AppContext ctx;
    UploadSettingsViewModel vm;
    Path intakeKey;

    @BeforeAll
    static void certificate() throws Exception {
        Path ks = shared.resolve("tls.p12");
        Tls.generateSelfSigned(ks, "pw-pw-pw".toCharArray(), List.of("127.0.0.1"), 30);
        certText = Tls.toPem(Tls.certificate(ks, "pw-pw-pw".toCharArray()));
        certPem = shared.resolve("intake.pem");
        Files.writeString(certPem, certText, StandardCharsets.US_ASCII);
    }

    @BeforeEach
    void open() {
        ctx = TestApp.open(dir.resolve("data"));
        intakeKey = dir.resolve("上级公钥.json");
        KeyFile.of("intake", "intake", Ed25519.generate().getPublic()).write(intakeKey);
        vm = newVm();
    }

    private UploadSettingsViewModel newVm() {
        UploadSettingsViewModel v = new UploadSettingsViewModel(ctx.batches(), ctx.outbox(), ctx.identity(), ctx.union(),
                ctx.session(), new SameThreadExecutor(), Messages.chinese());
        v.load();
        return v;
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    private int settingsAuditRows() {
        return (int) ctx.audit().find(null, "setting", "sync", 100).size();
    }

    private void fillValid() {
        vm.urlProperty().set("https://upper.example.cn:8443/");
        vm.keyFileProperty().set(intakeKey.toString());
        vm.certFileProperty().set(certPem.toString());
        vm.pinProperty().set("");
    }

    @Test
    void validFormIsSavedThroughTheServiceAndAudited() throws Exception {
        fillValid();
        String pin = "AB".repeat(32);
        vm.pinProperty().set(pin.replaceAll("(..)(?!$)", "$1:"));

        vm.save();

        assertThat(vm.messageIsErrorProperty().get()).as(vm.messageProperty().get()).isFalse();
        assertThat(vm.messageProperty().get()).isEqualTo("上报设置已保存，此后的上报都按此设置发送。");
        UploadSettings s = ctx.batches().settings();
        assertThat(s.url()).isEqualTo("https://upper.example.cn:8443/");
        assertThat(s.pinSha256()).isEqualTo("ab".repeat(32));
        assertThat(s.trustedCertPem()).isEqualTo(certText);
        assertThat(BatchJson.MAPPER.readValue(s.intakeKeyJson(), KeyFile.class).fingerprint())
                .isEqualTo(KeyFile.read(intakeKey).fingerprint());
        assertThat(s.configured()).isTrue();
        assertThat(settingsAuditRows()).isEqualTo(1);
        // the form shows what was saved: the key's fingerprint, the certificate; the file fields are empty again
        assertThat(vm.registeredKeyProperty().get()).isEqualTo("已登记，指纹 " + KeyFile.read(intakeKey).fingerprint());
        assertThat(vm.currentCertProperty().get()).startsWith("已保存：CN=127.0.0.1");
        assertThat(vm.keyFileProperty().get()).isEmpty();
        assertThat(vm.pinProperty().get()).isEqualTo("ab".repeat(32));
    }

    @Test
    void emptyFileFieldsKeepWhatIsSavedAndRemoveCertDropsTheCertificate() {
        fillValid();
        vm.save();
        UploadSettings before = ctx.batches().settings();

        UploadSettingsViewModel again = newVm();
        assertThat(again.urlProperty().get()).isEqualTo("https://upper.example.cn:8443/");
        again.urlProperty().set("https://upper2.example.cn/intake/");
        again.save();
        UploadSettings kept = ctx.batches().settings();
        assertThat(kept.url()).isEqualTo("https://upper2.example.cn/intake/");
        assertThat(kept.intakeKeyJson()).isEqualTo(before.intakeKeyJson());
        assertThat(kept.trustedCertPem()).isEqualTo(certText);

        again.removeCertProperty().set(true);
        again.save();
        assertThat(ctx.batches().settings().trustedCertPem()).isNull();
        assertThat(again.currentCertProperty().get()).isEqualTo("未使用额外证书（只信任系统自带的证书机构）");
    }

    @Test
    void pinIsAcceptedAsHexOrBase64AndKeptAsLowerCaseHex() {
        byte[] raw = new byte[32];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = (byte) (i * 7 + 3);
        }
        String hex = HexFormat.of().formatHex(raw);
        String b64 = Base64.getEncoder().encodeToString(raw);
        assertThat(UploadSettingsViewModel.normalizePin(hex.toUpperCase())).isEqualTo(hex);
        assertThat(UploadSettingsViewModel.normalizePin(" " + hex + " ")).isEqualTo(hex);
        assertThat(UploadSettingsViewModel.normalizePin(b64)).isEqualTo(hex);
        assertThat(UploadSettingsViewModel.normalizePin("sha256//" + b64)).isEqualTo(hex);
        assertThat(UploadSettingsViewModel.normalizePin(hex.substring(2))).isNull();
        assertThat(UploadSettingsViewModel.normalizePin("g" + hex.substring(1))).isNull();
        assertThat(UploadSettingsViewModel.normalizePin(b64.substring(1))).isNull();
        assertThat(UploadSettingsViewModel.normalizePin("not a pin")).isNull();
    }

    private void assertRefused(String expectedMessagePart) {
        int audits = settingsAuditRows();
        UploadSettings before = ctx.batches().settings();
        vm.save();
        assertThat(vm.messageIsErrorProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).contains(expectedMessagePart);
        assertThat(ctx.batches().settings()).isEqualTo(before);
        assertThat(settingsAuditRows()).isEqualTo(audits);
    }

    @Test
    void httpAddressIsRefusedAndNothingIsSaved() {
        fillValid();
        vm.urlProperty().set("http://upper.example.cn:8080/");
        assertRefused("接收端地址必须以 https:// 开头（上报始终加密并校验证书）：http://upper.example.cn:8080/");
        assertThat(ctx.batches().settings().url()).isNull();
    }

    @Test
    void withoutAnAddressOnlyTheKeyIsSavedForAnOfficeReportingByUsb() {
        fillValid();
        vm.urlProperty().set("  ");
        vm.save();
        assertThat(vm.messageIsErrorProperty().get()).as(vm.messageProperty().get()).isFalse();
        UploadSettings s = ctx.batches().settings();
        assertThat(s.url()).isNull();
        assertThat(s.intakeKeyJson()).isNotNull();
        assertThat(s.configured()).as("nothing to send to").isFalse();

        vm.testConnection();
        assertThat(vm.messageIsErrorProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).isEqualTo("请填写上级工会接收端的地址（https://…）。");
    }

    @Test
    void incompleteAddressIsRefused() {
        fillValid();
        vm.urlProperty().set("https://");
        assertRefused("接收端地址不完整或有误：https://");
        vm.urlProperty().set("https://upper example/");
        assertRefused("接收端地址不完整或有误");
    }

    @Test
    void missingKeyIsRefusedWhenNoneIsRegistered() {
        fillValid();
        vm.keyFileProperty().set("");
        assertRefused("请选择上级工会的公钥文件：没有它无法核对回执。");
    }

    @Test
    void keyFileThatDoesNotExistIsRefused() {
        fillValid();
        Path gone = dir.resolve("没有这个文件.json");
        vm.keyFileProperty().set(gone.toString());
        assertRefused("找不到公钥文件：" + gone);
    }

    @Test
    void fileThatIsNotAnIntakeKeyIsRefused() throws Exception {
        fillValid();
        Path notKey = dir.resolve("别的.json");
        Files.writeString(notKey, "{\"hello\": 1}");
        vm.keyFileProperty().set(notKey.toString());
        assertRefused("不是有效的公钥文件：别的.json（应为上级工会用 intake key 导出的 Ed25519 公钥 .json 文件）");

        // a well-formed key file with an RSA key in it is not an Ed25519 key file either
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        Path rsaKey = dir.resolve("rsa.json");
        Files.writeString(rsaKey, BatchJson.MAPPER.writeValueAsString(new KeyFile(KeyFile.FORMAT, "intake", "intake",
                "Ed25519", Base64.getEncoder().encodeToString(rsa.generateKeyPair().getPublic().getEncoded()), null)));
        vm.keyFileProperty().set(rsaKey.toString());
        assertRefused("不是有效的公钥文件：rsa.json");

        // a key file whose fingerprint does not match its key
        KeyFile good = KeyFile.read(intakeKey);
        Path tampered = dir.resolve("tampered.json");
        Files.writeString(tampered, BatchJson.MAPPER.writeValueAsString(new KeyFile(good.format(), good.orgCode(),
                good.name(), good.algorithm(), good.publicKey(), "0000 0000")));
        vm.keyFileProperty().set(tampered.toString());
        assertRefused("不是有效的公钥文件：tampered.json");
    }

    @Test
    void theOfficesOwnKeyIsNotTakenForTheIntakes() {
        fillValid();
        Path own = dir.resolve("本单位公钥.json");
        ctx.identity().exportPublicKey(own, null);
        vm.keyFileProperty().set(own.toString());
        assertRefused("本单位公钥.json 是本单位自己的公钥，不是上级工会的");
    }

    @Test
    void certificateFileThatIsNotPemIsRefused() throws Exception {
        fillValid();
        Path der = dir.resolve("server.cer");
        Files.write(der, Base64.getMimeDecoder().decode(certText.replaceAll("-----[A-Z ]+-----", "")));
        vm.certFileProperty().set(der.toString());
        assertRefused("不是有效的 PEM 证书文件：server.cer（应以 -----BEGIN CERTIFICATE----- 开头）");

        Path broken = dir.resolve("broken.pem");
        Files.writeString(broken, "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
        vm.certFileProperty().set(broken.toString());
        assertRefused("不是有效的 PEM 证书文件：broken.pem");

        vm.certFileProperty().set(dir.resolve("nope.pem").toString());
        assertRefused("找不到证书文件：");
    }

    @Test
    void badPinIsRefused() {
        fillValid();
        vm.pinProperty().set("12345");
        assertRefused("证书指纹应为 64 位十六进制，或 44 个字符的 base64：12345");
    }

    @Test
    void everyProblemIsListedAtOnce() {
        vm.urlProperty().set("ftp://x/");
        vm.keyFileProperty().set(dir.resolve("x.json").toString());
        vm.pinProperty().set("xyz");
        assertRefused("接收端地址必须以 https:// 开头");
        assertThat(vm.messageProperty().get().split("\n")).hasSize(3);
    }

    @Test
    void clerkCannotSaveAndNothingIsSaved() {
        ctx.session().switchTo("小李", Role.CLERK);
        vm = newVm();
        assertThat(vm.readOnlyProperty().get()).isTrue();
        assertThat(vm.exportDisabledProperty().get()).isFalse();
        fillValid();
        assertRefused("只有管理员可以修改上报设置。");
    }

    @Test
    void auditorCannotExportOrTest() {
        ctx.session().switchTo("审计", Role.AUDITOR);
        vm = newVm();
        assertThat(vm.readOnlyProperty().get()).isTrue();
        assertThat(vm.exportDisabledProperty().get()).isTrue();
    }

    @Test
    void testConnectionChecksTheFormFirstAndSavesNothing() {
        vm.urlProperty().set("http://upper.example.cn/");
        vm.testConnection();
        assertThat(vm.messageIsErrorProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).startsWith("接收端地址必须以 https:// 开头");

        vm.urlProperty().set("https://127.0.0.1:1/");
        vm.testConnection();
        assertThat(vm.messageIsErrorProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).startsWith("无法连接：").endsWith("并确认上级工会的接收端已启动。");
        assertThat(ctx.batches().settings().url()).isNull();
        assertThat(settingsAuditRows()).isZero();
    }

    @Test
    void officeKeyFingerprintIsShownAndExportedForRegistration() {
        assertThat(vm.officeFingerprintProperty().get()).isEqualTo("本单位尚未生成上报密钥（导出时自动生成）");
        Path out = dir.resolve("导出").resolve("本单位公钥.json");
        vm.exportOfficeKey(out);
        String fp = ctx.identity().show().orElseThrow().fingerprint();
        assertThat(vm.messageProperty().get()).isEqualTo("已导出本单位公钥：" + out + "（指纹 " + fp + "）");
        assertThat(KeyFile.read(out).fingerprint()).isEqualTo(fp);
        assertThat(vm.officeFingerprintProperty().get()).isEqualTo("本单位公钥指纹：" + fp);
    }
}
