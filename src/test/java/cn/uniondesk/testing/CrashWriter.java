package cn.uniondesk.testing;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.domain.MemberDraft;
import cn.uniondesk.domain.MemberEventType;
import cn.uniondesk.service.LifecycleRequest;
import cn.uniondesk.service.ValidationException;
import cn.uniondesk.service.sample.SampleGenerator;
import cn.uniondesk.service.sample.SamplePerson;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Run in a child JVM by the crash test: unlocks the data folder and writes through the real
 * services as fast as it can — registrations (member + event + audit row in one transaction)
 * and lifecycle steps — printing "ack CARD" after each commit returns. The parent kills it with
 * SIGKILL at a random moment.
 */
public final class CrashWriter {
    private CrashWriter() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        try (AppContext ctx = AppContext.unlock(dir, args[1], args[2].toCharArray(), TestApp.CLOCK)) {
            System.out.println("ready");
            System.out.flush();
            SampleGenerator gen = new SampleGenerator(System.nanoTime(), false);
            long last = -1;
            for (int i = 0; i < 1_000_000; i++) {
                SamplePerson p = gen.next();
                MemberDraft d = new MemberDraft(p.name(), p.gender(), p.ethnicity(), p.idNumber(), null, p.mobile(),
                        p.education(), p.politicalStatus(), null, p.job(), p.employmentType(), p.migrantWorker(),
                        p.householdType(), p.joinDate(), "K" + System.nanoTime(), p.monthlyWageYuan(), false, null,
                        null);
                try {
                    last = ctx.members().register(d, null).memberId();
                    System.out.println("ack " + d.cardNo());
                } catch (ValidationException duplicate) {
                    continue;
                }
                if (i % 5 == 4) {
                    ctx.members().applyLifecycle(last, new LifecycleRequest(MemberEventType.LEAVE,
                            LocalDate.of(2026, 11, 1), "离职", null, null));
                    System.out.println("left " + d.cardNo());
                }
                System.out.flush();
            }
        }
    }
}
