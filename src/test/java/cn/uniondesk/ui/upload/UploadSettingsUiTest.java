package cn.uniondesk.ui.upload;

import static org.assertj.core.api.Assertions.assertThat;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.domain.BatchState;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.BatchService;
import cn.uniondesk.service.UploadSettings;
import cn.uniondesk.sync.OfficeFixture;
import cn.uniondesk.sync.TestIntake;
import cn.uniondesk.sync.Tls;
import cn.uniondesk.ui.common.Fonts;
import cn.uniondesk.ui.common.FxBackgroundExecutor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * 上报 → 上报设置 against a real HTTPS intake on 127.0.0.1 (certificate made in the test): the form is
 * typed in, 测试连接 tells a certificate problem, a pin mismatch and then a working connection apart,
 * 保存 stores the settings, and the batch then goes up with exactly those settings (立即发送 →
 * 已送达 with a receipt). Writes docs/screenshots/upload-settings.png.
 */
@ExtendWith(ApplicationExtension.class)
class UploadSettingsUiTest {
    @TempDir
    static Path dir;
    static AppContext ctx;
    static TestIntake intake;
    static Path keyFile;
    static Path certFile;
    FxBackgroundExecutor executor = new FxBackgroundExecutor(2);

    /** The slow part (demo office, certificate) before the FX stage, whose set-up has a time limit. */
    @BeforeAll
    static void office() throws Exception {
        ctx = OfficeFixture.open(dir.resolve("office"));
        intake = new TestIntake(dir).start();
        intake.register(ctx, dir);
        keyFile = dir.resolve("intake-key.json");
        intake.intake.publicKey().write(keyFile);
        certFile = dir.resolve("intake.pem");
        Files.writeString(certFile, Tls.toPem(intake.cert), StandardCharsets.US_ASCII);
        BatchService.Exported e = ctx.batches().export(OfficeFixture.MONTH, false, null);
        ctx.batches().queue(e.batch().batchId());
    }

    @Start
    void start(Stage stage) {
        Messages m = Messages.chinese();
        UploadViewModel vm = new UploadViewModel(ctx.batches(), ctx.outbox(), ctx.identity(), executor, m,
                OfficeFixture.MONTH);
        UploadSettingsViewModel settings = new UploadSettingsViewModel(ctx.batches(), ctx.outbox(), ctx.identity(),
                ctx.union(), ctx.session(), executor, m);
        Scene scene = new Scene(new UploadView(vm, settings), 1100, 640);
        scene.getRoot().setStyle(Fonts.rootStyle());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() throws TimeoutException {
        FxToolkit.cleanupStages();
        executor.close();
    }

    @AfterAll
    static void closeOffice() {
        intake.close();
        ctx.close();
    }

    private static void type(FxRobot robot, String id, String text) {
        TextField field = robot.lookup(id).queryAs(TextField.class);
        robot.interact(field::clear);
        robot.clickOn(id);
        robot.write(text);
    }

    private static String waitForMessage(FxRobot robot, String startsWith) throws TimeoutException {
        Label message = robot.lookup("#usMessage").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> message.getText().startsWith(startsWith));
        WaitForAsyncUtils.waitForFxEvents();
        return message.getText();
    }

    private static void shot(FxRobot robot, String name) throws Exception {
        javafx.scene.image.WritableImage image = WaitForAsyncUtils.asyncFx(
                () -> robot.lookup("#uploadSettingsDialog").query().getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        Path out = Path.of("docs", "screenshots", name);
        Files.createDirectories(out.getParent());
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image, null), "png", out.toFile());
    }

    @Test
    @SuppressWarnings("unchecked")
    void formIsFilledTestedSavedAndTheUploaderUsesIt(FxRobot robot) throws Exception {
        assertThat(ctx.batches().settings().configured()).isFalse();
        robot.clickOn("#uploadSettings");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#usUrl").tryQuery().isPresent());
        Label office = robot.lookup("#usOfficeFingerprint").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !office.getText().isEmpty());
        assertThat(office.getText()).isEqualTo("本单位公钥指纹：" + ctx.identity().show().orElseThrow().fingerprint());
        assertThat(robot.lookup("#usRegisteredKey").queryAs(Label.class).getText())
                .isEqualTo("尚未登记上级工会的公钥（无法核对回执）");

        String url = "https://127.0.0.1:" + intake.port() + "/";
        type(robot, "#usUrl", url);
        type(robot, "#usKeyFile", keyFile.toString());

        // no certificate given: the self-signed server is not trusted
        robot.clickOn("#usTest");
        assertThat(waitForMessage(robot, "证书问题")).startsWith("证书问题：服务器的证书不受信任。");

        // the certificate, but a wrong pin
        String realPin = Tls.spkiSha256(intake.cert);
        String wrongPin = "0".repeat(64);
        type(robot, "#usCertFile", certFile.toString());
        type(robot, "#usPin", wrongPin);
        robot.clickOn("#usTest");
        assertThat(waitForMessage(robot, "证书指纹不符")).isEqualTo("证书指纹不符：服务器证书的指纹是 " + realPin
                + "，与填写的不同。请向上级工会核实，不要随意修改。");
        shot(robot, "upload-settings-pin.png");

        // the right pin, typed as base64 the way curl shows it
        type(robot, "#usPin", "sha256//" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(realPin)));
        robot.clickOn("#usTest");
        assertThat(waitForMessage(robot, "连接正常")).isEqualTo("连接正常：上级工会的接收端已应答（" + url + "），证书校验通过。");
        assertThat(ctx.batches().settings().configured()).as("testing saves nothing").isFalse();

        robot.clickOn("#usSave");
        waitForMessage(robot, "上报设置已保存");
        Label registered = robot.lookup("#usRegisteredKey").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> registered.getText().startsWith("已登记"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(registered.getText()).isEqualTo("已登记，指纹 " + intake.intake.publicKey().fingerprint());
        assertThat(robot.lookup("#usPin").queryAs(TextField.class).getText()).isEqualTo(realPin);

        // with the file fields empty, the test uses what is saved
        robot.clickOn("#usTest");
        waitForMessage(robot, "连接正常");
        shot(robot, "upload-settings.png");

        UploadSettings saved = ctx.batches().settings();
        assertThat(saved.url()).isEqualTo(url);
        assertThat(saved.pinSha256()).isEqualTo(realPin);
        assertThat(saved.trustedCertPem()).isEqualTo(Tls.toPem(intake.cert));
        assertThat(ctx.audit().find(null, "setting", "sync", 10)).hasSize(1);

        robot.clickOn("#usClose");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#usUrl").tryQuery().isEmpty());

        // the outbox sends with what was saved: the queued batch is delivered and the receipt shown
        TableView<UploadViewModel.Row> table = robot.lookup("#uploadTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        robot.clickOn("#uploadSend");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> table.getItems().size() == 1 && table.getItems().get(0).state() == BatchState.DELIVERED);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems().get(0).result()).isEqualTo("回执号 R2026-000001");
    }
}
