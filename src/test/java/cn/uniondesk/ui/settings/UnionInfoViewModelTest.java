package cn.uniondesk.ui.settings;

import static cn.uniondesk.domain.CreditCodeTest.withCheck;
import static org.assertj.core.api.Assertions.assertThat;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.app.AppLoginGateway;
import cn.uniondesk.domain.Role;
import cn.uniondesk.domain.UnionInfo;
import cn.uniondesk.domain.UnionInfoValidation.Field;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.BatchService;
import cn.uniondesk.service.RuleViolationException;
import cn.uniondesk.testing.TestApp;
import cn.uniondesk.ui.TestData;
import cn.uniondesk.ui.common.ErrorText;
import cn.uniondesk.ui.common.SameThreadExecutor;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The 本单位 tab's form over a real database. */
class UnionInfoViewModelTest {
    static final Messages M = Messages.chinese();
    static final String CODE = withCheck("81320505MC0000003");

    @TempDir
    Path dir;

    private static UnionInfoViewModel vm(AppContext ctx) {
        return new UnionInfoViewModel(ctx.union(), ctx.session(), new SameThreadExecutor(), M);
    }

    @Test
    void loadsTheUnionAndSavesTheChangedDetailsNormalised() {
        try (AppContext ctx = TestApp.open(dir)) {
            ctx.union().save(new UnionInfo("某机械厂工会", null, null, null));
            UnionInfoViewModel vm = vm(ctx);
            List<UnionInfo> saved = new ArrayList<>();
            vm.setOnSaved(saved::add);
            vm.load();
            assertThat(vm.nameProperty().get()).isEqualTo("某机械厂工会");
            assertThat(vm.orgCodeProperty().get()).isEmpty();
            assertThat(vm.orgCodeNoteProperty().get()).isEqualTo("尚未填写统一社会信用代码：填写后才能生成上报批次。");
            assertThat(vm.editable()).isTrue();

            vm.orgCodeProperty().set(CODE.toLowerCase());
            vm.upperUnionProperty().set("苏州市虎丘区总工会");
            vm.regionCodeProperty().set("320505");
            assertThat(vm.orgCodeNoteProperty().get()).isEmpty();
            assertThat(vm.regionNameProperty().get()).isEqualTo("江苏省苏州市虎丘区");
            int audit = ctx.audit().count();
            vm.save();
            assertThat(vm.errorProperty().get()).isEmpty();
            assertThat(vm.statusProperty().get()).isEqualTo("已保存本单位信息");
            assertThat(vm.orgCodeProperty().get()).as("shown as stored").isEqualTo(CODE);
            UnionInfo expected = new UnionInfo("某机械厂工会", CODE, "苏州市虎丘区总工会", "320505");
            assertThat(ctx.union().union()).contains(expected);
            assertThat(saved).containsExactly(expected);
            assertThat(ctx.audit().count()).isEqualTo(audit + 1);

            vm.save();
            assertThat(vm.statusProperty().get()).isEqualTo("没有改动，无需保存");
            assertThat(ctx.audit().count()).isEqualTo(audit + 1);
        }
    }

