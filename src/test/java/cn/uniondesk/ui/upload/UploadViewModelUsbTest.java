package cn.uniondesk.ui.upload;

import static org.assertj.core.api.Assertions.assertThat;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.domain.BatchState;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.sync.OfficeFixture;
import cn.uniondesk.sync.TestIntake;
import cn.uniondesk.ui.common.SameThreadExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 上报 by USB stick from the window: 复制到U盘 writes the package, 导入回执 marks it delivered. */
class UploadViewModelUsbTest {
    @TempDir
    Path dir;
    AppContext ctx;
    TestIntake intake;
    UploadViewModel vm;

    @BeforeEach
    void open() {
        ctx = OfficeFixture.open(dir.resolve("office"));
        intake = new TestIntake(dir);
        intake.register(ctx, dir);
        ctx.batches().saveSettings(intake.settings(1, 1 << 22));
        vm = new UploadViewModel(ctx.batches(), ctx.outbox(), ctx.identity(), new SameThreadExecutor(),
                Messages.chinese(), OfficeFixture.MONTH);
        vm.refresh();
    }

    @AfterEach
    void close() {
        intake.close();
        ctx.close();
    }

    @Test
    void packageIsCopiedToTheStickAndTheReceiptBroughtBackMarksItDelivered() throws Exception {
        vm.exportMonth();
        assertThat(vm.rows()).hasSize(1);
        UploadViewModel.Row row = vm.rows().get(0);
        vm.selectedProperty().set(row);
        Path usb = dir.resolve("U盘");
        Files.createDirectories(usb);

        vm.copySelected(usb);

        Path copy = usb.resolve(row.file());
        assertThat(vm.statusProperty().get()).isEqualTo("已复制到 " + copy);
        assertThat(Files.readAllBytes(copy))
                .isEqualTo(Files.readAllBytes(ctx.batches().fileOf(ctx.batches().find(row.file()).orElseThrow())));
        assertThat(ctx.audit().find(null, "sync_batch", row.batchId(), 20))
                .anyMatch(a -> a.action().equals("BATCH_COPY"));

        // at the upper level: the package is imported and the receipt written beside it
        Path receipt = intake.intake.importFile(copy, usb).receiptFile();
        assertThat(receipt).exists();

        // a receipt file that was changed on the way is refused, and nothing changes
        Path bad = dir.resolve("改过的.receipt.json");
        Files.writeString(bad, Files.readString(receipt).replace("R2026-000001", "R2026-000009"));
        vm.importReceipt(bad);
        assertThat(vm.statusProperty().get()).isEqualTo("回执签名或批次哈希不符，未采用：改过的.receipt.json");
        assertThat(vm.rows().get(0).state()).isEqualTo(BatchState.QUEUED);

        vm.importReceipt(receipt);
        assertThat(vm.statusProperty().get()).isEqualTo(row.file() + " 已送达，回执号 R2026-000001");
        assertThat(vm.rows().get(0).state()).isEqualTo(BatchState.DELIVERED);
        assertThat(vm.rows().get(0).result()).isEqualTo("回执号 R2026-000001");
    }

    @Test
    void nothingIsCopiedWithoutAnExportedBatch() {
        vm.copySelected(dir);
        assertThat(vm.statusProperty().get()).isEmpty();
        assertThat(dir.toFile().list()).doesNotContain("81320505MC0000001D-2026-11-0001.zip");
    }
}
