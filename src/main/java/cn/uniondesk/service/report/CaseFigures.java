package cn.uniondesk.service.report;

import java.time.LocalDate;
import java.util.Map;

/**
 * The dashboard's figures about aid cases: open cases by state, cases waiting for the signed-in
 * user, aid paid this year by type, hardship reviews due. The cases module provides the real
 * figures; {@link #NONE} reports that the module holds no data yet.
 */
@FunctionalInterface
public interface CaseFigures {
    Summary summary(String operator, LocalDate today);

    CaseFigures NONE = (operator, today) -> new Summary(false, Map.of(), 0, Map.of(), 0, null);

    /**
     * @param available       false when no case data exists (the module is not in use)
     * @param openByState     state label → open cases, in display order
     * @param aidPaidByType   type label → 分 paid this calendar year
     * @param reviewsDue      hardship files whose yearly review is due within 30 days or overdue
     * @param nextReviewDate  the earliest review date due, or null
     */
    record Summary(boolean available, Map<String, Integer> openByState, int waitingForMe,
            Map<String, Long> aidPaidByType, int reviewsDue, LocalDate nextReviewDate) {
    }
}
