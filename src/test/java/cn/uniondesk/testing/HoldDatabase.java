package cn.uniondesk.testing;

import cn.uniondesk.app.AppContext;
import java.nio.file.Path;

/** Run in a second JVM by tests: opens the data folder, says "ready", holds it until stdin closes. */
public final class HoldDatabase {
    private HoldDatabase() {
    }

    public static void main(String[] args) throws Exception {
        try (AppContext ctx = AppContext.open(Path.of(args[0]))) {
            System.out.println("ready " + ctx.members().count());
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the parent to close our stdin
            }
        }
    }
}
