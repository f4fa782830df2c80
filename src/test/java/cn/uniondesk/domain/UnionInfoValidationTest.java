package cn.uniondesk.domain;

import static cn.uniondesk.domain.CreditCodeTest.withCheck;
import static org.assertj.core.api.Assertions.assertThat;

import cn.uniondesk.domain.UnionInfoValidation.Field;
import org.junit.jupiter.api.Test;

class UnionInfoValidationTest {
    final UnionInfoValidation v = new UnionInfoValidation(Regions.standard());

    @Test
    void aCompleteUnionIsNormalisedAndPasses() {
        String code = withCheck("81320505MC0000001");
        UnionInfoValidation.Result r = v.validate(new UnionInfo("　苏州恒达工会 ", code.toLowerCase(), " 虎丘区总工会 ",
                "３２０５０５"));
        assertThat(r.issues()).isEmpty();
        assertThat(r.union()).isEqualTo(new UnionInfo("苏州恒达工会", code, "虎丘区总工会", "320505"));
    }

    @Test
    void onlyTheNameIsRequiredAndEmptyFieldsBecomeNull() {
        UnionInfoValidation.Result r = v.validate(new UnionInfo("某厂工会", " ", "", null));
        assertThat(r.hasErrors()).isFalse();
        assertThat(r.union()).isEqualTo(new UnionInfo("某厂工会", null, null, null));
        UnionInfoValidation.Result blank = v.validate(new UnionInfo("  ", null, null, null));
        assertThat(blank.errors()).extracting(UnionInfoValidation.Issue::field, UnionInfoValidation.Issue::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Field.NAME, "unioninfo.name.required"));
        assertThat(v.validate(new UnionInfo("工".repeat(101), null, null, null)).first(Field.NAME))
                .hasValueSatisfying(i -> assertThat(i.messageKey()).isEqualTo("unioninfo.name.tooLong"));
    }

    @Test
    void eachWrongFieldGetsItsOwnMessage() {
        String code = withCheck("81320505MC0000001");
        String typo = code.substring(0, 10) + "1" + code.substring(11);
        UnionInfoValidation.Result r = v.validate(new UnionInfo("", typo, "上".repeat(101), "32050"));
        assertThat(r.first(Field.NAME).orElseThrow().messageKey()).isEqualTo("unioninfo.name.required");
        assertThat(r.first(Field.ORG_CODE).orElseThrow().messageKey()).isEqualTo("unioninfo.orgCode.check");
        assertThat(r.first(Field.UPPER_UNION).orElseThrow().messageKey()).isEqualTo("unioninfo.upper.tooLong");
        assertThat(r.first(Field.REGION_CODE).orElseThrow().messageKey()).isEqualTo("unioninfo.region.format");
        assertThat(v.validate(new UnionInfo("工会", null, null, "329999")).first(Field.REGION_CODE).orElseThrow()
                .messageKey()).isEqualTo("unioninfo.region.unknown");
    }

    @Test
    void anEnterpriseCodeIsAWarningNotAnError() {
        UnionInfoValidation.Result r = v.validate(new UnionInfo("工会", withCheck("91320505MA1X2Y3K4"), null, null));
        assertThat(r.hasErrors()).isFalse();
        assertThat(r.first(Field.ORG_CODE).orElseThrow().messageKey()).isEqualTo("unioninfo.orgCode.enterprise");
        assertThat(r.first(Field.ORG_CODE).orElseThrow().args()).containsExactly("91");
    }
}
