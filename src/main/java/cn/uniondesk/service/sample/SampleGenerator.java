package cn.uniondesk.service.sample;

import cn.uniondesk.domain.IdNumber;
import cn.uniondesk.domain.MemberStatus;
import cn.uniondesk.domain.Regions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Deterministic fictitious members for the demo union and for benchmarks: common surnames,
 * ID numbers with valid region codes and check digits, a factory's departments and wages. The
 * same seed always gives the same people, for any count up to a million.
 */
public final class SampleGenerator {
    /** The date the generated register is "as of", so output does not depend on the clock. */
    public static final LocalDate AS_OF = LocalDate.of(2026, 10, 31);

    private static final String SURNAMES = "王王王李李李张张张刘刘陈陈杨杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董"
            + "袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱"
            + "严覃武戴莫孔向汤单解区查乐翟";
    private static final String[] MALE_GIVEN = {"伟", "强", "磊", "军", "洋", "勇", "杰", "涛", "明", "超", "刚", "平", "辉",
        "鹏", "华", "飞", "鑫", "波", "斌", "宇", "浩", "凯", "健", "俊", "帆", "建国", "志强", "文博", "浩然", "宇航", "子豪",
        "晨阳", "思远", "俊杰", "建华", "国庆", "海涛", "立新", "永刚", "德明", "振华", "少华", "长江", "家乐", "行健"};
    private static final String[] FEMALE_GIVEN = {"芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "秀英", "桂英", "秀兰",
        "玉兰", "婷", "雪", "琳", "颖", "倩", "欣怡", "梓萱", "雨轩", "佳琪", "嘉怡", "思琪", "晓燕", "丽华", "春梅", "海燕",
        "红梅", "秀珍", "美玲", "慧", "洁", "楠", "蕾", "月", "佳", "雯", "晶", "小红", "丹丹"};
    /** Local (苏州) and typical home regions of migrant workers. */
    private static final String[] LOCAL_REGIONS = {"320505", "320506", "320507", "320508", "320581", "320582",
        "320583", "320585", "320509"};
    private static final String[] MIGRANT_REGIONS = {"341221", "341222", "341225", "411522", "411523", "411526",
        "510722", "510723", "430524", "430525", "362427", "362428", "522422", "532621", "610524", "371524",
        "130723", "421125", "450721"};
    private static final String[] DEPARTMENTS = {"总装车间", "机加工车间", "冲压车间", "焊接车间", "质检部", "仓储物流部",
        "技术研发部", "行政办公室", "财务部", "后勤保障部"};
    private static final int[] DEPARTMENT_WEIGHTS = {22, 18, 14, 12, 8, 8, 7, 5, 3, 3};
    private static final String[][] JOBS = {
        {"装配工", "线长", "班组长", "物料员"}, {"数控车工", "铣工", "钳工", "班组长"}, {"冲压工", "模具工", "班组长"},
        {"焊工", "打磨工", "班组长"}, {"质检员", "检验员", "质量工程师"}, {"仓管员", "叉车司机", "配送员"},
        {"工艺工程师", "设计工程师", "技术员"}, {"行政专员", "文员", "主任"}, {"会计", "出纳"},
        {"厨师", "保洁员", "保安", "电工"}};
    private static final String[] EDUCATION = {"初中", "高中", "中专", "大学专科", "大学本科", "研究生"};
    private static final int[] EDUCATION_WEIGHTS = {22, 20, 20, 22, 14, 2};
    private static final String[] POLITICAL = {"群众", "中共党员", "共青团员", "中共预备党员"};
    private static final int[] POLITICAL_WEIGHTS = {74, 14, 11, 1};
    private static final String[] EMPLOYMENT = {"劳动合同", "劳务派遣", "非全日制"};
    private static final int[] EMPLOYMENT_WEIGHTS = {84, 13, 3};
    private static final String[] ETHNICITIES = {"汉族", "回族", "满族", "苗族", "土家族", "壮族", "彝族"};
    private static final int[] ETHNICITY_WEIGHTS = {92, 2, 1, 1, 2, 1, 1};
    private static final String[] MOBILE_PREFIXES = {"130", "131", "132", "133", "134", "135", "136", "137", "138",
        "139", "150", "151", "152", "153", "155", "156", "157", "158", "159", "177", "180", "181", "182", "183",
        "185", "186", "187", "188", "189", "199"};
    private static final String[] OTHER_UNIONS = {"苏州市相城区总工会", "昆山精密机械有限公司工会委员会",
        "吴江汽车零部件有限公司工会", "常熟纺织集团工会委员会", "苏州工业园区总工会"};

    private final Random random;
    private final Set<String> usedIds = new HashSet<>();
    private final Set<String> usedMobiles = new HashSet<>();
    private final boolean withStatusChanges;
    private int count;

    /**
     * @param seed              same seed, same people
     * @param withStatusChanges when true some members have transferred out, left, retired or died
     */
    public SampleGenerator(long seed, boolean withStatusChanges) {
        this.random = new Random(seed);
        this.withStatusChanges = withStatusChanges;
        Regions regions = Regions.standard();
        for (String r : LOCAL_REGIONS) {
            check(regions, r);
        }
        for (String r : MIGRANT_REGIONS) {
            check(regions, r);
        }
    }

