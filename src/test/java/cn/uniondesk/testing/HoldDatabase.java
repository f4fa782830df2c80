package cn.uniondesk.testing;

import cn.uniondesk.app.AppContext;
import java.nio.file.Path;

/**
 * Run in a second JVM by tests: opens the data folder (as {@code args[1]} with password
 * {@code args[2]} when given: an encrypted folder), says "ready", holds it until stdin closes.
 */
public final class HoldDatabase {
    private HoldDatabase() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        try (AppContext ctx = args.length > 2
                ? AppContext.unlock(dir, args[1], args[2].toCharArray(), java.time.Clock.systemDefaultZone())
                : AppContext.open(dir)) {
            System.out.println("ready " + ctx.members().count());
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the parent to close our stdin
            }
        }
    }
}