    @Test
    void badInputShowsAMessageAtEachWrongFieldAndSavesNothing() {
        try (AppContext ctx = TestApp.open(dir)) {
            UnionInfo before = new UnionInfo("某机械厂工会", CODE, null, "320505");
            ctx.union().save(before);
            UnionInfoViewModel vm = vm(ctx);
            vm.load();
            int audit = ctx.audit().count();

            vm.nameProperty().set("  ");
            vm.orgCodeProperty().set(CODE.substring(0, 17) + (CODE.charAt(17) == '0' ? '1' : '0'));
            vm.regionCodeProperty().set("32050");
            vm.save();
            assertThat(vm.errorProperty(Field.NAME).get()).isEqualTo("请填写工会名称");
            assertThat(vm.errorProperty(Field.ORG_CODE).get()).startsWith("统一社会信用代码校验不通过：第 18 位");
            assertThat(vm.errorProperty(Field.UPPER_UNION).get()).isEmpty();
            assertThat(vm.errorProperty(Field.REGION_CODE).get()).isEqualTo("行政区划代码应为 6 位数字：32050");
            assertThat(vm.statusProperty().get()).isEqualTo("未保存：请改正标出的项");

            vm.nameProperty().set("某机械厂工会");
            vm.orgCodeProperty().set("8132050");
            vm.regionCodeProperty().set("320505");
            vm.save();
            assertThat(vm.errorProperty(Field.NAME).get()).isEmpty();
            assertThat(vm.errorProperty(Field.ORG_CODE).get()).isEqualTo("统一社会信用代码应为 18 位，现在是 7 位");
            vm.orgCodeProperty().set("81320505MC000000I" + CODE.charAt(17));
            vm.save();
            assertThat(vm.errorProperty(Field.ORG_CODE).get())
                    .isEqualTo("统一社会信用代码第 17 位“I”不是允许的字符（只用数字和大写字母，不用 I、O、S、V、Z）");

            assertThat(ctx.union().union()).as("nothing saved").contains(before);
            assertThat(ctx.audit().count()).as("no audit row").isEqualTo(audit);
        }
    }

    @Test
    void aClerkSeesTheDetailsButCannotSaveThem() {
        try (AppContext ctx = TestApp.open(dir)) {
            UnionInfo before = new UnionInfo("某机械厂工会", CODE, null, null);
            ctx.union().save(before);
            ctx.session().switchTo("小王", Role.CLERK);
            UnionInfoViewModel vm = vm(ctx);
            vm.load();
            assertThat(vm.editable()).isFalse();
            assertThat(vm.orgCodeProperty().get()).isEqualTo(CODE);
            assertThat(vm.readOnlyNote()).isEqualTo("当前角色（干事）只能查看本单位信息；修改须由管理员进行。");
            int audit = ctx.audit().count();
            vm.nameProperty().set("别的工会");
            vm.save();
            assertThat(vm.errorProperty().get()).isEqualTo(vm.readOnlyNote());
            assertThat(ctx.union().union()).contains(before);
            assertThat(ctx.audit().count()).isEqualTo(audit);
        }
    }

    @Test
    void anEnterpriseCodeIsSavedWithAWarningShownBeforehand() {
        try (AppContext ctx = TestApp.open(dir)) {
            ctx.union().save(new UnionInfo("某机械厂工会", null, null, null));
            UnionInfoViewModel vm = vm(ctx);
            vm.load();
            String enterprise = withCheck("91320505MA1X2Y3K4");
            vm.orgCodeProperty().set(enterprise);
            assertThat(vm.orgCodeNoteProperty().get()).startsWith("以“91”开头的是企业");
            vm.save();
            assertThat(ctx.union().union().orElseThrow().orgCode()).isEqualTo(enterprise);
        }
    }

    @Test
    void aUnionSetUpWithoutACodeGetsOneInTheTabAndThenExportsItsBatch() {
        AppLoginGateway g = new AppLoginGateway(dir, TestData.CLOCK);
        g.create("某机械厂工会", null, "admin", "secret-pass".toCharArray());
        try {
            AppContext ctx = g.context();
            YearMonth month = YearMonth.from(ctx.members().today());
            Throwable refused = org.assertj.core.api.Assertions.catchThrowable(
                    () -> ctx.batches().export(month, false, null));
            assertThat(refused).isInstanceOf(RuleViolationException.class);
            assertThat(ErrorText.of(refused, M)).contains("设置 → 本单位");

            UnionInfoViewModel vm = vm(ctx);
            vm.load();
            assertThat(vm.nameProperty().get()).isEqualTo("某机械厂工会");
            vm.orgCodeProperty().set(CODE);
            vm.save();
            assertThat(vm.statusProperty().get()).isEqualTo("已保存本单位信息");

            BatchService.Exported e = ctx.batches().export(month, false, null);
            assertThat(e.file().getFileName().toString()).startsWith(CODE + "-" + month + "-");
            assertThat(ctx.batches().verify(e.file()).ok()).isTrue();
        } finally {
            g.closeSession(false);
        }
    }
}
