package cn.uniondesk.service.report;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.domain.IdNumber;
import cn.uniondesk.domain.MemberDraft;
import cn.uniondesk.domain.MemberEventType;
import cn.uniondesk.domain.UnionInfo;
import cn.uniondesk.service.LifecycleRequest;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A small union with a known history (clock 2026-11-23), so every figure of the reports is known:
 *
 * <pre>
 *  m1 一车间 woman, 农民工, joined 2015                  — member throughout
 *  m2 一车间 man, joined 2015, 转出 2026-11-05
 *  m3 二车间 woman born 2000, 入会 2026-11-10
 *  m4 二车间 man born 1960, 农民工, 转入 2026-11-15
 *  m5 二车间 man, joined 2010, 退会 2026-11-20
 *  m6 一车间 man, joined 2010, 去世 2026-10-15
 *  m7 一车间 man, joined 2010, 退休保留会籍 2026-11-02
 *  m8 一车间 man, joined 2015, 退会 2026-09-01, 入会 again 2026-11-03
 * </pre>
 * November: start 4 (m1 m2 m5 m7), joined 2 (m3 m8), in 1, out 1, left 1, deceased 0, end 5;
 * women 2, 农民工 2, retired 1; age bands at 30 Nov: 26-35 one (m3), 36-45 three, 56+ one (m4).
 * 一车间 3 → 3, 二车间 1 → 2. October: start 5, deceased 1, end 4.
 */
final class ReportFixture {
    static final YearMonth NOV = YearMonth.of(2026, 11);
    static final YearMonth OCT = YearMonth.of(2026, 10);
    static final String UNION = "华东示范机械厂工会";

    long m1;
    long m2;
    long m3;
    long m4;
    long m5;
    long m6;
    long m7;
    long m8;

    static String id(String birth, int seq) {
        String body = "320505" + birth + String.format("%03d", seq);
        return body + IdNumber.checkChar(body);
    }

    static MemberDraft draft(String name, String id, long dept, boolean migrant, LocalDate joined, String card,
            String wage) {
        return new MemberDraft(name, null, null, id, null, null, null, null, dept, null, null, migrant, null, joined,
                card, wage, false, null, null);
    }

    ReportFixture load(AppContext ctx) {
        ctx.union().save(new UnionInfo(UNION, "91320500MA1X2Y3Z4W", "苏州市总工会", "320505"));
        long a = ctx.members().departmentNamed("一车间").id();
        long b = ctx.members().departmentNamed("二车间").id();
        var ms = ctx.members();
        m1 = ms.register(draft("林晓梅", id("19850101", 12), a, true, LocalDate.of(2015, 1, 1), "C1", "5000"), null)
                .memberId();
        m2 = ms.register(draft("王建国", id("19850101", 11), a, false, LocalDate.of(2015, 1, 1), "C2", "6000"), null)
                .memberId();
        m3 = ms.register(draft("赵小雨", id("20000505", 22), b, false, LocalDate.of(2026, 11, 10), "C3", "4000"), null)
                .memberId();
        m4 = ms.register(draft("钱德胜", id("19600101", 31), b, true, LocalDate.of(1990, 1, 1), "C4", "3000"),
                new LifecycleRequest(MemberEventType.TRANSFER_IN, LocalDate.of(2026, 11, 15), null, "转字001号",
                        "吴中区某厂工会")).memberId();
        m5 = ms.register(draft("孙立新", id("19850101", 41), b, false, LocalDate.of(2010, 1, 1), "C5", "5000"), null)
                .memberId();
        m6 = ms.register(draft("周永福", id("19850101", 51), a, false, LocalDate.of(2010, 1, 1), "C6", "5000"), null)
                .memberId();
        m7 = ms.register(draft("吴国强", id("19850101", 61), a, false, LocalDate.of(2010, 1, 1), "C7", "5000"), null)
                .memberId();
        m8 = ms.register(draft("郑海涛", id("19850101", 71), a, false, LocalDate.of(2015, 1, 1), "C8", "5000"), null)
                .memberId();
        ms.applyLifecycle(m2, new LifecycleRequest(MemberEventType.TRANSFER_OUT, LocalDate.of(2026, 11, 5), "调动",
                "转字002号", "相城区某厂工会"));
        ms.applyLifecycle(m5, new LifecycleRequest(MemberEventType.LEAVE, LocalDate.of(2026, 11, 20), "本人申请", null,
                null));
        ms.applyLifecycle(m6, new LifecycleRequest(MemberEventType.DECEASE, LocalDate.of(2026, 10, 15), "病故", null,
                null));
        ms.applyLifecycle(m7, new LifecycleRequest(MemberEventType.RETIRE, LocalDate.of(2026, 11, 2), "到龄退休", null,
                null));
        ms.applyLifecycle(m8, new LifecycleRequest(MemberEventType.LEAVE, LocalDate.of(2026, 9, 1), "离职", null, null));
        ms.applyLifecycle(m8, new LifecycleRequest(MemberEventType.JOIN, LocalDate.of(2026, 11, 3), null, null, null));
        return this;
    }

    /** November dues rolled; m1 pays 25.00 in November; the fund of October and November recorded. */
    ReportFixture withDues(AppContext ctx) {
        ctx.dues().applyRoll(NOV);
        ctx.dues().recordPayment(m1, 2500, cn.uniondesk.service.DuesService.Method.CASH, LocalDate.of(2026, 11, 20),
                null, null, false);
        ctx.dues().recordFund(OCT, 98_000_000L, 1_960_000L, 784_000L, 4000);
        ctx.dues().recordFund(NOV, 100_000_000L, 2_000_000L, 0, 4000);
        return this;
    }
}
