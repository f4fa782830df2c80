package cn.uniondesk.excel;

import cn.uniondesk.domain.MemberField;
import cn.uniondesk.domain.TextNormalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The columns of the member template (模板) and roster (花名册), in order, with the Chinese
 * heading the template uses and the other headings real sheets use for the same thing. The
 * headings are part of the file format, not user-interface text.
 */
public enum MemberColumn {
    NAME(MemberField.NAME, true, "姓名", "名字", "职工姓名", "会员姓名", "员工姓名"),
    GENDER(MemberField.GENDER, false, "性别"),
    ETHNICITY(MemberField.ETHNICITY, false, "民族"),
    ID_NUMBER(MemberField.ID_NUMBER, true, "公民身份号码", "身份证号", "身份证号码", "证件号码", "证件号", "身份证",
            "居民身份证号码", "居民身份证号", "公民身份证号码", "公民身份证号", "身份证件号码"),
    BIRTH_DATE(MemberField.BIRTH_DATE, false, "出生日期", "出生年月日", "生日"),
    MOBILE(MemberField.MOBILE, false, "手机号", "手机号码", "手机", "联系电话", "联系方式", "移动电话"),
    EDUCATION(MemberField.EDUCATION, false, "学历", "文化程度", "最高学历"),
    POLITICAL_STATUS(MemberField.POLITICAL_STATUS, false, "政治面貌"),
    DEPARTMENT(MemberField.DEPARTMENT, false, "部门/车间", "部门", "车间", "所在部门", "部门车间", "所属部门", "工作部门"),
    JOB(MemberField.JOB, false, "岗位", "职务", "工种", "岗位/工种"),
    EMPLOYMENT_TYPE(MemberField.EMPLOYMENT_TYPE, false, "用工形式", "用工性质", "用工类型"),
    MIGRANT_WORKER(MemberField.MIGRANT_WORKER, false, "农民工", "是否农民工"),
    HOUSEHOLD_TYPE(MemberField.HOUSEHOLD_TYPE, false, "户籍", "户籍类型", "户口性质", "户籍性质"),
    JOIN_DATE(MemberField.JOIN_DATE, true, "入会日期", "入会时间"),
    CARD_NO(MemberField.CARD_NO, false, "会员证号", "会员证号码", "会员编号"),
    MONTHLY_WAGE(MemberField.MONTHLY_WAGE, false, "月工资（元）", "月工资", "工资", "月工资元", "月工资额", "工资基数"),
    HARDSHIP(MemberField.HARDSHIP, false, "困难职工", "是否困难职工"),
    HARDSHIP_LEVEL(MemberField.HARDSHIP_LEVEL, false, "困难等级", "困难类别"),
    NOTES(MemberField.NOTES, false, "备注", "说明"),
    STATUS(MemberField.STATUS, false, "状态", "会员状态", "会籍状态");

    private static final Map<String, MemberColumn> BY_ALIAS = new HashMap<>();

    static {
        for (MemberColumn c : values()) {
            for (String a : c.aliases) {
                BY_ALIAS.put(key(a), c);
            }
        }
    }

    private final MemberField field;
    private final boolean required;
    private final List<String> aliases;

    MemberColumn(MemberField field, boolean required, String heading, String... more) {
        this.field = field;
        this.required = required;
        this.aliases = new java.util.ArrayList<>();
        this.aliases.add(heading);
        this.aliases.addAll(List.of(more));
    }

    public MemberField field() {
        return field;
    }

    /** Without it no row can be imported: 姓名, 公民身份号码, 入会日期. */
    public boolean required() {
        return required;
    }

    /** The heading the template and the roster use. */
    public String heading() {
        return aliases.get(0);
    }

    public List<String> aliases() {
        return List.copyOf(aliases);
    }

    /** The column a heading names, tolerating spaces, full-width forms, a required mark (*) and a unit in brackets. */
    public static MemberColumn forHeading(String heading) {
        String k = key(heading);
        if (k.isEmpty()) {
            return null;
        }
        MemberColumn c = BY_ALIAS.get(k);
        if (c == null) {
            String noUnit = k.replaceAll("\\(.*\\)$", "");
            c = BY_ALIAS.get(noUnit);
        }
        return c;
    }

    static String key(String heading) {
        return TextNormalizer.compact(heading).replace("*", "").replace("\u203B", "").replace("\n", "")
                .replace("\r", "").replace("\uFF08", "(").replace("\uFF09", ")").replace("：", "").replace(":", "")
                .toLowerCase(Locale.ROOT);
    }
}
