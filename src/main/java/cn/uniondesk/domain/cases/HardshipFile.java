package cn.uniondesk.domain.cases;

import cn.uniondesk.domain.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A stored hardship file (困难职工档案). Household income counts the worker and every household
 * member; the income per head is that total divided by the household size (rounded down to the 分).
 */
public record HardshipFile(long id, long memberId, HardshipDraft data, String enteredBy, String reviewedBy,
        LocalDate reviewedOn, LocalDate nextReviewDue, boolean active) {

    /** The worker plus the household members. */
    public int householdSize() {
        return 1 + data.household().size();
    }

    public Money householdIncome() {
        long total = data.memberIncome().fen();
        for (HouseholdMember h : data.household()) {
            total = Math.addExact(total, h.monthlyIncome().fen());
        }
        return Money.ofFen(total);
    }

    public Money incomePerHead() {
        return Money.ofFen(Math.floorDiv(householdIncome().fen(), householdSize()));
    }

    /** The main cause first, then the secondary ones. */
    public List<HardshipEnums.Cause> causes() {
        List<HardshipEnums.Cause> out = new ArrayList<>();
        out.add(data.mainCause());
        data.secondaryCauses().stream().filter(c -> !out.contains(c)).forEach(out::add);
        return out;
    }

    /** Due for the yearly review on {@code today}. */
    public boolean reviewDue(LocalDate today) {
        return active && !nextReviewDue.isAfter(today);
    }
}
