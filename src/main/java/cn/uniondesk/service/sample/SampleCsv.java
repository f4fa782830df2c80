package cn.uniondesk.service.sample;

import cn.uniondesk.domain.MemberStatus;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo union's member file: UTF-8 CSV with the register's Chinese column headings (the same
 * as the import template) plus the columns that describe a status change. Values never contain
 * commas or quotes.
 */
public final class SampleCsv {
    public static final List<String> HEADERS = List.of("姓名", "性别", "民族", "公民身份号码", "手机号", "学历", "政治面貌",
            "部门", "岗位", "用工形式", "农民工", "户籍", "入会日期", "会员证号", "月工资", "困难职工", "困难等级", "备注", "状态",
            "状态日期", "状态原因", "对方工会");

    private SampleCsv() {
    }

    public static void write(List<SamplePerson> people, Writer out) throws IOException {
        out.write(String.join(",", HEADERS));
        out.write("\n");
        for (SamplePerson p : people) {
            List<String> v = List.of(p.name(), p.gender(), p.ethnicity(), p.idNumber(), p.mobile(), p.education(),
                    p.politicalStatus(), p.department(), p.job(), p.employmentType(), p.migrantWorker() ? "是" : "否",
                    p.householdType(), p.joinDate().toString(), p.cardNo(), p.monthlyWageYuan(),
                    p.hardship() ? "是" : "否", nz(p.hardshipLevel()), nz(p.notes()), p.status().zh(),
                    p.statusDate() == null ? "" : p.statusDate().toString(), nz(p.statusReason()),
                    nz(p.counterpartUnion()));
            for (String s : v) {
                if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
                    throw new IllegalArgumentException("sample values must not contain , \" or newlines: " + s);
                }
            }
            out.write(String.join(",", v));
            out.write("\n");
        }
    }

    public static List<SamplePerson> read(BufferedReader in) throws IOException {
        String header = in.readLine();
        if (header == null) {
            return List.of();
        }
        if (header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        if (!List.of(header.split(",", -1)).equals(HEADERS)) {
            throw new IOException("unexpected demo CSV header: " + header);
        }
        List<SamplePerson> out = new ArrayList<>();
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            String[] c = line.split(",", -1);
            if (c.length != HEADERS.size()) {
                throw new IOException("demo CSV line has " + c.length + " columns: " + line);
            }
            out.add(new SamplePerson(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], "是".equals(c[10]),
                    c[11], LocalDate.parse(c[12]), c[13], c[14], "是".equals(c[15]), nn(c[16]), nn(c[17]),
                    MemberStatus.parseLenient(c[18]), c[19].isEmpty() ? null : LocalDate.parse(c[19]), nn(c[20]),
                    nn(c[21])));
        }
        return out;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String nn(String s) {
        return s.isEmpty() ? null : s;
    }
}
