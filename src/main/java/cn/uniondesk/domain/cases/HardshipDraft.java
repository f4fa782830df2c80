package cn.uniondesk.domain.cases;

import cn.uniondesk.domain.Money;
import java.time.LocalDate;
import java.util.List;

/**
 * A hardship file as entered: the worker's situation, own monthly income, household (others),
 * causes, the bank account for payments and who filed it. {@code filedBy} may name a person
 * without an account (e.g. the workshop's union group leader); the entering account is recorded
 * separately.
 */
public record HardshipDraft(long memberId, HardshipEnums.Category category, HardshipEnums.Health health,
        String disability, HardshipEnums.WorkStatus workStatus, HardshipEnums.Housing housing, String city,
        Money memberIncome, HardshipEnums.Cause mainCause, List<HardshipEnums.Cause> secondaryCauses,
        String bankName, String bankAccount, String accountHolder, String filedBy, LocalDate filedOn, String notes,
        List<HouseholdMember> household) {
    public HardshipDraft {
        secondaryCauses = secondaryCauses == null ? List.of() : List.copyOf(secondaryCauses);
        household = household == null ? List.of() : List.copyOf(household);
    }
}
