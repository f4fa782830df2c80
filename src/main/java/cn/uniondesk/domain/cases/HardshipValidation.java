package cn.uniondesk.domain.cases;

import cn.uniondesk.domain.IdNumber;
import cn.uniondesk.domain.InvalidIdNumberException;
import cn.uniondesk.domain.Regions;
import cn.uniondesk.domain.TextNormalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks a {@link HardshipDraft}; every problem is reported, with the household member it concerns. */
public final class HardshipValidation {
    private static final int MAX_HOUSEHOLD = 20;

    private HardshipValidation() {
    }

    /**
     * @param memberIdNumber the worker's own ID number (a household member may not repeat it)
     * @return the problems; empty when the draft may be stored. ID numbers in the household are
     *     normalised to 18 characters in {@code normalised}.
     */
    public static List<Problem> validate(HardshipDraft d, String memberIdNumber, LocalDate today, Regions regions,
            List<HouseholdMember> normalised) {
        List<Problem> p = new ArrayList<>();
        if (d.category() == null) {
            p.add(Problem.of("hardship.required", new Problem.Key("hardship.field.category")));
        }
        if (d.health() == null) {
            p.add(Problem.of("hardship.required", new Problem.Key("hardship.field.health")));
        }
        if (d.workStatus() == null) {
            p.add(Problem.of("hardship.required", new Problem.Key("hardship.field.workStatus")));
        }
        if (d.housing() == null) {
            p.add(Problem.of("hardship.required", new Problem.Key("hardship.field.housing")));
        }
        if (d.mainCause() == null) {
            p.add(Problem.of("hardship.required", new Problem.Key("hardship.field.mainCause")));
        }
        if (d.city() == null || d.city().isBlank()) {
            p.add(Problem.of("hardship.required", new Problem.Key("hardship.field.city")));
        }
        if (d.memberIncome() == null || d.memberIncome().fen() < 0) {
            p.add(Problem.of("hardship.badIncome", new Problem.Key("hardship.field.memberIncome")));
        }
        if (d.filedOn() == null) {
            p.add(Problem.of("hardship.required", new Problem.Key("hardship.field.filedOn")));
        } else if (d.filedOn().isAfter(today)) {
            p.add(Problem.of("hardship.futureDate", d.filedOn().toString()));
        }
        if (d.bankAccount() != null && !d.bankAccount().isBlank()) {
            String acc = TextNormalizer.compact(d.bankAccount());
            if (!acc.matches("\\d{8,30}")) {
                p.add(Problem.of("hardship.badBankAccount", d.bankAccount()));
            }
        }
        if (d.household().size() > MAX_HOUSEHOLD) {
            p.add(Problem.of("hardship.household.tooMany", MAX_HOUSEHOLD));
        }
        Set<String> seen = new HashSet<>();
        int row = 0;
        for (HouseholdMember h : d.household()) {
            row++;
            String who = h.name() == null || h.name().isBlank() ? "#" + row : h.name().strip();
            if (h.name() == null || h.name().isBlank()) {
                p.add(Problem.of("hardship.household.nameRequired", row));
            }
            if (h.relation() == null || h.relation().isBlank()) {
                p.add(Problem.of("hardship.household.relationRequired", who));
            }
            if (h.health() == null) {
                p.add(Problem.of("hardship.household.healthRequired", who));
            }
            if (h.monthlyIncome() == null || h.monthlyIncome().fen() < 0) {
                p.add(Problem.of("hardship.household.badIncome", who));
            }
            String id = null;
            if (h.idNumber() == null || h.idNumber().isBlank()) {
                p.add(Problem.of("hardship.household.idRequired", who));
            } else {
                try {
                    id = IdNumber.parse(h.idNumber(), today, regions).value();
                    if (id.equals(memberIdNumber)) {
                        p.add(Problem.of("hardship.household.isWorker", who));
                    } else if (!seen.add(id)) {
                        p.add(Problem.of("hardship.household.duplicateId", who));
                    }
                } catch (InvalidIdNumberException e) {
                    p.add(Problem.of("hardship.household.badId", who, h.idNumber(),
                            new Problem.Key(e.error().messageKey())));
                }
            }
            if (normalised != null) {
                normalised.add(new HouseholdMember(h.name() == null ? null : h.name().strip(),
                        h.relation() == null ? null : h.relation().strip(), id, h.health(), h.monthlyIncome(),
                        h.occupation() == null || h.occupation().isBlank() ? null : h.occupation().strip()));
            }
        }
        return p;
    }
}
