package cn.uniondesk.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The keys of issue 3 (import., export., bench., cli.import/export/template.) exist in both bundles and are used. */
class ImportMessagesTest {
    static final List<String> PREFIXES = List.of("import.", "export.", "bench.", "cli.import.", "cli.export.",
            "cli.template.");

    static Set<String> keys(String file) throws Exception {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of("src/main/resources/cn/uniondesk/i18n", file),
                StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p.stringPropertyNames().stream().filter(k -> PREFIXES.stream().anyMatch(k::startsWith))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyKeyIsInBothBundlesAndUsedInTheCode() throws Exception {
        Set<String> zh = keys("messages.properties");
        Set<String> en = keys("messages_en.properties");
        assertThat(en).isEqualTo(zh);
        String code;
        try (Stream<Path> s = Files.walk(Path.of("src/main/java"))) {
            code = s.filter(p -> p.toString().endsWith(".java")).map(p -> {
                try {
                    return Files.readString(p);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).collect(Collectors.joining("\n"));
        }
        final String all = code;
        assertThat(zh.stream().filter(k -> !all.contains("\"" + k + "\"")).toList()).as("unused keys").isEmpty();
    }
}
