package cn.uniondesk.ui.cases;

import cn.uniondesk.domain.Member;
import cn.uniondesk.domain.Money;
import cn.uniondesk.domain.cases.Eligibility;
import cn.uniondesk.domain.cases.HardshipDraft;
import cn.uniondesk.domain.cases.HardshipEnums.Category;
import cn.uniondesk.domain.cases.HardshipEnums.Cause;
import cn.uniondesk.domain.cases.HardshipEnums.Health;
import cn.uniondesk.domain.cases.HardshipEnums.Housing;
import cn.uniondesk.domain.cases.HardshipEnums.WorkStatus;
import cn.uniondesk.domain.cases.HardshipFile;
import cn.uniondesk.domain.cases.HouseholdMember;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.HardshipService;
import cn.uniondesk.ui.common.BackgroundExecutor;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The hardship file form (困难职工档案): the worker's situation, household members with their own
 * ID numbers and incomes, causes and bank account. Household income, income per head and
 * eligibility against the city's 低保 line are shown as they are typed; the service checks and
 * stores (create, or update with the history of changes).
 */
public final class HardshipFormViewModel {
    /** One household member as typed. */
    public static final class HouseholdInput {
        private final StringProperty name = new SimpleStringProperty("");
        private final StringProperty relation = new SimpleStringProperty("");
        private final StringProperty idNumber = new SimpleStringProperty("");
        private final ObjectProperty<Health> health = new SimpleObjectProperty<>(Health.HEALTHY);
        private final StringProperty income = new SimpleStringProperty("0");
        private final StringProperty occupation = new SimpleStringProperty("");

        public StringProperty nameProperty() {
            return name;
        }

        public StringProperty relationProperty() {
            return relation;
        }

        public StringProperty idNumberProperty() {
            return idNumber;
        }

        public ObjectProperty<Health> healthProperty() {
            return health;
        }

        public StringProperty incomeProperty() {
            return income;
        }

        public StringProperty occupationProperty() {
            return occupation;
        }

        Observable[] observables() {
            return new Observable[] {name, relation, idNumber, health, income, occupation};
        }
    }

    private final HardshipService hardship;
    private final Member member;
    private final HardshipFile existing;
    private final BackgroundExecutor executor;
    private final Messages messages;
    private final CaseText text;
    private final LocalDate today;
    private final Consumer<HardshipFile> onSaved;

    private final ObjectProperty<Category> category = new SimpleObjectProperty<>();
    private final ObjectProperty<Health> health = new SimpleObjectProperty<>();
    private final StringProperty disability = new SimpleStringProperty("");
    private final ObjectProperty<WorkStatus> workStatus = new SimpleObjectProperty<>();
    private final ObjectProperty<Housing> housing = new SimpleObjectProperty<>();
    private final StringProperty city = new SimpleStringProperty("");
    private final StringProperty memberIncome = new SimpleStringProperty("");
    private final ObjectProperty<Cause> mainCause = new SimpleObjectProperty<>();
    private final ObservableList<Cause> secondaryCauses = FXCollections.observableArrayList();
    private final StringProperty bankName = new SimpleStringProperty("");
    private final StringProperty bankAccount = new SimpleStringProperty("");
    private final StringProperty accountHolder = new SimpleStringProperty("");
    private final StringProperty filedBy = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> filedOn = new SimpleObjectProperty<>();
    private final StringProperty notes = new SimpleStringProperty("");
    private final StringProperty comment = new SimpleStringProperty("");
    private final ObservableList<HouseholdInput> household = FXCollections.observableArrayList(
            h -> h.observables());
    private final ReadOnlyStringWrapper incomeText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper eligibilityText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper eligible = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final AtomicLong generation = new AtomicLong();