    private static void check(Regions regions, String code) {
        if (!regions.isKnown(code)) {
            throw new IllegalStateException("sample region code not in GB/T 2260 table: " + code);
        }
    }

    public static List<String> departments() {
        return List.of(DEPARTMENTS);
    }

    public List<SamplePerson> generate(int n) {
        List<SamplePerson> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(next());
        }
        return out;
    }

    public SamplePerson next() {
        count++;
        boolean male = random.nextInt(100) < 58;
        String surname = String.valueOf(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
        String[] given = male ? MALE_GIVEN : FEMALE_GIVEN;
        String name = surname + given[random.nextInt(given.length)];
        if (random.nextInt(10) == 0) {
            name = surname + given[random.nextInt(given.length)].charAt(0) + given[random.nextInt(given.length)]
                    .charAt(0);
        }
        boolean migrant = random.nextInt(100) < 35;
        String region = migrant ? MIGRANT_REGIONS[random.nextInt(MIGRANT_REGIONS.length)]
                : LOCAL_REGIONS[random.nextInt(LOCAL_REGIONS.length)];
        LocalDate birth = LocalDate.of(1964, 1, 1).plusDays(random.nextInt(365 * 40));
        String id = uniqueId(region, birth, male);
        int deptIdx = weighted(DEPARTMENT_WEIGHTS);
        String[] jobs = JOBS[deptIdx];
        LocalDate earliestJoin = birth.plusYears(18).isBefore(LocalDate.of(2000, 1, 1)) ? LocalDate.of(2000, 1, 1)
                : birth.plusYears(18);
        long span = Math.max(1, AS_OF.minusMonths(1).toEpochDay() - earliestJoin.toEpochDay());
        LocalDate join = earliestJoin.plusDays(Math.floorMod(random.nextLong(), span));
        long wageYuan = 3200 + random.nextInt(deptIdx >= 6 && deptIdx <= 8 ? 14000 : 7000);
        String wage = random.nextInt(4) == 0 ? wageYuan + ".50" : Long.toString(wageYuan);
        boolean hardship = random.nextInt(100) < 4;
        MemberStatus status = MemberStatus.ACTIVE;
        LocalDate statusDate = null;
        String reason = null;
        String counterpart = null;
        if (withStatusChanges) {
            int r = random.nextInt(1000);
            int age = AS_OF.getYear() - birth.getYear();
            if (r < 30) {
                status = MemberStatus.TRANSFERRED_OUT;
                reason = "调动至其他单位";
                counterpart = OTHER_UNIONS[random.nextInt(OTHER_UNIONS.length)];
            } else if (r < 55) {
                status = MemberStatus.LEFT;
                reason = "解除劳动合同";
            } else if (r < 120 && age >= 52) {
                status = MemberStatus.RETIRED;
                reason = "办理退休手续";
            } else if (r >= 120 && r < 125) {
                status = MemberStatus.DECEASED;
                reason = "因病去世";
            }
            if (status != MemberStatus.ACTIVE) {
                long days = Math.max(1, AS_OF.toEpochDay() - join.toEpochDay());
                statusDate = join.plusDays(1 + Math.floorMod(random.nextLong(), days - 1 <= 0 ? 1 : days - 1));
                if (statusDate.isAfter(AS_OF)) {
                    statusDate = AS_OF;
                }
            }
        }
        return new SamplePerson(name, male ? "男" : "女", ETHNICITIES[weighted(ETHNICITY_WEIGHTS)], id,
                uniqueMobile(), EDUCATION[weighted(EDUCATION_WEIGHTS)], POLITICAL[weighted(POLITICAL_WEIGHTS)],
                DEPARTMENTS[deptIdx], jobs[random.nextInt(jobs.length)], EMPLOYMENT[weighted(EMPLOYMENT_WEIGHTS)],
                migrant, migrant ? "农村" : (random.nextInt(5) == 0 ? "农村" : "城镇"), join,
                String.format("GH%d%07d", join.getYear(), count), wage, hardship,
                hardship ? (random.nextInt(4) == 0 ? "深度困难" : "一般困难") : null, null, status, statusDate, reason,
                counterpart);
    }

    private String uniqueId(String region, LocalDate birth, boolean male) {
        String date = String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth());
        LocalDate b = birth;
        while (true) {
            int seq = random.nextInt(500) * 2 + (male ? 1 : 0);
            if (seq == 0) {
                continue;
            }
            String body = region + date + String.format("%03d", seq);
            String id = body + IdNumber.checkChar(body);
            if (usedIds.add(id)) {
                return id;
            }
            b = b.plusDays(1);
            date = String.format("%04d%02d%02d", b.getYear(), b.getMonthValue(), b.getDayOfMonth());
        }
    }

    private String uniqueMobile() {
        while (true) {
            String m = MOBILE_PREFIXES[random.nextInt(MOBILE_PREFIXES.length)]
                    + String.format("%08d", random.nextInt(100_000_000));
            if (usedMobiles.add(m)) {
                return m;
            }
        }
    }

    private int weighted(int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
