package cn.uniondesk.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the data lives: {@code --data DIR}, else {@code UNIONDESK_DATA}, else the OS's per-user
 * data folder (Windows {@code %APPDATA%\UnionDesk}, macOS
 * {@code ~/Library/Application Support/UnionDesk}, Linux {@code $XDG_DATA_HOME/uniondesk} or
 * {@code ~/.local/share/uniondesk}).
 */
public final class DataFolder {
    public static final String ENV = "UNIONDESK_DATA";

    private DataFolder() {
    }

    public static Path resolve(Path option) {
        return resolve(option, System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home"));
    }

    public static Path resolve(Path option, Map<String, String> env, String osName, String userHome) {
        if (option != null) {
            return option.toAbsolutePath().normalize();
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv).toAbsolutePath().normalize();
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            Path base = appData != null && !appData.isBlank() ? Path.of(appData)
                    : Path.of(userHome, "AppData", "Roaming");
            return base.resolve("UnionDesk");
        }
        if (os.contains("mac")) {
            return Path.of(userHome, "Library", "Application Support", "UnionDesk");
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(userHome, ".local", "share");
        return base.resolve("uniondesk");
    }
}
