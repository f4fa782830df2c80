package cn.uniondesk.ui.members;

import static org.assertj.core.api.Assertions.assertThat;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.domain.MemberField;
import cn.uniondesk.domain.MemberRow;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.MemberQuery;
import cn.uniondesk.ui.TestData;
import cn.uniondesk.ui.common.SameThreadExecutor;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemberFormViewModelTest {
    @TempDir
    Path dir;
    AppContext ctx;
    final Messages messages = Messages.chinese();
    MemberFormViewModel form;

    @BeforeEach
    void open() {
        ctx = TestData.demo(dir);
        form = new MemberListViewModel(ctx.members(), new SameThreadExecutor(), messages).newMemberForm();
        form.load();
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    @Test
    void wrongCheckDigitIsShownAtTheIdNumberFieldInChinese() {
        String wrong = TestData.ZSF_ID.substring(0, 17) + (TestData.ZSF_ID.charAt(17) == '1' ? '2' : '1');
        form.idNumberProperty().set(wrong);
        assertThat(form.errorFor(MemberField.ID_NUMBER)).isEqualTo("公民身份号码校验位不正确，请核对是否输错");
        assertThat(form.validProperty().get()).isFalse();
    }

    @Test
    void validIdNumberFillsBirthDateAndGender() {
        form.idNumberProperty().set(TestData.ZSF_ID);
        assertThat(form.birthDateProperty().get()).isEqualTo(LocalDate.of(1990, 3, 7));
        assertThat(form.genderProperty().get()).isEqualTo("M");
        assertThat(form.errorFor(MemberField.ID_NUMBER)).isNull();
        assertThat(form.errorFor(MemberField.GENDER)).isNull();
    }

    @Test
    void genderDisagreeingWithIdNumberIsFlaggedAtTheGenderField() {
        form.idNumberProperty().set(TestData.ZSF_ID);
        form.genderProperty().set("F");
        assertThat(form.errorFor(MemberField.GENDER)).isEqualTo("性别与公民身份号码不符（号码显示为男）");
        form.birthDateProperty().set(LocalDate.of(1991, 1, 1));
        assertThat(form.errorFor(MemberField.BIRTH_DATE)).isEqualTo("出生日期与公民身份号码不符（号码显示为 1990-03-07）");
    }

    @Test
    void saveIsRefusedWhileInvalidAndNothingIsWritten() {
        int before = ctx.members().count();
        form.nameProperty().set("张三丰");
        assertThat(form.errorFor(MemberField.ID_NUMBER)).as("untouched field stays quiet").isNull();
        assertThat(form.summaryProperty().get()).contains("公民身份号码").contains("入会日期");
        AtomicLong saved = new AtomicLong(-1);
        assertThat(form.save(saved::set)).isFalse();
        assertThat(saved.get()).isEqualTo(-1);
        assertThat(ctx.members().count()).isEqualTo(before);
        assertThat(form.errorFor(MemberField.ID_NUMBER)).isEqualTo("请填写公民身份号码");
        assertThat(form.errorFor(MemberField.JOIN_DATE)).isEqualTo("此项必填");
    }

    @Test
    void validFormRegistersTheMember() {
        int before = ctx.members().count();
        fillValid();
        assertThat(form.validProperty().get()).isTrue();
        AtomicLong saved = new AtomicLong(-1);
        assertThat(form.save(saved::set)).isTrue();
        assertThat(saved.get()).isPositive();
        assertThat(ctx.members().count()).isEqualTo(before + 1);
        assertThat(ctx.members().search(MemberQuery.text("zsf"))).extracting(MemberRow::name).contains("张三丰");
    }

    @Test
    void duplicateIdNumberFromTheServiceIsShownAtTheField() {
        MemberRow existing = ctx.members().search(MemberQuery.all()).get(0);
        int before = ctx.members().count();
        fillValid();
        form.idNumberProperty().set(existing.idNumber());
        form.genderProperty().set(existing.gender().name());
        form.birthDateProperty().set(null);
        form.idNumberProperty().set(existing.idNumber());
        assertThat(form.save(id -> { })).isTrue();
        assertThat(form.errorFor(MemberField.ID_NUMBER)).isEqualTo("该公民身份号码已登记（" + existing.name() + "）");
        assertThat(form.validProperty().get()).isFalse();
        assertThat(ctx.members().count()).isEqualTo(before);
    }

    @Test
    void transferInNeedsTheSendingUnion() {
        fillValid();
        form.entryProperty().set(cn.uniondesk.domain.MemberEventType.TRANSFER_IN);
        assertThat(form.validProperty().get()).isFalse();
        assertThat(form.save(id -> { })).isFalse();
        assertThat(form.counterpartErrorProperty().get()).isEqualTo("请填写对方工会名称");
        form.counterpartUnionProperty().set("苏州市某某公司工会");
        assertThat(form.validProperty().get()).isTrue();
    }

    @Test
    void editingAMemberSavesTheChangeAndRecordsItInTheHistory() {
        MemberListViewModel list = new MemberListViewModel(ctx.members(), new SameThreadExecutor(), messages);
        list.activate();
        list.statusFilterProperty().set(cn.uniondesk.domain.MemberStatus.ACTIVE);
        list.selectedRowProperty().set(list.rows().get(0));
        MemberFormViewModel edit = list.editForm();
        // the edit form shows full ID and mobile numbers: that view is in the audit trail
        long editedId = list.selectedMemberProperty().get().id();
        assertThat(ctx.audit().find(null, "member", Long.toString(editedId), 5))
                .anyMatch(e -> e.action().equals("SENSITIVE_VIEW") && "编辑会员资料".equals(e.reason()));
        edit.load();
        assertThat(edit.isNew()).isFalse();
        assertThat(edit.validProperty().get()).isTrue();
        assertThat(edit.departmentProperty().get()).isNotNull();
        edit.mobileProperty().set("13900001111");
        AtomicLong saved = new AtomicLong(-1);
        assertThat(edit.save(saved::set)).isTrue();
        list.refreshAfterChange(saved.get());
        assertThat(list.selectedMemberProperty().get().mobile()).isEqualTo("13900001111");
        assertThat(list.history()).extracting(e -> e.type()).contains(cn.uniondesk.domain.MemberEventType.UPDATE);
    }

    private void fillValid() {
        form.nameProperty().set("张三丰");
        form.idNumberProperty().set(TestData.ZSF_ID);
        form.joinDateProperty().set(LocalDate.of(2020, 5, 1));
        form.departmentProperty().set(form.departments().get(0));
    }
}
