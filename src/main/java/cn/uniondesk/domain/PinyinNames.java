package cn.uniondesk.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Pinyin search keys of a Chinese personal name: full pinyin ({@code zhangsan}) and initials
 * ({@code zs}). The surname is read as a surname (单 shàn, 曾 zēng, 解 xiè, 尉迟 yùchí …); other
 * characters with several readings (多音字) yield every combination, up to {@value #MAX_ALTERNATIVES},
 * so that a clerk finds the person whichever reading they type.
 */
public final class PinyinNames {
    public static final int MAX_ALTERNATIVES = 8;
    /** Separates alternatives in the stored key; never part of a query. */
    public static final char SEPARATOR = '|';

    private static final Map<String, String[]> COMPOUND_SURNAMES = Map.ofEntries(
            Map.entry("欧阳", new String[] {"ou", "yang"}), Map.entry("司马", new String[] {"si", "ma"}),
            Map.entry("诸葛", new String[] {"zhu", "ge"}), Map.entry("上官", new String[] {"shang", "guan"}),
            Map.entry("尉迟", new String[] {"yu", "chi"}), Map.entry("万俟", new String[] {"mo", "qi"}),
            Map.entry("长孙", new String[] {"zhang", "sun"}), Map.entry("澹台", new String[] {"tan", "tai"}),
            Map.entry("单于", new String[] {"chan", "yu"}), Map.entry("皇甫", new String[] {"huang", "fu"}),
            Map.entry("令狐", new String[] {"ling", "hu"}), Map.entry("慕容", new String[] {"mu", "rong"}),
            Map.entry("公孙", new String[] {"gong", "sun"}), Map.entry("东方", new String[] {"dong", "fang"}),
            Map.entry("夏侯", new String[] {"xia", "hou"}), Map.entry("宇文", new String[] {"yu", "wen"}));

    /** Surnames whose reading differs from the character's usual one. */
    private static final Map<Character, String> SURNAME_READINGS = Map.ofEntries(
            Map.entry('单', "shan"), Map.entry('曾', "zeng"), Map.entry('解', "xie"), Map.entry('仇', "qiu"),
            Map.entry('朴', "piao"), Map.entry('区', "ou"), Map.entry('查', "zha"), Map.entry('乐', "yue"),
            Map.entry('覃', "qin"), Map.entry('翟', "zhai"), Map.entry('盖', "ge"), Map.entry('缪', "miao"),
            Map.entry('繁', "po"), Map.entry('种', "chong"), Map.entry('召', "shao"), Map.entry('员', "yun"),
            Map.entry('宿', "su"), Map.entry('秘', "bi"), Map.entry('折', "she"), Map.entry('黑', "he"),
            Map.entry('句', "gou"), Map.entry('薄', "bo"), Map.entry('贾', "jia"), Map.entry('柏', "bai"),
            Map.entry('车', "che"), Map.entry('隗', "wei"), Map.entry('莘', "shen"), Map.entry('牟', "mu"),
            Map.entry('乜', "nie"), Map.entry('曲', "qu"), Map.entry('盛', "sheng"), Map.entry('重', "chong"),
            Map.entry('那', "na"), Map.entry('宓', "mi"), Map.entry('长', "chang"), Map.entry('藏', "zang"),
            Map.entry('沈', "shen"), Map.entry('任', "ren"), Map.entry('华', "hua"), Map.entry('纪', "ji"),
            Map.entry('冼', "xian"), Map.entry('洗', "xian"), Map.entry('都', "du"), Map.entry('能', "nai"),
            Map.entry('殷', "yin"), Map.entry('阚', "kan"), Map.entry('尉', "wei"), Map.entry('燕', "yan"),
            Map.entry('石', "shi"), Map.entry('叶', "ye"), Map.entry('谌', "chen"), Map.entry('祭', "zhai"),
            Map.entry('蕃', "pi"), Map.entry('朝', "chao"), Map.entry('应', "ying"), Map.entry('相', "xiang"),
            Map.entry('过', "guo"), Map.entry('占', "zhan"), Map.entry('传', "chuan"), Map.entry('行', "xing"),
            Map.entry('干', "gan"), Map.entry('降', "jiang"), Map.entry('奇', "qi"), Map.entry('参', "can"));

    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

    static {
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
    }

    /** The search keys of a name. */
    public record Keys(List<String> full, List<String> initials) {
        public String primaryFull() {
            return full.get(0);
        }

        public String primaryInitials() {
            return initials.get(0);
        }

        /** All full-pinyin alternatives joined by {@link #SEPARATOR}, as stored. */
        public String fullJoined() {
            return String.join(String.valueOf(SEPARATOR), full);
        }

        public String initialsJoined() {
            return String.join(String.valueOf(SEPARATOR), initials);
        }
    }

    private PinyinNames() {
    }

    public static Keys of(String name) {
        String n = TextNormalizer.compact(name).replace("·", "").replace("•", "");
        List<List<String>> perChar = new ArrayList<>();
        int i = 0;
        if (n.length() >= 3 && COMPOUND_SURNAMES.containsKey(n.substring(0, 2))) {
            for (String r : COMPOUND_SURNAMES.get(n.substring(0, 2))) {
                perChar.add(List.of(r));
            }
            i = 2;
        } else if (n.length() >= 2 && SURNAME_READINGS.containsKey(n.charAt(0))) {
            perChar.add(List.of(SURNAME_READINGS.get(n.charAt(0))));
            i = 1;
        }
        for (; i < n.length(); i++) {
            perChar.add(readings(n.charAt(i)));
        }
        List<String> combos = new ArrayList<>();
        combine(perChar, 0, new StringBuilder(), new ArrayList<>(), combos);
        Set<String> full = new LinkedHashSet<>();
        Set<String> initials = new LinkedHashSet<>();
        for (String c : combos) {
            String[] syllables = c.isEmpty() ? new String[0] : c.split(" ");
            StringBuilder f = new StringBuilder();
            StringBuilder in = new StringBuilder();
            for (String s : syllables) {
                f.append(s);
                if (!s.isEmpty()) {
                    in.append(s.charAt(0));
                }
            }
            full.add(f.toString());
            initials.add(in.toString());
        }
        if (full.isEmpty()) {
            full.add("");
            initials.add("");
        }
        return new Keys(List.copyOf(full), List.copyOf(initials));
    }

    private static void combine(List<List<String>> perChar, int idx, StringBuilder prefix, List<String> parts,
            List<String> out) {
        if (out.size() >= MAX_ALTERNATIVES) {
            return;
        }
        if (idx == perChar.size()) {
            out.add(String.join(" ", parts));
            return;
        }
        for (String r : perChar.get(idx)) {
            parts.add(r);
            combine(perChar, idx + 1, prefix, parts, out);
            parts.remove(parts.size() - 1);
            if (out.size() >= MAX_ALTERNATIVES) {
                return;
            }
        }
    }

    private static List<String> readings(char c) {
        if (c < 0x80) {
            return List.of(String.valueOf(Character.toLowerCase(c)).toLowerCase(Locale.ROOT));
        }
        String[] arr;
        try {
            arr = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException(e);
        }
        if (arr == null || arr.length == 0) {
            return List.of("");
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (String a : arr) {
            distinct.add(a.replace("u:", "v"));
        }
        return List.copyOf(distinct);
    }
}
