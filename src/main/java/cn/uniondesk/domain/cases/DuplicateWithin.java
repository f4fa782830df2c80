package cn.uniondesk.domain.cases;

/**
 * The period in which the same household receiving the same programme twice is warned about:
 * the same calendar month, the same year, or the same programme period as typed (e.g. 2027年春节).
 */
public enum DuplicateWithin {
    NONE,
    MONTH,
    YEAR,
    PROGRAMME
}
