package cn.uniondesk.domain.dues;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The union's dues rules over time; the rule for a month is the latest one effective by then. */
public final class DuesRuleBook {
    private final List<DuesRule> rules;

    public DuesRuleBook(List<DuesRule> rules) {
        List<DuesRule> sorted = new ArrayList<>(rules);
        sorted.sort(Comparator.comparing(DuesRule::effectiveFrom));
        this.rules = List.copyOf(sorted);
    }

    public DuesRule ruleFor(YearMonth month) {
        DuesRule found = null;
        for (DuesRule r : rules) {
            if (!r.effectiveFrom().isAfter(month)) {
                found = r;
            }
        }
        if (found == null) {
            throw new IllegalStateException("no dues rule in force in " + month);
        }
        return found;
    }

    public List<DuesRule> rules() {
        return rules;
    }
}
