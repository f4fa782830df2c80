package cn.uniondesk.domain;

import java.util.List;

/** The usual values of the register's coded fields, offered as choices (values outside are allowed). */
public final class Vocabulary {
    private Vocabulary() {
    }

    public static final List<String> ETHNICITIES = List.of("汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族",
            "壮族", "布依族", "朝鲜族", "满族", "侗族", "瑶族", "白族", "土家族", "哈尼族", "哈萨克族", "傣族", "黎族", "傈僳族",
            "佤族", "畲族", "高山族", "拉祜族", "水族", "东乡族", "纳西族", "景颇族", "柯尔克孜族", "土族", "达斡尔族", "仫佬族",
            "羌族", "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯族", "阿昌族", "普米族", "塔吉克族", "怒族", "乌孜别克族",
            "俄罗斯族", "鄂温克族", "德昂族", "保安族", "裕固族", "京族", "塔塔尔族", "独龙族", "鄂伦春族", "赫哲族", "门巴族",
            "珞巴族", "基诺族");

    public static final List<String> EDUCATION = List.of("研究生", "大学本科", "大学专科", "中专", "高中", "初中",
            "小学及以下");

    public static final List<String> POLITICAL_STATUS = List.of("中共党员", "中共预备党员", "共青团员", "民主党派",
            "无党派人士", "群众");

    public static final List<String> EMPLOYMENT_TYPES = List.of("劳动合同", "劳务派遣", "非全日制", "劳务外包",
            "退休返聘", "其他");

    public static final List<String> HARDSHIP_LEVELS = List.of("一般困难", "深度困难", "意外致困");
}
