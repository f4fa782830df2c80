package cn.uniondesk.domain.report;

import java.time.LocalDate;
import java.time.Period;

/** Age bands of the membership statistics (age in whole years on the last day of the period). */
public enum AgeBand {
    UP_TO_25("25岁及以下", "age25"),
    FROM_26_TO_35("26-35岁", "age35"),
    FROM_36_TO_45("36-45岁", "age45"),
    FROM_46_TO_55("46-55岁", "age55"),
    FROM_56("56岁及以上", "age56");

    private final String zh;
    private final String key;

    AgeBand(String zh, String key) {
        this.zh = zh;
        this.key = key;
    }

    public String zh() {
        return zh;
    }

    /** The stable column key used by the report configuration. */
    public String key() {
        return key;
    }

    public static AgeBand of(LocalDate birthDate, LocalDate on) {
        int age = birthDate == null ? 0 : Period.between(birthDate, on).getYears();
        if (age <= 25) {
            return UP_TO_25;
        }
        if (age <= 35) {
            return FROM_26_TO_35;
        }
        if (age <= 45) {
            return FROM_36_TO_45;
        }
        if (age <= 55) {
            return FROM_46_TO_55;
        }
        return FROM_56;
    }
}
