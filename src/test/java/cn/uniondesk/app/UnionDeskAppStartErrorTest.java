package cn.uniondesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.uniondesk.db.DatabaseInUseException;
import cn.uniondesk.i18n.Messages;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class UnionDeskAppStartErrorTest {
    @Test
    void databaseInUseIsExplainedInChineseWithoutStackTrace() {
        Path dir = Path.of("/data/uniondesk");
        String text = UnionDeskApp.startErrorText(
                new RuntimeException(new DatabaseInUseException(dir, new IllegalStateException("90020"))),
                Messages.chinese());
        assertThat(text).isEqualTo(Messages.chinese().get("db.inUse", dir)).contains("正被另一个程序")
                .doesNotContain("Exception").doesNotContain("90020");
    }

    @Test
    void otherStartErrorsPointToTheLog() {
        String text = UnionDeskApp.startErrorText(new IllegalStateException("boom"), Messages.chinese());
        assertThat(text).contains("日志").doesNotContain("boom");
    }
}
