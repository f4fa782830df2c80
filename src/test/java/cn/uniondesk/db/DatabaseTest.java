package cn.uniondesk.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.testing.HoldDatabase;
import cn.uniondesk.testing.TestApp;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path dir;

    @Test
    void firstOpenCreatesSchemaAndReopenKeepsData() {
        assertThat(Database.exists(dir)).isFalse();
        try (AppContext ctx = TestApp.open(dir)) {
            assertThat(ctx.members().count()).isZero();
            ctx.demo().loadDemo();
        }
        assertThat(Database.exists(dir)).isTrue();
        try (AppContext ctx = TestApp.open(dir)) {
            assertThat(ctx.members().count()).isEqualTo(300);
        }
    }

    @Test
    void urlTurnsOffWriteDelaySoCommitsAreDurable() {
        assertThat(Database.url(dir)).contains("WRITE_DELAY=0");
    }

    @Test
    void bulkTablesDrawIdsFromALargeSequenceCache() {
        Database db = Database.open(dir.resolve("ids"));
        try {
            var caches = db.dsl().fetch("SELECT TABLE_NAME, IDENTITY_CACHE FROM INFORMATION_SCHEMA.COLUMNS "
                    + "WHERE COLUMN_NAME = 'ID' AND TABLE_NAME IN ('MEMBER', 'MEMBER_EVENT', 'MEMBER_WAGE', "
                    + "'DUES_CHARGE', 'DUES_PAYMENT', 'DUES_RECEIPT')");
            assertThat(caches).hasSize(6);
            // H2's default of 32 made every 32nd inserted row store the whole database (V10)
            caches.forEach(r -> assertThat(r.get(1, Long.class)).as(r.get(0, String.class)).isGreaterThanOrEqualTo(10_000L));
        } finally {
            db.close();
        }
    }

    @Test
    void failedTransactionWritesNothing() {
        try (AppContext ctx = TestApp.open(dir)) {
            Database db = Database.open(dir.resolve("second"));
            try {
                DepartmentRepository depts = new DepartmentRepository(db);
                assertThatThrownBy(() -> db.inTransaction(() -> {
                    depts.insert("甲车间");
                    depts.insert("乙车间");
                    throw new IllegalStateException("power cut");
                })).hasMessageContaining("power cut");
                assertThat(depts.findAll()).isEmpty();
            } finally {
                db.close();
            }
        }
    }

    @Test
    void secondProcessOnSameFolderIsToldDatabaseIsInUse() throws Exception {
        try (AppContext ctx = TestApp.open(dir)) {
            // create the file, then release it for the other process
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                HoldDatabase.class.getName(), dir.toString())).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                    StandardCharsets.UTF_8));
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.startsWith("ready"));
            assertThat(line).as("holder process started").startsWith("ready");

            assertThatThrownBy(() -> Database.open(dir)).isInstanceOf(DatabaseInUseException.class);
        } finally {
            holder.getOutputStream().close();
            holder.waitFor(20, TimeUnit.SECONDS);
            holder.destroy();
        }
        // once the other process is gone, the folder opens again
        try (AppContext ctx = TestApp.open(dir)) {
            assertThat(ctx.members().count()).isZero();
        }
    }
}
