package cn.uniondesk.service.sample;

import cn.uniondesk.excel.MemberColumn;
import cn.uniondesk.excel.MemberWorkbookWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;

/** Generated members written as an .xlsx in the template's columns (streamed: any count up to a million). */
public final class SampleWorkbook {
    private SampleWorkbook() {
    }

    public static void write(SampleGenerator g, int n, Path out, String sheetName) throws IOException {
        try (MemberWorkbookWriter w = new MemberWorkbookWriter(out, sheetName, null)) {
            for (int i = 0; i < n; i++) {
                w.writeRow(values(g.next()));
            }
            w.finish();
        }
    }

    /** One person's cells in the template's column order. */
    public static Object[] values(SamplePerson p) {
        Object[] v = new Object[MemberColumn.values().length];
        v[MemberColumn.NAME.ordinal()] = p.name();
        v[MemberColumn.GENDER.ordinal()] = p.gender();
        v[MemberColumn.ETHNICITY.ordinal()] = p.ethnicity();
        v[MemberColumn.ID_NUMBER.ordinal()] = p.idNumber();
        v[MemberColumn.MOBILE.ordinal()] = p.mobile();
        v[MemberColumn.EDUCATION.ordinal()] = p.education();
        v[MemberColumn.POLITICAL_STATUS.ordinal()] = p.politicalStatus();
        v[MemberColumn.DEPARTMENT.ordinal()] = p.department();
        v[MemberColumn.JOB.ordinal()] = p.job();
        v[MemberColumn.EMPLOYMENT_TYPE.ordinal()] = p.employmentType();
        v[MemberColumn.MIGRANT_WORKER.ordinal()] = p.migrantWorker() ? "是" : "否";
        v[MemberColumn.HOUSEHOLD_TYPE.ordinal()] = p.householdType();
        v[MemberColumn.JOIN_DATE.ordinal()] = p.joinDate();
        v[MemberColumn.CARD_NO.ordinal()] = p.cardNo();
        v[MemberColumn.MONTHLY_WAGE.ordinal()] = new BigDecimal(p.monthlyWageYuan());
        v[MemberColumn.HARDSHIP.ordinal()] = p.hardship() ? "是" : "否";
        v[MemberColumn.HARDSHIP_LEVEL.ordinal()] = p.hardshipLevel();
        v[MemberColumn.NOTES.ordinal()] = p.notes();
        v[MemberColumn.STATUS.ordinal()] = p.status().zh();
        return v;
    }
}
