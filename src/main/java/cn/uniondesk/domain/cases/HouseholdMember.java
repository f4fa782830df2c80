package cn.uniondesk.domain.cases;

import cn.uniondesk.domain.Money;

/** A member of the worker's household (not the worker): relation, own ID number, health and income. */
public record HouseholdMember(String name, String relation, String idNumber, HardshipEnums.Health health,
        Money monthlyIncome, String occupation) {
}