    HardshipFormViewModel(HardshipService hardship, Member member, HardshipFile existing,
            BackgroundExecutor executor, Messages messages, LocalDate today, Consumer<HardshipFile> onSaved) {
        this.hardship = hardship;
        this.member = member;
        this.existing = existing;
        this.executor = executor;
        this.messages = messages;
        this.text = new CaseText(messages);
        this.today = today;
        this.onSaved = onSaved;
        if (existing != null) {
            HardshipDraft d = existing.data();
            category.set(d.category());
            health.set(d.health());
            disability.set(nz(d.disability()));
            workStatus.set(d.workStatus());
            housing.set(d.housing());
            city.set(nz(d.city()));
            memberIncome.set(d.memberIncome() == null ? "" : d.memberIncome().toYuanString());
            mainCause.set(d.mainCause());
            secondaryCauses.setAll(d.secondaryCauses());
            bankName.set(nz(d.bankName()));
            bankAccount.set(nz(d.bankAccount()));
            accountHolder.set(nz(d.accountHolder()));
            filedBy.set(nz(d.filedBy()));
            filedOn.set(d.filedOn());
            notes.set(nz(d.notes()));
            for (HouseholdMember h : d.household()) {
                HouseholdInput in = new HouseholdInput();
                in.name.set(nz(h.name()));
                in.relation.set(nz(h.relation()));
                in.idNumber.set(nz(h.idNumber()));
                in.health.set(h.health());
                in.income.set(h.monthlyIncome() == null ? "" : h.monthlyIncome().toYuanString());
                in.occupation.set(nz(h.occupation()));
                household.add(in);
            }
        } else {
            filedOn.set(today);
            accountHolder.set(member.name());
        }
        for (Observable o : new Observable[] {memberIncome, city, mainCause, filedOn}) {
            o.addListener(x -> recompute());
        }
        secondaryCauses.addListener((ListChangeListener<Cause>) c -> recompute());
        household.addListener((ListChangeListener<HouseholdInput>) c -> recompute());
        recompute();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    public String title() {
        return messages.get(existing == null ? "ui.hardship.titleNew" : "ui.hardship.titleEdit", member.name());
    }

    public boolean isNew() {
        return existing == null;
    }

    public void addHouseholdMember() {
        household.add(new HouseholdInput());
    }

    public void removeHouseholdMember(HouseholdInput h) {
        household.remove(h);
    }

    private static Money money(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Money.parseYuan(s.strip());
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Household size, income and income per head now; eligibility asked of the service (the city's 低保 line). */
    private void recompute() {
        Money own = money(memberIncome.get());
        long total = own == null ? 0 : own.fen();
        boolean complete = own != null && own.fen() >= 0;
        for (HouseholdInput h : household) {
            Money m = money(h.income.get());
            if (m == null || m.fen() < 0) {
                complete = false;
            } else {
                total += m.fen();
            }
        }
        int size = 1 + household.size();
        Money income = Money.ofFen(total);
        Money perHead = Money.ofFen(Math.floorDiv(total, size));
        long gen = generation.incrementAndGet();
        if (!complete) {
            incomeText.set(messages.get("ui.hardship.incomeIncomplete"));
            eligibilityText.set("");
            eligible.set(false);
            return;
        }
        incomeText.set(messages.get("ui.hardship.incomeLine", size, text.yuan(income), text.yuan(perHead)));
        if (city.get() == null || city.get().isBlank() || mainCause.get() == null) {
            eligibilityText.set(messages.get("ui.hardship.needCityAndCause"));
            eligible.set(false);
            return;
        }
        HardshipFile probe = new HardshipFile(0, member.id(), draft(), null, null, null, today, true);
        int year = (filedOn.get() == null ? today : filedOn.get()).getYear();
        executor.run(() -> hardship.eligibility(probe, year), e -> {
            if (gen == generation.get()) {
                eligible.set(e.verdict().eligible());
                eligibilityText.set(describe(e));
            }
        }, e -> {
                if (gen == generation.get()) {
                    eligibilityText.set(text.error(e));
                }
            });
    }

    private String describe(Eligibility e) {
        String verdict = messages.get(e.verdict().key());
        if (e.line() == null) {
            return verdict;
        }
        return messages.get("ui.hardship.eligibilityLine", verdict, text.yuan(e.line()), text.yuan(e.bandLimit()));
    }

    private HardshipDraft draft() {
        List<HouseholdMember> hh = new ArrayList<>();
        for (HouseholdInput h : household) {
            hh.add(new HouseholdMember(h.name.get(), h.relation.get(), h.idNumber.get(), h.health.get(),
                    money(h.income.get()), blank(h.occupation.get())));
        }
        return new HardshipDraft(member.id(), category.get(), health.get(), blank(disability.get()), workStatus.get(),
                housing.get(), city.get() == null ? null : city.get().strip(), money(memberIncome.get()),
                mainCause.get(), List.copyOf(secondaryCauses), blank(bankName.get()), blank(bankAccount.get()),
                blank(accountHolder.get()), blank(filedBy.get()), filedOn.get(), blank(notes.get()), hh);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Saves through the service; its problems (every one, with the household member concerned) are shown. */
    public boolean save(Runnable onClose) {
        List<String> problems = new ArrayList<>();
        if (blank(memberIncome.get()) != null && money(memberIncome.get()) == null) {
            problems.add(messages.get("ui.hardship.badAmount", messages.get("hardship.field.memberIncome"),
                    memberIncome.get()));
        }
        for (HouseholdInput h : household) {
            if (blank(h.income.get()) != null && money(h.income.get()) == null) {
                problems.add(messages.get("ui.hardship.badAmount", nz(h.name.get()), h.income.get()));
            }
        }
        if (!problems.isEmpty()) {
            error.set(String.join("\n", problems));
            return false;
        }
        HardshipDraft d = draft();
        String note = comment.get();
        busy.set(true);
        executor.run(() -> existing == null ? hardship.create(d) : hardship.update(existing.id(), d, note), f -> {
            busy.set(false);
            error.set("");
            onClose.run();
            onSaved.accept(f);
        }, e -> {
                busy.set(false);
                error.set(text.error(e));
            });
        return true;
    }

    public ObjectProperty<Category> categoryProperty() {
        return category;
    }

    public ObjectProperty<Health> healthProperty() {
        return health;
    }

    public StringProperty disabilityProperty() {
        return disability;
    }

    public ObjectProperty<WorkStatus> workStatusProperty() {
        return workStatus;
    }

    public ObjectProperty<Housing> housingProperty() {
        return housing;
    }

    public StringProperty cityProperty() {
        return city;
    }

    public StringProperty memberIncomeProperty() {
        return memberIncome;
    }

    public ObjectProperty<Cause> mainCauseProperty() {
        return mainCause;
    }

    public ObservableList<Cause> secondaryCauses() {
        return secondaryCauses;
    }

    public StringProperty bankNameProperty() {
        return bankName;
    }

    public StringProperty bankAccountProperty() {
        return bankAccount;
    }

    public StringProperty accountHolderProperty() {
        return accountHolder;
    }

    public StringProperty filedByProperty() {
        return filedBy;
    }

    public ObjectProperty<LocalDate> filedOnProperty() {
        return filedOn;
    }

    public StringProperty notesProperty() {
        return notes;
    }

    public StringProperty commentProperty() {
        return comment;
    }

    public ObservableList<HouseholdInput> household() {
        return household;
    }

    public ReadOnlyStringProperty incomeTextProperty() {
        return incomeText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty eligibilityTextProperty() {
        return eligibilityText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty eligibleProperty() {
        return eligible.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public Messages messages() {
        return messages;
    }
}
