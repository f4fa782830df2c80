package cn.uniondesk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * 统一社会信用代码 (GB 32100-2015). The test codes are made up here from their parts, and their
 * check characters are computed here with the standard's own rule (weight of position i is 3^i
 * mod 31), independently of the weight table in {@link CreditCode}.
 */
public class CreditCodeTest {
    static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    static final Regions REGIONS = Regions.standard();

    /** The first 17 characters with their check character: 31 - (Σ value·3^i mod 31) mod 31, 31 written 0. */
    public static String withCheck(String first17) {
        assertThat(first17).hasSize(17);
        long sum = 0;
        long weight = 1;
        for (int i = 0; i < 17; i++) {
            sum += CHARSET.indexOf(first17.charAt(i)) * weight;
            weight = weight * 3 % 31;
        }
        int c = (int) (31 - sum % 31) % 31;
        return first17 + CHARSET.charAt(c);
    }

    static Optional<CreditCode.Problem> problem(String code) {
        return CreditCode.check(CreditCode.normalize(code), REGIONS).map(CreditCode.Failure::problem);
    }

    @Test
    void codesMadeFromValidPartsWithTheirComputedCheckCharacterPass() {
        List<String> valid = List.of(
                withCheck("81320505MC0000001"), // 工会 · 基层工会 · 苏州市虎丘区
                withCheck("81110105MA01BC2D3"), // 工会 · 北京市朝阳区
                withCheck("91440300MA5FXYT1R"), // 工商 · 企业 · 深圳市
                withCheck("51100000500000000"), // 民政 · 社会团体 · national level (100000)
                withCheck("12370000495570087"), // 机构编制 · 事业单位 · 山东省
                withCheck("Y1650100MA7UNPQ3W"));
        for (String code : valid) {
            assertThat(problem(code)).as(code).isEmpty();
        }
        // the demo union's code
        assertThat(problem("81320505MC0000001D")).isEmpty();
    }

    @Test
    void checkCharacterMatchesTheStandardsRuleForEveryLastCharacter() {
        // vary the last body character over the whole alphabet: every check character value occurs
        for (char c : CHARSET.toCharArray()) {
            String first17 = "8132050500000000" + c;
            assertThat(CreditCode.checkChar(first17)).as(first17).isEqualTo(withCheck(first17).charAt(17));
        }
    }

    @Test
    void typedCodesAreNormalisedBeforeTheyAreChecked() {
        String code = withCheck("81320505MC0000001");
        String fullWidth = code.chars().mapToObj(ch -> String.valueOf((char) (ch + 0xFEE0)))
                .reduce("", String::concat);
        assertThat(CreditCode.normalize(" " + code.toLowerCase() + " ")).isEqualTo(code);
        assertThat(CreditCode.normalize(fullWidth)).isEqualTo(code);
        assertThat(CreditCode.normalize(code.substring(0, 8) + " " + code.substring(8))).isEqualTo(code);
        assertThat(CreditCode.normalize(null)).isEmpty();
    }

    @Test
    void eachKindOfMistakeIsNamed() {
        String good = withCheck("81320505MC0000001");
        assertThat(problem(good.substring(0, 17))).contains(CreditCode.Problem.LENGTH);
        assertThat(problem(good + "1")).contains(CreditCode.Problem.LENGTH);
        assertThat(problem("81320505MC000000I" + good.charAt(17))).contains(CreditCode.Problem.CHARSET);
        assertThat(problem("81320505MO0000001" + good.charAt(17))).contains(CreditCode.Problem.CHARSET);
        assertThat(problem("81320505MZ0000001" + good.charAt(17))).contains(CreditCode.Problem.CHARSET);
        assertThat(problem("8132-505MC0000001" + good.charAt(17))).contains(CreditCode.Problem.CHARSET);
        assertThat(problem(withCheck("B1320505MC0000001"))).contains(CreditCode.Problem.AUTHORITY);
        assertThat(problem(withCheck("0132050500000000A"))).contains(CreditCode.Problem.AUTHORITY);
        assertThat(problem(withCheck("8A320505MC0000001"))).contains(CreditCode.Problem.TYPE);
        assertThat(problem(withCheck("80320505MC0000001"))).contains(CreditCode.Problem.TYPE);
        assertThat(problem(withCheck("81990505MC0000001"))).contains(CreditCode.Problem.REGION);
        assertThat(problem(withCheck("8132A505MC0000001"))).contains(CreditCode.Problem.REGION);
        String wrongCheck = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');
        assertThat(CreditCode.check(wrongCheck, REGIONS)).hasValueSatisfying(f -> {
            assertThat(f.problem()).isEqualTo(CreditCode.Problem.CHECK);
            assertThat(f.args()).containsExactly(String.valueOf(wrongCheck.charAt(17)), String.valueOf(good.charAt(17)));
        });
    }

    @Test
    void everySingleMistypedCharacterAndEveryAdjacentSwapIsCaught() {
        String good = withCheck("81320505MC0000001");
        for (int i = 0; i < 18; i++) {
            for (char c : CHARSET.toCharArray()) {
                if (c == good.charAt(i)) {
                    continue;
                }
                String typo = good.substring(0, i) + c + good.substring(i + 1);
                assertThat(problem(typo)).as(typo).isPresent();
            }
        }
        for (int i = 0; i < 16; i++) {
            if (good.charAt(i) == good.charAt(i + 1)) {
                continue;
            }
            String swapped = good.substring(0, i) + good.charAt(i + 1) + good.charAt(i) + good.substring(i + 2);
            assertThat(problem(swapped)).as(swapped).isPresent();
        }
    }
}
