package cn.uniondesk.service;

import cn.uniondesk.domain.Member;
import cn.uniondesk.domain.MemberRow;
import cn.uniondesk.domain.MemberStatus;
import cn.uniondesk.domain.Money;
import cn.uniondesk.domain.Role;
import cn.uniondesk.domain.cases.CaseCap;
import cn.uniondesk.domain.cases.CaseType;
import cn.uniondesk.domain.cases.HardshipDraft;
import cn.uniondesk.domain.cases.HardshipEnums;
import cn.uniondesk.domain.cases.HouseholdMember;
import cn.uniondesk.domain.IdNumber;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo union's aid and cases: the 低保 line, two caps, hardship files for members flagged in
 * hardship, and cases of every type in several states — some waiting for the administrator's
 * approval, some paid, one refused. Cases are registered by a second account, the clerk
 * {@value #DEMO_CLERK}, so that the demo administrator may approve them (separation of duties).
 */
public final class DemoCasesService {
    private static final Logger LOG = LoggerFactory.getLogger(DemoCasesService.class);
    /** The demo clerk's account; created with the demo password when the data folder has accounts. */
    public static final String DEMO_CLERK = "xiaoli";
    public static final String DEMO_CLERK_NAME = "李干事";
    public static final String DEMO_CITY = "苏州市";

    private final CaseService cases;
    private final HardshipService hardship;
    private final MemberService members;
    private final AccountService accounts;
    private final Session session;
    private final Clock clock;
    private final char[] clerkPassword;

    /** @param clerkPassword the demo clerk's password, or null where there are no accounts (tests) */
    public DemoCasesService(CaseService cases, HardshipService hardship, MemberService members,
            AccountService accounts, Session session, Clock clock, char[] clerkPassword) {
        this.cases = cases;
        this.hardship = hardship;
        this.members = members;
        this.accounts = accounts;
        this.session = session;
        this.clock = clock;
        this.clerkPassword = clerkPassword == null ? null : clerkPassword.clone();
    }

    private static Map<String, String> f(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    /** Loads the demo cases; returns how many cases were registered. */
    public int load() {
        String admin = session.operator();
        Role adminRole = session.role();
        if (clerkPassword != null) {
            accounts.create(DEMO_CLERK, DEMO_CLERK_NAME, Role.CLERK, clerkPassword);
        }
        LocalDate today = LocalDate.now(clock);
        int year = today.getYear();
        hardship.setLowIncomeLine(DEMO_CITY, year, Money.ofFen(1095_00));
        hardship.setLowIncomeLine(DEMO_CITY, year - 1, Money.ofFen(1065_00));
        cases.setCap(new CaseCap(CaseType.LIVING_AID, Money.ofFen(5000_00), CaseCap.Mode.WARN));
        cases.setCap(new CaseCap(CaseType.MEDICAL_AID, Money.ofFen(20000_00), CaseCap.Mode.BLOCK));

        List<Member> flagged = new ArrayList<>();
        List<Member> active = new ArrayList<>();
        List<MemberRow> rows = members.search(new MemberQuery("", null, java.util.EnumSet.of(MemberStatus.ACTIVE),
                null, null));
        for (MemberRow r : rows) {
            Member m = members.get(r.id());
            (m.hardship() ? flagged : active).add(m);
        }
        if (flagged.size() < 4 || active.size() < 8) {
            LOG.warn("Demo cases skipped: too few members ({} in hardship, {} others)", flagged.size(), active.size());
            return 0;
        }
        int n = 0;
        session.switchTo(DEMO_CLERK, Role.CLERK);
        try {
            // hardship files for four members in hardship
            for (int i = 0; i < 4; i++) {
                hardship.create(file(flagged.get(i), i, today));
            }
            String spring = (today.getMonthValue() >= 10 ? year + 1 : year) + "年春节";
            // waiting for the administrator: living aid and medical aid, reviewed
            long living = reviewed(CaseType.LIVING_AID, flagged.get(0), f("summary", "爱人患病失业，家庭收入低于低保标准"),
                    "2000");
            long medical = reviewed(CaseType.MEDICAL_AID, flagged.get(1), f("summary", "子女白血病住院化疗",
                    "hospital", "苏州大学附属儿童医院", "diagnosis", "急性淋巴细胞白血病"), "8000",
                    "medicalCost", "126000", "reimbursed", "88000");
            cases.addAttachment(medical, "诊断证明.txt",
                    "苏州大学附属儿童医院 诊断证明书（演示）\n诊断：急性淋巴细胞白血病\n".getBytes(StandardCharsets.UTF_8));
            n += 2;
            // paid: education aid (closed), two festival visits, a bereavement condolence
            long school = reviewed(CaseType.EDUCATION_AID, flagged.get(2), f("summary", "金秋助学：女儿考入大学",
                    "studentName", "陆小雨", "school", "南京师范大学", "tuition", "5200"), "3000");
            long visitA = reviewed(CaseType.FESTIVAL_VISIT, flagged.get(0), f("summary", "春节送温暖",
                    "programmePeriod", spring, "gifts", "米、油、慰问金"), "800");
            long visitB = reviewed(CaseType.FESTIVAL_VISIT, flagged.get(3), f("summary", "春节送温暖",
                    "programmePeriod", spring, "gifts", "米、油、慰问金"), "800");
            long condolence = reviewed(CaseType.CONDOLENCE, active.get(0), f("summary", "父亲病故", "subkind",
                    "BEREAVEMENT", "eventDate", today.minusDays(5).toString()), "1000");
            n += 4;
            // refused
            long refused = reviewed(CaseType.LIVING_AID, active.get(1), f("summary", "房贷压力大，申请生活救助"), "3000");
            n++;
            // a condolence just registered, a legal aid case, a dispute in mediation, a complaint
            cases.register(CaseType.CONDOLENCE, active.get(2).id(), f("summary", "生育慰问", "subkind", "CHILDBIRTH",
                    "eventDate", today.minusDays(2).toString()), null);
            long legal = cases.register(CaseType.LEGAL_AID, active.get(3).id(), f("summary", "工伤认定后单位拒付待遇",
                    "opposingParty", "某劳务派遣公司", "claim", "支付一次性伤残补助金"), "职工来访").aidCase().id();
            long dispute = cases.register(CaseType.LABOUR_DISPUTE, active.get(4).id(), f("summary", "拖欠加班费三个月",
                    "opposingParty", "某外包公司", "claim", "支付加班费", "claimAmount", "4860"), "职工来访").aidCase().id();
            cases.transition(dispute, "mediate", "约双方下周调解", Map.of());
            cases.register(CaseType.COMPLAINT, active.get(5).id(), f("summary", "夜班食堂供餐时间太短", "channel",
                    "职工代表提案"), null);
            n += 4;

            session.switchTo(admin, adminRole);
            cases.transition(school, "approve", "同意资助", f("approvedAmount", "3000"));
            cases.transition(visitA, "approve", "同意", f("approvedAmount", "800"));
            cases.transition(visitB, "approve", "同意", f("approvedAmount", "800"));
            cases.transition(condolence, "approve", "按标准慰问", f("approvedAmount", "1000"));
            cases.transition(refused, "reject", "家庭人均收入高于低保标准1.5倍，且无因病、因学、因灾原因", Map.of());
            cases.transition(legal, "approve", "同意提供法律援助", Map.of());
            String paidOn = today.toString();
            cases.transition(school, "pay", null, f("paidAmount", "3000", "paymentMethod", "BANK_TRANSFER",
                    "paidOn", paidOn));
            cases.transition(visitA, "pay", null, f("paidAmount", "800", "paymentMethod", "CASH", "paidOn", paidOn));
            cases.transition(visitB, "pay", null, f("paidAmount", "800", "paymentMethod", "CASH", "paidOn", paidOn));
            cases.transition(condolence, "pay", null, f("paidAmount", "1000", "paymentMethod", "CASH",
                    "paidOn", paidOn));

            session.switchTo(DEMO_CLERK, Role.CLERK);
            cases.transition(school, "close", "材料归档", Map.of());
            cases.update(legal, f("lawyer", "江苏某律师事务所 王律师"), null);
            cases.transition(legal, "assign", null, Map.of());
            LOG.info("Demo cases loaded: {} (living aid {} waiting for approval)", n, living);
        } finally {
            session.switchTo(admin, adminRole);
        }
        return n;
    }

    private long reviewed(CaseType type, Member m, Map<String, String> fields, String requested, String... review) {
        long id = cases.register(type, m.id(), fields, "职工申请").aidCase().id();
        cases.transition(id, "verify", "入户走访", f("verification", "已入户走访，情况属实"));
        Map<String, String> r = f(review);
        r.put("requestedAmount", requested);
        cases.transition(id, "review", "材料齐全", r);
        return id;
    }

    private static HardshipDraft file(Member m, int i, LocalDate today) {
        String child = "320505" + (today.getYear() - 12 - i) + "0315" + "02" + (2 + 2 * i);
        child = child + IdNumber.checkChar(child);
        String spouse = "320506" + (today.getYear() - 45 - i) + "0601" + "04" + (1 + 2 * i);
        spouse = spouse + IdNumber.checkChar(spouse);
        HardshipEnums.Cause cause = i == 1 ? HardshipEnums.Cause.ILLNESS
                : i == 2 ? HardshipEnums.Cause.SCHOOLING : HardshipEnums.Cause.LOW_INCOME;
        return new HardshipDraft(m.id(), i == 1 ? HardshipEnums.Category.DEEP : HardshipEnums.Category.GENERAL,
                i == 0 ? HardshipEnums.Health.HEALTHY : HardshipEnums.Health.CHRONIC_ILLNESS, null,
                HardshipEnums.WorkStatus.EMPLOYED, i == 3 ? HardshipEnums.Housing.OWN : HardshipEnums.Housing.RENTED,
                DEMO_CITY, Money.ofFen(2600_00 + 200_00L * i), cause,
                i == 1 ? List.of(HardshipEnums.Cause.SCHOOLING) : List.of(), "中国农业银行苏州分行",
                "62284800" + String.format("%011d", 12345 + i), m.name(), "车间工会小组长",
                today.minusMonths(11 - i), null, List.of(
                        new HouseholdMember("家属" + (i + 1), "配偶", spouse,
                                i == 1 ? HardshipEnums.Health.SERIOUS_ILLNESS : HardshipEnums.Health.HEALTHY,
                                Money.ofFen(i == 0 ? 0 : 800_00), i == 0 ? "失业" : "零工"),
                        new HouseholdMember("子女" + (i + 1), "子女", child, HardshipEnums.Health.HEALTHY, Money.ZERO,
                                "学生")));
    }
}
