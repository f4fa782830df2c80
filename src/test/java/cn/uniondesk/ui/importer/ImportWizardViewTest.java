package cn.uniondesk.ui.importer;

import static org.assertj.core.api.Assertions.assertThat;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.ImportFixtures;
import cn.uniondesk.ui.common.SameThreadExecutor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The code-built wizard pane builds, binds and renders headless, and follows its ViewModel. */
class ImportWizardViewTest {
    @TempDir
    Path dir;

    @Test
    void buildsAndShowsTheCheckSummaryAfterAFileIsChosen() throws Exception {
        try {
            Platform.startup(() -> { });
        } catch (IllegalStateException alreadyRunning) {
            // started by another test
        }
        try (AppContext ctx = ImportFixtures.open(dir.resolve("data"))) {
            List<List<Object>> rows = new ArrayList<>();
            rows.add(new ArrayList<>(ImportFixtures.HEAD));
            rows.add(ImportFixtures.row("张三", "男", ImportFixtures.id(1), "总装车间", "2024-03-05", null, null));
            Path f = ImportFixtures.xlsx(dir, "in.xlsx", rows);
            CompletableFuture<String> done = new CompletableFuture<>();
            Platform.runLater(() -> {
                try {
                    ImportWizardView view = new ImportWizardView(ctx.memberImport(), Messages.chinese(),
                            new SameThreadExecutor());
                    Scene scene = new Scene(view);
                    view.viewModel().chooseFile(f);
                    WritableImage img = scene.snapshot(null);
                    Button commit = (Button) view.lookupAll(".button").stream()
                            .filter(n -> Messages.chinese().get("import.wizard.commit").equals(((Button) n).getText()))
                            .findFirst().orElseThrow();
                    done.complete(view.viewModel().summaryProperty().get() + "|" + commit.isDisabled() + "|"
                            + (img.getWidth() > 0));
                } catch (Throwable t) {
                    done.completeExceptionally(t);
                }
            });
            String r = done.get(30, TimeUnit.SECONDS);
            assertThat(r).startsWith("共 1 行").endsWith("|false|true");
        }
    }
}
