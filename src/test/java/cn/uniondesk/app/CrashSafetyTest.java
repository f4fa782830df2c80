package cn.uniondesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.uniondesk.domain.MemberEvent;
import cn.uniondesk.domain.MemberEventType;
import cn.uniondesk.domain.MemberRow;
import cn.uniondesk.domain.MemberStatus;
import cn.uniondesk.service.MemberQuery;
import cn.uniondesk.testing.CrashWriter;
import cn.uniondesk.testing.TestApp;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM that writes through the real services with SIGKILL at random moments, then
 * reopens the database and checks that it opens, that every acknowledged write is there, that
 * no write is half applied, and that the audit chain verifies. {@code -Dcrash.kills=1000} for the
 * soak run (docs/security.md).
 */
class CrashSafetyTest {
    @TempDir
    Path dir;
    private static final String PW = "crash-test-password";

    @Test
    void killedWriterNeverLosesAcknowledgedWorkNorLeavesHalfAWrite() throws Exception {
        int kills = Integer.getInteger("crash.kills", 25);
        AppContext.initialize(dir, "admin", PW.toCharArray(), false, TestApp.CLOCK, 1000).close();
        Random random = new Random(42);
        Set<String> acked = new HashSet<>();
        Set<String> leftAcked = new HashSet<>();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int k = 0; k < kills; k++) {
            Process child = new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                    CrashWriter.class.getName(), dir.toString(), "admin", PW)).redirectErrorStream(true).start();
            List<String> lines = new CopyOnWriteArrayList<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        lines.add(line);
                    }
                } catch (java.io.IOException ignored) {
                    // the stream ends when the child is killed
                }
            });
            reader.start();
            long deadline = System.currentTimeMillis() + 30_000;
            // wait until the writer is writing, then kill it at a random moment
            while (lines.stream().noneMatch(l -> l.startsWith("ack ")) && System.currentTimeMillis() < deadline
                    && child.isAlive()) {
                Thread.sleep(5);
            }
            assertThat(lines).as("child is writing: %s", lines).anyMatch(l -> l.startsWith("ack "));
            Thread.sleep(random.nextInt(300));
            child.destroyForcibly(); // SIGKILL on Linux and macOS
            assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
            reader.join(5_000);
            for (String l : lines) {
                if (l.startsWith("ack ")) {
                    acked.add(l.substring(4));
                } else if (l.startsWith("left ")) {
                    leftAcked.add(l.substring(5));
                }
            }
            checkInvariants(acked, leftAcked, k);
        }
        assertThat(acked).as("the writer got work done between kills").hasSizeGreaterThan(kills);
    }

    private void checkInvariants(Set<String> acked, Set<String> leftAcked, int round) {
        try (AppContext ctx = AppContext.unlock(dir, "admin", PW.toCharArray(), TestApp.CLOCK)) {
            List<MemberRow> rows = ctx.members().search(MemberQuery.all());
            Map<String, MemberRow> byCard = new HashMap<>();
            rows.forEach(r -> byCard.put(r.cardNo(), r));
            for (String card : acked) {
                assertThat(byCard).as("round %d: acknowledged member %s is stored", round, card).containsKey(card);
            }
            for (String card : leftAcked) {
                assertThat(byCard.get(card).status()).as("round %d: acknowledged 退会 of %s", round, card)
                        .isEqualTo(MemberStatus.LEFT);
            }
            int joinAudits = 0;
            for (MemberRow r : rows) {
                List<MemberEvent> h = ctx.members().history(r.id());
                assertThat(h).as("round %d: member %s has its JOIN event", round, r.cardNo()).isNotEmpty();
                assertThat(h.get(0).type()).isEqualTo(MemberEventType.JOIN);
                MemberStatus expected = h.get(h.size() - 1).statusAfter();
                assertThat(r.status()).as("round %d: status matches last event of %s", round, r.cardNo())
                        .isEqualTo(expected);
            }
            joinAudits = ctx.audit().find(null, "member", null, Integer.MAX_VALUE).stream()
                    .filter(e -> e.action().equals("MEMBER_JOIN")).toList().size();
            assertThat(joinAudits).as("round %d: one audit row per registration", round).isEqualTo(rows.size());
            assertThat(ctx.audit().verify().intact()).as("round %d: audit chain", round).isTrue();
        }
    }
}
