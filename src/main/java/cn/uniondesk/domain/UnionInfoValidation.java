package cn.uniondesk.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks what is typed for the union (本单位): 工会名称 required, 统一社会信用代码 a valid
 * {@link CreditCode} when given, 上级工会 optional, 行政区划代码 six digits found in GB/T 2260 when
 * given. Errors block saving; a warning (an enterprise's code where the union's is expected) does
 * not. The result carries the normalised values (trimmed, half-width, code upper case, empty as null).
 */
public final class UnionInfoValidation {
    public static final int MAX_NAME = 100;
    public static final int MAX_UPPER = 100;

    /** The fields of {@link UnionInfo}, each with the bundle key of its label. */
    public enum Field {
        NAME("unioninfo.field.name"),
        ORG_CODE("unioninfo.field.orgCode"),
        UPPER_UNION("unioninfo.field.upperUnion"),
        REGION_CODE("unioninfo.field.regionCode");

        private final String labelKey;

        Field(String labelKey) {
            this.labelKey = labelKey;
        }

        public String labelKey() {
            return labelKey;
        }
    }

    /** A problem with one field; {@code messageKey} and {@code args} word it. */
    public record Issue(Field field, FieldIssue.Severity severity, String messageKey, List<Object> args) {
        public boolean isError() {
            return severity == FieldIssue.Severity.ERROR;
        }
    }

    /** The normalised union and every issue found. */
    public record Result(UnionInfo union, List<Issue> issues) {
        public boolean hasErrors() {
            return issues.stream().anyMatch(Issue::isError);
        }

        public List<Issue> errors() {
            return issues.stream().filter(Issue::isError).toList();
        }

        /** The first issue of a field (an error before a warning), if any. */
        public Optional<Issue> first(Field field) {
            return issues.stream().filter(i -> i.field() == field)
                    .sorted((a, b) -> Boolean.compare(b.isError(), a.isError())).findFirst();
        }
    }

    private final Regions regions;

    public UnionInfoValidation(Regions regions) {
        this.regions = regions;
    }

    public Result validate(UnionInfo typed) {
        List<Issue> issues = new ArrayList<>();
        String name = TextNormalizer.normalize(typed.name());
        if (name.isEmpty()) {
            issues.add(error(Field.NAME, "unioninfo.name.required"));
        } else if (name.length() > MAX_NAME) {
            issues.add(error(Field.NAME, "unioninfo.name.tooLong", MAX_NAME, name.length()));
        }
        String code = CreditCode.normalize(typed.orgCode());
        if (!code.isEmpty()) {
            Optional<CreditCode.Failure> f = CreditCode.check(code, regions);
            if (f.isPresent()) {
                issues.add(new Issue(Field.ORG_CODE, FieldIssue.Severity.ERROR,
                        f.get().problem().messageKey(), f.get().args()));
            } else if (code.charAt(0) == CreditCode.MARKET_REGULATION) {
                issues.add(new Issue(Field.ORG_CODE, FieldIssue.Severity.WARNING, "unioninfo.orgCode.enterprise",
                        List.of(code.substring(0, 2))));
            }
        }
        String upper = TextNormalizer.normalize(typed.upperUnion());
        if (upper.length() > MAX_UPPER) {
            issues.add(error(Field.UPPER_UNION, "unioninfo.upper.tooLong", MAX_UPPER, upper.length()));
        }
        String region = TextNormalizer.compact(typed.regionCode());
        if (!region.isEmpty()) {
            if (!region.matches("[0-9]{6}")) {
                issues.add(error(Field.REGION_CODE, "unioninfo.region.format", region));
            } else if (!regions.isKnown(region)) {
                issues.add(error(Field.REGION_CODE, "unioninfo.region.unknown", region));
            }
        }
        UnionInfo normalised = new UnionInfo(name, emptyAsNull(code), emptyAsNull(upper), emptyAsNull(region));
        return new Result(normalised, List.copyOf(issues));
    }

    private static Issue error(Field f, String key, Object... args) {
        return new Issue(f, FieldIssue.Severity.ERROR, key, List.of(args));
    }

    private static String emptyAsNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
