package cn.uniondesk.domain.dues;

import static org.assertj.core.api.Assertions.assertThat;

import cn.uniondesk.domain.ChineseAmount;
import cn.uniondesk.domain.MemberStatus;
import cn.uniondesk.domain.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class DuesRuleTest {
    private final DuesRule standard = DuesRule.standard(YearMonth.of(2020, 1));

    private long dues(String wageYuan) {
        return standard.compute(DuesSubject.ofWage(Money.parseYuan(wageYuan).fen())).amountFen();
    }

    @Test
    void tailUnderTenYuanIsNotCounted() {
        DuesResult r = standard.compute(DuesSubject.ofWage(Money.parseYuan("5678.90").fen()));
        assertThat(r.flooredBaseFen()).isEqualTo(567000);
        assertThat(r.amountFen()).isEqualTo(2835); // 28.35 yuan
    }

    @Test
    void boundariesOfTheTenYuanFloor() {
        assertThat(dues("9.99")).isZero();
        assertThat(dues("10")).isEqualTo(5);
        assertThat(dues("19.99")).isEqualTo(5);
        assertThat(dues("20")).isEqualTo(10);
        assertThat(dues("0")).isZero();
    }

    @Test
    void duesAreAlwaysAMultipleOfFiveFen() {
        for (long wage = 0; wage < 2_000_000; wage += 7_77) {
            assertThat(standard.compute(DuesSubject.ofWage(wage)).amountFen() % 5).isZero();
        }
    }

    @Test
    void retireeKeepingMembershipPaysNothing() {
        DuesResult r = standard.compute(new DuesSubject(800000, MemberStatus.RETIRED, false, null, null));
        assertThat(r.amountFen()).isZero();
        assertThat(r.exempt()).isTrue();
    }

    @Test
    void configurableExemptionsAndFlatAmounts() {
        DuesRule rule = new DuesRule(YearMonth.of(2026, 1), new BigDecimal("0.005"), 1000, RoundingMode.HALF_UP,
                RoundingUnit.FEN, MidMonthRule.ACTIVE_ANY_DAY, List.of(
                        ExemptionRule.exempt(ExemptionRule.Kind.HARDSHIP_LEVEL, "深度困难"),
                        ExemptionRule.flat(ExemptionRule.Kind.EMPLOYMENT_TYPE, "非全日制", 100)));
        assertThat(rule.compute(new DuesSubject(500000, MemberStatus.ACTIVE, true, "深度困难", null)).amountFen())
                .isZero();
        assertThat(rule.compute(new DuesSubject(500000, MemberStatus.ACTIVE, true, "一般困难", null)).amountFen())
                .isEqualTo(2500);
        assertThat(rule.compute(new DuesSubject(500000, MemberStatus.ACTIVE, false, null, "非全日制")).amountFen())
                .isEqualTo(100);
    }

    @Test
    void roundingToJiao() {
        DuesRule jiao = new DuesRule(YearMonth.of(2026, 1), new BigDecimal("0.005"), 1000, RoundingMode.HALF_UP,
                RoundingUnit.JIAO, MidMonthRule.ACTIVE_ANY_DAY, List.of());
        assertThat(jiao.compute(DuesSubject.ofWage(567890)).amountFen()).isEqualTo(2840); // 28.35 → 28.4
        DuesRule down = new DuesRule(YearMonth.of(2026, 1), new BigDecimal("0.005"), 1000, RoundingMode.DOWN,
                RoundingUnit.JIAO, MidMonthRule.ACTIVE_ANY_DAY, List.of());
        assertThat(down.compute(DuesSubject.ofWage(567890)).amountFen()).isEqualTo(2830);
    }

    @Test
    void ruleChangeMidYearAppliesFromItsMonthOnly() {
        DuesRule from2027 = new DuesRule(YearMonth.of(2026, 7), new BigDecimal("0.004"), 1000, RoundingMode.HALF_UP,
                RoundingUnit.FEN, MidMonthRule.ACTIVE_ANY_DAY, List.of());
        DuesRuleBook book = new DuesRuleBook(List.of(from2027, standard));
        assertThat(book.ruleFor(YearMonth.of(2026, 6)).compute(DuesSubject.ofWage(500000)).amountFen())
                .isEqualTo(2500);
        assertThat(book.ruleFor(YearMonth.of(2026, 7)).compute(DuesSubject.ofWage(500000)).amountFen())
                .isEqualTo(2000);
    }

    @Test
    void midMonthJoinersAndLeaversFollowTheSetting() {
        YearMonth nov = YearMonth.of(2026, 11);
        LocalDate joined15 = LocalDate.of(2026, 11, 15);
        LocalDate left10 = LocalDate.of(2026, 11, 10);
        LocalDate longAgo = LocalDate.of(2010, 1, 1);
        assertThat(standard.owesMonth(nov, joined15, null)).isTrue();
        assertThat(standard.owesMonth(nov, longAgo, left10)).isTrue();
        assertThat(standard.owesMonth(YearMonth.of(2026, 12), longAgo, left10)).isFalse();
        DuesRule first = new DuesRule(YearMonth.of(2020, 1), new BigDecimal("0.005"), 1000, RoundingMode.HALF_UP,
                RoundingUnit.FEN, MidMonthRule.ACTIVE_ON_FIRST_DAY, List.of());
        assertThat(first.owesMonth(nov, joined15, null)).isFalse();
        assertThat(first.owesMonth(nov, longAgo, left10)).isTrue();
        DuesRule last = new DuesRule(YearMonth.of(2020, 1), new BigDecimal("0.005"), 1000, RoundingMode.HALF_UP,
                RoundingUnit.FEN, MidMonthRule.ACTIVE_ON_LAST_DAY, List.of());
        assertThat(last.owesMonth(nov, joined15, null)).isTrue();
        assertThat(last.owesMonth(nov, longAgo, left10)).isFalse();
    }

    @Test
    void amountsInChineseCapitals() {
        assertThat(ChineseAmount.of(2835)).isEqualTo("贰拾捌元叁角伍分");
        assertThat(ChineseAmount.of(10000)).isEqualTo("壹佰元整");
        assertThat(ChineseAmount.of(100550)).isEqualTo("壹仟零伍元伍角");
        assertThat(ChineseAmount.of(5)).isEqualTo("伍分");
        assertThat(ChineseAmount.of(0)).isEqualTo("零元整");
        assertThat(ChineseAmount.of(100005)).isEqualTo("壹仟元零伍分");
        assertThat(ChineseAmount.of(1000500)).isEqualTo("壹万零伍元整");
        assertThat(ChineseAmount.of(10000000000L)).isEqualTo("壹亿元整");
        assertThat(ChineseAmount.of(10001000000L)).isEqualTo("壹亿零壹万元整");
        assertThat(ChineseAmount.of(10010000000L)).isEqualTo("壹亿零壹拾万元整");
    }
}
