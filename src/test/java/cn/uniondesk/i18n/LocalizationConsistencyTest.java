package cn.uniondesk.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import cn.uniondesk.domain.Gender;
import cn.uniondesk.domain.IdNumberError;
import cn.uniondesk.domain.MemberEventType;
import cn.uniondesk.domain.MemberField;
import cn.uniondesk.domain.MemberStatus;
import cn.uniondesk.domain.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The two bundles hold the same keys; every key the code names exists; no key is unused; and no
 * Chinese text is written into the UI's Java sources (it comes from the bundle).
 */
class LocalizationConsistencyTest {
    private static final Path MAIN = Path.of("src", "main", "java");
    private static final Path UI = MAIN.resolve(Path.of("cn", "uniondesk", "ui"));
    private static final Pattern KEY = Pattern.compile("[a-z]+(\\.[A-Za-z0-9_]+)+");
    private static final Pattern CJK = Pattern.compile("[\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef]");

    private static Properties bundle(String name) {
        Properties p = new Properties();
        try (InputStream in = LocalizationConsistencyTest.class.getResourceAsStream("/cn/uniondesk/i18n/" + name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** Keys built at run time from enum constants: prefix + constant name. */
    private static Set<String> dynamicKeys() {
        Set<String> keys = new TreeSet<>();
        Arrays.stream(Gender.values()).forEach(v -> keys.add("gender." + v.name()));
        Arrays.stream(MemberStatus.values()).forEach(v -> keys.add("status." + v.name()));
        Arrays.stream(MemberEventType.values()).forEach(v -> keys.add("event." + v.name()));
        Arrays.stream(MemberField.values()).forEach(v -> keys.add(v.labelKey()));
        Arrays.stream(IdNumberError.values()).forEach(v -> keys.add(v.messageKey()));
        Arrays.stream(cn.uniondesk.domain.Role.values()).forEach(v -> keys.add("role." + v.name()));
        Arrays.stream(cn.uniondesk.service.DuesService.MismatchKind.values())
                .forEach(v -> keys.add("dues.recon." + v.name()));
        // --- cases
        Arrays.stream(cn.uniondesk.domain.cases.HardshipEnums.Category.values()).forEach(v -> keys.add(v.key()));
        Arrays.stream(cn.uniondesk.domain.cases.HardshipEnums.Health.values()).forEach(v -> keys.add(v.key()));
        Arrays.stream(cn.uniondesk.domain.cases.HardshipEnums.WorkStatus.values()).forEach(v -> keys.add(v.key()));
        Arrays.stream(cn.uniondesk.domain.cases.HardshipEnums.Housing.values()).forEach(v -> keys.add(v.key()));
        Arrays.stream(cn.uniondesk.domain.cases.HardshipEnums.Cause.values()).forEach(v -> keys.add(v.key()));
        Arrays.stream(cn.uniondesk.domain.cases.Eligibility.Verdict.values()).forEach(v -> keys.add(v.key()));
        Arrays.stream(cn.uniondesk.domain.BatchState.values()).forEach(v -> keys.add("batch.state." + v.name()));
        return keys;
    }

    @Test
    void bothBundlesHaveTheSameKeys() {
        Set<String> zh = bundle("messages.properties").stringPropertyNames();
        Set<String> en = bundle("messages_en.properties").stringPropertyNames();
        Set<String> onlyZh = new TreeSet<>(zh);
        onlyZh.removeAll(en);
        Set<String> onlyEn = new TreeSet<>(en);
        onlyEn.removeAll(zh);
        assertThat(onlyZh).as("keys only in messages.properties").isEmpty();
        assertThat(onlyEn).as("keys only in messages_en.properties").isEmpty();
    }

    @Test
    void everyKeyNamedInTheCodeExistsAndNoKeyIsUnused() throws IOException {
        Set<String> bundleKeys = new TreeSet<>(bundle("messages.properties").stringPropertyNames());
        bundleKeys.retainAll(bundle("messages_en.properties").stringPropertyNames());
        Set<String> prefixes = bundleKeys.stream().map(k -> k.substring(0, k.indexOf('.') + 1))
                .collect(Collectors.toCollection(TreeSet::new));

        Map<String, List<Path>> named = new TreeMap<>();
        for (Path file : javaFiles(MAIN)) {
            for (String literal : stringLiterals(Files.readString(file))) {
                if (KEY.matcher(literal).matches() && prefixes.stream().anyMatch(literal::startsWith)) {
                    named.computeIfAbsent(literal, k -> new ArrayList<>()).add(file.getFileName());
                }
            }
        }
        Set<String> used = new TreeSet<>(named.keySet());
        used.addAll(dynamicKeys());

        Map<String, List<Path>> missing = new TreeMap<>(named);
        missing.keySet().removeAll(bundleKeys);
        Set<String> missingDynamic = new TreeSet<>(dynamicKeys());
        missingDynamic.removeAll(bundleKeys);
        Set<String> unused = new TreeSet<>(bundleKeys);
        unused.removeAll(used);

        assertThat(missing).as("keys named in the code but missing from a bundle (key=[files])").isEmpty();
        assertThat(missingDynamic).as("keys built from enum constants but missing from a bundle").isEmpty();
        assertThat(unused).as("keys in the bundles that no code uses").isEmpty();
    }

    @Test
    void noChineseStringLiteralInTheUiSources() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : javaFiles(UI)) {
            for (String literal : stringLiterals(Files.readString(file))) {
                if (CJK.matcher(literal).find()) {
                    found.add(MAIN.relativize(file) + ": \"" + literal + "\"");
                }
            }
        }
        assertThat(found).as("Chinese text must come from messages.properties").isEmpty();
    }

    private static List<Path> javaFiles(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    /** The string and char literals of a Java source, comments skipped. */
    static List<String> stringLiterals(String src) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (c == '/' && i + 1 < n && src.charAt(i + 1) == '/') {
                int end = src.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (c == '/' && i + 1 < n && src.charAt(i + 1) == '*') {
                int end = src.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '"' && src.startsWith("\"\"\"", i)) {
                int end = src.indexOf("\"\"\"", i + 3);
                out.add(src.substring(i + 3, end < 0 ? n : end));
                i = end < 0 ? n : end + 3;
            } else if (c == '"' || c == '\'') {
                StringBuilder sb = new StringBuilder();
                int j = i + 1;
                while (j < n && src.charAt(j) != c) {
                    if (src.charAt(j) == '\\' && j + 1 < n) {
                        sb.append(src.charAt(j)).append(src.charAt(j + 1));
                        j += 2;
                    } else {
                        sb.append(src.charAt(j));
                        j++;
                    }
                }
                out.add(sb.toString());
                i = j + 1;
            } else {
                i++;
            }
        }
        return out;
    }
}
