package cn.uniondesk.service.cases;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.domain.IdNumber;
import cn.uniondesk.domain.MemberDraft;
import cn.uniondesk.domain.Role;
import cn.uniondesk.domain.cases.CaseType;
import cn.uniondesk.service.CaseService;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** Members, accounts (by switching the session) and cases for the case tests. */
final class CaseFixture {
    static final String CLERK = "小李";
    static final String CHAIR = "王主席";
    static final String CLERK2 = "小赵";

    private CaseFixture() {
    }

    static String id(String seq) {
        String body = "320505" + "19850101" + seq;
        return body + IdNumber.checkChar(body);
    }

    static long member(AppContext ctx, String name, String seq) {
        String op = ctx.session().operator();
        Role role = ctx.session().role();
        ctx.session().switchTo("setup", Role.ADMIN);
        try {
            return ctx.members().register(new MemberDraft(name, null, null, id(seq), null, null, null, null, null,
                    null, null, false, null, LocalDate.of(2015, 3, 1), null, "5000", false, null, null), null)
                    .memberId();
        } finally {
            ctx.session().switchTo(op, role);
        }
    }

    static void as(AppContext ctx, String operator, Role role) {
        ctx.session().switchTo(operator, role);
    }

    static Map<String, String> fields(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    /** The fields the registration of each default type needs. */
    static Map<String, String> registration(CaseType t) {
        switch (t) {
            case MEDICAL_AID:
                return fields("summary", "住院治疗费用负担重", "hospital", "苏州市立医院", "diagnosis", "肺炎");
            case EDUCATION_AID:
                return fields("summary", "子女考入大学", "studentName", "张小明", "school", "南京大学");
            case FESTIVAL_VISIT:
                return fields("summary", "春节送温暖", "programmePeriod", "2027年春节");
            case CONDOLENCE:
                return fields("summary", "住院慰问", "subkind", "ILLNESS");
            case LEGAL_AID:
                return fields("summary", "工伤赔偿纠纷", "claim", "工伤待遇");
            case LABOUR_DISPUTE:
                return fields("summary", "拖欠加班费", "opposingParty", "某劳务公司", "claim", "支付加班费");
            case LIVING_AID:
            case COMPLAINT:
            default:
                return fields("summary", "家庭生活困难");
        }
    }

    /** A registered aid case walked to 审核 (reviewed) by the clerk, with the requested amount. */
    static long reviewedAidCase(AppContext ctx, CaseType type, long memberId, String requested) {
        as(ctx, CLERK, Role.CLERK);
        CaseService cs = ctx.cases();
        long id = cs.register(type, memberId, registration(type), "申请").aidCase().id();
        cs.transition(id, "verify", "入户走访", fields("verification", "家中确有困难"));
        Map<String, String> review = fields("requestedAmount", requested);
        if (type == CaseType.MEDICAL_AID) {
            review.put("medicalCost", "30000");
        }
        cs.transition(id, "review", "材料齐全", review);
        return id;
    }
}
