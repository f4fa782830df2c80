package cn.uniondesk.app;

import javafx.application.Application;

/** Starts the JavaFX application from a class that is not itself an {@code Application}. */
final class GuiLauncher {
    private GuiLauncher() {
    }

    static void launch(String[] args) {
        Application.launch(UnionDeskApp.class, args);
    }
}
