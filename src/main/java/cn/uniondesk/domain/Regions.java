package cn.uniondesk.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * GB/T 2260 administrative division codes (current and historical), bundled as
 * {@code gb2260.tsv}. Used to decode the first six digits of an ID number.
 */
public final class Regions {
    private static volatile Regions standard;
    private final Map<String, String> names;

    public Regions(Map<String, String> names) {
        this.names = Collections.unmodifiableMap(new HashMap<>(names));
    }

    /** The bundled table, loaded once. */
    public static Regions standard() {
        Regions r = standard;
        if (r == null) {
            synchronized (Regions.class) {
                r = standard;
                if (r == null) {
                    r = load();
                    standard = r;
                }
            }
        }
        return r;
    }

    private static Regions load() {
        Map<String, String> m = new HashMap<>();
        try (InputStream in = Regions.class.getResourceAsStream("gb2260.tsv")) {
            if (in == null) {
                throw new IllegalStateException("gb2260.tsv missing from the application");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                int tab = line.indexOf('\t');
                if (tab == 6) {
                    m.put(line.substring(0, 6), line.substring(7).trim());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Regions(m);
    }

    public int size() {
        return names.size();
    }

    public Optional<String> name(String code) {
        return Optional.ofNullable(names.get(code));
    }

    /** The province (first two digits) of a code, when known. */
    public Optional<String> province(String code) {
        if (code == null || code.length() < 2) {
            return Optional.empty();
        }
        return name(code.substring(0, 2) + "0000");
    }

    /** True when the exact 6-digit code is in the table. */
    public boolean isKnown(String code) {
        return names.containsKey(code);
    }

    /** 省 + 市 + 县 names joined, e.g. 北京市东城区 (市辖区 and repeated levels left out). */
    public Optional<String> fullName(String code) {
        if (code == null || code.length() != 6 || !names.containsKey(code)) {
            return Optional.empty();
        }
        StringBuilder sb = new StringBuilder();
        String prov = names.get(code.substring(0, 2) + "0000");
        if (prov != null) {
            sb.append(prov);
        }
        String pref = code.substring(0, 4) + "00";
        if (!pref.equals(code.substring(0, 2) + "0000")) {
            String prefName = names.get(pref);
            if (prefName != null && !prefName.equals("市辖区") && !prefName.equals("县")
                    && !prefName.equals("省直辖县级行政区划") && !prefName.equals("自治区直辖县级行政区划")) {
                sb.append(prefName);
            }
        }
        if (!code.endsWith("00")) {
            sb.append(names.get(code));
        }
        return Optional.of(sb.toString());
    }
}
