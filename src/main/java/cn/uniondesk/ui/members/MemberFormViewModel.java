package cn.uniondesk.ui.members;

import cn.uniondesk.domain.Department;
import cn.uniondesk.domain.FieldIssue;
import cn.uniondesk.domain.IdNumber;
import cn.uniondesk.domain.InvalidIdNumberException;
import cn.uniondesk.domain.Member;
import cn.uniondesk.domain.MemberDraft;
import cn.uniondesk.domain.MemberEventType;
import cn.uniondesk.domain.MemberField;
import cn.uniondesk.domain.MemberStatus;
import cn.uniondesk.domain.MemberValidation;
import cn.uniondesk.domain.TextNormalizer;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.LifecycleRequest;
import cn.uniondesk.service.MemberService;
import cn.uniondesk.service.SaveResult;
import cn.uniondesk.service.ValidationException;
import cn.uniondesk.ui.common.BackgroundExecutor;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.Property;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The add / edit member form. Validates as the clerk types with the shared
 * {@link MemberValidation} rules; each issue is shown at its field (once the field was touched, or
 * after a save attempt). A valid ID number fills birth date and gender. Nothing is saved while an
 * error remains.
 */
public final class MemberFormViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(MemberFormViewModel.class);

    private final MemberService members;
    private final BackgroundExecutor executor;
    private final Messages messages;
    private final Member editing;
    private final MemberValidation validation;

    private final StringProperty name = new SimpleStringProperty("");
    /** Gender code M / F, or empty to take it from the ID number. */
    private final StringProperty gender = new SimpleStringProperty("");
    private final StringProperty ethnicity = new SimpleStringProperty("");
    private final StringProperty idNumber = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> birthDate = new SimpleObjectProperty<>();
    private final StringProperty mobile = new SimpleStringProperty("");
    private final StringProperty education = new SimpleStringProperty("");
    private final StringProperty politicalStatus = new SimpleStringProperty("");
    private final ObjectProperty<Department> department = new SimpleObjectProperty<>();
    private final StringProperty job = new SimpleStringProperty("");
    private final StringProperty employmentType = new SimpleStringProperty("");
    private final BooleanProperty migrantWorker = new SimpleBooleanProperty(false);
    /** Household code URBAN / RURAL, or empty. */
    private final StringProperty householdType = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> joinDate = new SimpleObjectProperty<>();
    private final StringProperty cardNo = new SimpleStringProperty("");
    private final StringProperty monthlyWage = new SimpleStringProperty("");
    private final BooleanProperty hardship = new SimpleBooleanProperty(false);
    private final StringProperty hardshipLevel = new SimpleStringProperty("");
    private final StringProperty notes = new SimpleStringProperty("");

    /** How a new member enters: JOIN or TRANSFER_IN (with the sending union and its reference). */
    private final ObjectProperty<MemberEventType> entry = new SimpleObjectProperty<>(MemberEventType.JOIN);
    private final StringProperty counterpartUnion = new SimpleStringProperty("");
    private final StringProperty referenceNo = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper counterpartError = new ReadOnlyStringWrapper("");

    private final ObservableList<Department> departments = FXCollections.observableArrayList();
    private final ObservableList<Department> departmentsView = FXCollections.unmodifiableObservableList(departments);
    private final ObservableMap<MemberField, String> errors = FXCollections.observableMap(new EnumMap<>(MemberField.class));
    private final ObservableMap<MemberField, String> errorsView = FXCollections.unmodifiableObservableMap(errors);
    private final ObservableMap<MemberField, String> warnings = FXCollections.observableMap(new EnumMap<>(MemberField.class));
    private final ObservableMap<MemberField, String> warningsView = FXCollections.unmodifiableObservableMap(warnings);
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");

    private final Set<MemberField> touched = EnumSet.noneOf(MemberField.class);
    private final Map<MemberField, List<FieldIssue>> serverIssues = new EnumMap<>(MemberField.class);
    private boolean showAll;
    private boolean filling;
    private boolean genderFromId;
    private boolean birthFromId;

    MemberFormViewModel(MemberService members, BackgroundExecutor executor, Messages messages, Member editing) {
        this.members = members;
        this.executor = executor;
        this.messages = messages;
        this.editing = editing;
        this.validation = members.validation();
        if (editing != null) {
            fillFrom(MemberDraft.of(editing));
        }
        watch(name, MemberField.NAME);
        watch(gender, MemberField.GENDER);
        watch(ethnicity, MemberField.ETHNICITY);
        watch(idNumber, MemberField.ID_NUMBER);
        watch(birthDate, MemberField.BIRTH_DATE);
        watch(mobile, MemberField.MOBILE);
        watch(education, MemberField.EDUCATION);
        watch(politicalStatus, MemberField.POLITICAL_STATUS);
        watch(department, MemberField.DEPARTMENT);
        watch(job, MemberField.JOB);
        watch(employmentType, MemberField.EMPLOYMENT_TYPE);
        watch(migrantWorker, MemberField.MIGRANT_WORKER);
        watch(householdType, MemberField.HOUSEHOLD_TYPE);
        watch(joinDate, MemberField.JOIN_DATE);
        watch(cardNo, MemberField.CARD_NO);
        watch(monthlyWage, MemberField.MONTHLY_WAGE);
        watch(hardship, MemberField.HARDSHIP_LEVEL);
        watch(hardshipLevel, MemberField.HARDSHIP_LEVEL);
        watch(notes, MemberField.NOTES);
        idNumber.addListener((o, a, b) -> fillFromIdNumber(b));
        gender.addListener((o, a, b) -> genderFromId = genderFromId && filling);
        birthDate.addListener((o, a, b) -> birthFromId = birthFromId && filling);
        counterpartUnion.addListener((o, a, b) -> revalidate());
        entry.addListener((o, a, b) -> revalidate());
        revalidate();
    }

    /** Loads the department choices (in the background). */
    public void load() {
        executor.run(members::departments, list -> {
            departments.setAll(list);
            if (editing != null && editing.departmentId() != null) {
                list.stream().filter(d -> d.id() == editing.departmentId()).findFirst().ifPresent(d -> {
                    filling = true;
                    department.set(d);
                    filling = false;
                });
            }
        }, e -> {
            LOG.error("Loading departments failed", e);
            summary.set(messages.get("ui.error.unexpected", e.getClass().getSimpleName()));
        });
    }

    private void fillFrom(MemberDraft d) {
        name.set(nz(d.name()));
        gender.set(nz(d.gender()));
        ethnicity.set(nz(d.ethnicity()));
        idNumber.set(nz(d.idNumber()));
        birthDate.set(d.birthDate());
        mobile.set(nz(d.mobile()));
        education.set(nz(d.education()));
        politicalStatus.set(nz(d.politicalStatus()));
        job.set(nz(d.job()));
        employmentType.set(nz(d.employmentType()));
        migrantWorker.set(d.migrantWorker());
        householdType.set(nz(d.householdType()));
        joinDate.set(d.joinDate());
        cardNo.set(nz(d.cardNo()));
        monthlyWage.set(nz(d.monthlyWageYuan()));
        hardship.set(d.hardship());
        hardshipLevel.set(nz(d.hardshipLevel()));
        notes.set(nz(d.notes()));
    }

    private void watch(Property<?> p, MemberField f) {
        p.addListener((o, a, b) -> {
            if (!filling) {
                touched.add(f);
            }
            serverIssues.remove(f);
            revalidate();
        });
    }

    /** A valid ID number fills birth date and gender, unless the clerk typed them. */
    private void fillFromIdNumber(String text) {
        IdNumber id;
        try {
            id = IdNumber.parse(text, members.today(), members.regions());
        } catch (InvalidIdNumberException e) {
            return; // shown at the field by the validation
        }
        filling = true;
        try {
            if (gender.get().isEmpty() || genderFromId) {
                gender.set(id.gender().name());
                genderFromId = true;
            }
            if (birthDate.get() == null || birthFromId) {
                birthDate.set(id.birthDate());
                birthFromId = true;
            }
        } finally {
            filling = false;
        }
        revalidate();
    }

    public MemberDraft draft() {
        Department d = department.get();
        return new MemberDraft(name.get(), gender.get(), ethnicity.get(), idNumber.get(), birthDate.get(), mobile.get(),
                education.get(), politicalStatus.get(), d == null ? null : d.id(), job.get(), employmentType.get(),
                migrantWorker.get(), householdType.get(), joinDate.get(), cardNo.get(), monthlyWage.get(),
                hardship.get(), hardshipLevel.get(), notes.get());
    }

    private void revalidate() {
        MemberStatus status = editing == null ? MemberStatus.ACTIVE : editing.status();
        MemberValidation.Result r = validation.validate(draft(), editing == null ? null : editing.id(), status);
        List<FieldIssue> all = new ArrayList<>(r.issues());
        serverIssues.values().forEach(all::addAll);
        Map<MemberField, String> e = new EnumMap<>(MemberField.class);
        Map<MemberField, String> w = new EnumMap<>(MemberField.class);
        boolean anyError = false;
        Set<MemberField> hidden = EnumSet.noneOf(MemberField.class);
        for (FieldIssue i : all) {
            anyError |= i.isError();
            if (!showAll && !touched.contains(i.field())) {
                if (i.isError()) {
                    hidden.add(i.field());
                }
                continue;
            }
            (i.isError() ? e : w).putIfAbsent(i.field(), text(i));
        }
        boolean counterpartMissing = isNew() && entry.get() == MemberEventType.TRANSFER_IN
                && TextNormalizer.normalize(counterpartUnion.get()).isEmpty();
        counterpartError.set(counterpartMissing && showAll ? messages.get("lifecycle.counterpartRequired") : "");
        anyError |= counterpartMissing;
        replace(errors, e);
        replace(warnings, w);
        valid.set(!anyError);
        List<String> names = new ArrayList<>();
        hidden.forEach(f -> names.add(messages.get(f.labelKey())));
        if (counterpartMissing && !showAll) {
            names.add(messages.get("ui.form.sendingUnion"));
        }
        summary.set(names.isEmpty() ? "" : messages.get("ui.form.incomplete", String.join(messages.get("ui.listSeparator"), names)));
    }

    private static void replace(ObservableMap<MemberField, String> target, Map<MemberField, String> next) {
        target.keySet().retainAll(next.keySet());
        target.putAll(next);
    }

    private String text(FieldIssue i) {
        return messages.get(i.messageKey(), i.args().toArray());
    }

    /**
     * Saves when valid: {@code register} for a new member (入会 or 转入), {@code update} for an
     * edit. Returns false (and shows every issue) when the form has errors: nothing is written.
     */
    public boolean save(Consumer<Long> onSaved) {
        showAll = true;
        revalidate();
        if (!valid.get() || saving.get()) {
            return false;
        }
        saving.set(true);
        MemberDraft d = draft();
        MemberEventType how = entry.get();
        LifecycleRequest req = new LifecycleRequest(how, how == MemberEventType.TRANSFER_IN ? joinDate.get() : null,
                null, referenceNo.get(), counterpartUnion.get());
        executor.run(() -> editing == null ? members.register(d, req) : members.update(editing.id(), d),
                (SaveResult r) -> {
                    saving.set(false);
                    onSaved.accept(r.memberId());
                }, this::saveFailed);
        return true;
    }

    private void saveFailed(Throwable e) {
        saving.set(false);
        if (e instanceof ValidationException ve) {
            for (FieldIssue i : ve.issues()) {
                if ("lifecycle.counterpartRequired".equals(i.messageKey())) {
                    counterpartError.set(text(i));
                } else {
                    serverIssues.computeIfAbsent(i.field(), f -> new ArrayList<>()).add(i);
                }
            }
            revalidate();
        } else {
            LOG.error("Saving member failed", e);
            summary.set(messages.get("ui.error.unexpected", e.getClass().getSimpleName()));
        }
    }

    public boolean isNew() {
        return editing == null;
    }

    /** The visible error at a field, or null. */
    public String errorFor(MemberField f) {
        return errors.get(f);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty genderProperty() {
        return gender;
    }

    public StringProperty ethnicityProperty() {
        return ethnicity;
    }

    public StringProperty idNumberProperty() {
        return idNumber;
    }

    public ObjectProperty<LocalDate> birthDateProperty() {
        return birthDate;
    }

    public StringProperty mobileProperty() {
        return mobile;
    }

    public StringProperty educationProperty() {
        return education;
    }

    public StringProperty politicalStatusProperty() {
        return politicalStatus;
    }

    public ObjectProperty<Department> departmentProperty() {
        return department;
    }

    public StringProperty jobProperty() {
        return job;
    }

    public StringProperty employmentTypeProperty() {
        return employmentType;
    }

    public BooleanProperty migrantWorkerProperty() {
        return migrantWorker;
    }

    public StringProperty householdTypeProperty() {
        return householdType;
    }

    public ObjectProperty<LocalDate> joinDateProperty() {
        return joinDate;
    }

    public StringProperty cardNoProperty() {
        return cardNo;
    }

    public StringProperty monthlyWageProperty() {
        return monthlyWage;
    }

    public BooleanProperty hardshipProperty() {
        return hardship;
    }

    public StringProperty hardshipLevelProperty() {
        return hardshipLevel;
    }

    public StringProperty notesProperty() {
        return notes;
    }

    public ObjectProperty<MemberEventType> entryProperty() {
        return entry;
    }

    public StringProperty counterpartUnionProperty() {
        return counterpartUnion;
    }

    public StringProperty referenceNoProperty() {
        return referenceNo;
    }

    public ReadOnlyStringProperty counterpartErrorProperty() {
        return counterpartError.getReadOnlyProperty();
    }

    public ObservableList<Department> departments() {
        return departmentsView;
    }

    public ObservableMap<MemberField, String> errors() {
        return errorsView;
    }

    public ObservableMap<MemberField, String> warnings() {
        return warningsView;
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public Messages messages() {
        return messages;
    }
}
