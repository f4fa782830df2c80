package cn.uniondesk.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The desktop application (placeholder until the UI shell lands). */
public final class UnionDeskApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.setScene(new Scene(new Label("UnionDesk"), 800, 600));
        stage.show();
    }
}
