package cn.uniondesk.app;

import cn.uniondesk.cli.UnionDeskCommand;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

/**
 * Entry point of {@code uniondesk.jar}. No command: the desktop window; a command: the command
 * line. Deliberately not a JavaFX {@code Application} (see STACK.md), so {@code java -jar} works
 * with JavaFX on the class path.
 */
public final class Launcher {
    private static final Set<String> GUI_OPTIONS = Set.of("--data", "--lang", "--idle-minutes", UnionDeskApp.SCREENSHOT);
    /** GUI options without a value: {@code --exit-after-start} shows the window, reports the start time and quits. */
    private static final Set<String> GUI_FLAGS = Set.of(UnionDeskApp.EXIT_AFTER_START);

    private Launcher() {
    }

    public static void main(String[] args) {
        Path dataOption = dataOption(args);
        Logging.configure(DataFolder.resolve(dataOption));
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        if (isGui(args)) {
            GuiLauncher.launch(args);
        } else {
            System.exit(UnionDeskCommand.run(args));
        }
    }

    /** The GUI runs when the arguments hold nothing but {@code --data DIR} / {@code --lang L} / {@code --idle-minutes N}. */
    static boolean isGui(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (GUI_FLAGS.contains(a)) {
                continue;
            }
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (!GUI_OPTIONS.contains(name)) {
                return false;
            }
            if (!a.contains("=")) {
                i++;
            }
        }
        return true;
    }

    static Path dataOption(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--data") && i + 1 < args.length) {
                return Path.of(args[i + 1]);
            }
            if (args[i].startsWith("--data=")) {
                return Path.of(args[i].substring("--data=".length()));
            }
        }
        return null;
    }

    static String option(String[] args, String name) {
        int i = Arrays.asList(args).indexOf(name);
        if (i >= 0 && i + 1 < args.length) {
            return args[i + 1];
        }
        for (String a : args) {
            if (a.startsWith(name + "=")) {
                return a.substring(name.length() + 1);
            }
        }
        return null;
    }
}
