package cn.uniondesk.ui.login;

import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.input.InputEvent;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * Fires {@code onIdle} after a stretch without keyboard or mouse input in the scene (an event
 * filter, so every input counts, whatever control has it). Runs on the FX thread: no threads.
 */
public final class IdleTimer {
    private final PauseTransition pause;
    private boolean running;

    public IdleTimer(Duration idle, Runnable onIdle) {
        pause = new PauseTransition(idle);
        pause.setOnFinished(e -> {
            running = false;
            onIdle.run();
        });
    }

    /**
     * Watches the scene's input, and the input of every dialog the application opens (a user
     * typing in a member form is not idle).
     */
    public void attach(Scene scene) {
        scene.addEventFilter(InputEvent.ANY, this::touched);
        Window.getWindows().addListener((ListChangeListener<Window>) c -> {
            while (c.next()) {
                for (Window w : c.getAddedSubList()) {
                    if (w != scene.getWindow()) {
                        w.addEventFilter(InputEvent.ANY, this::touched);
                    }
                }
            }
        });
    }

    private void touched(Event e) {
        if (running) {
            pause.playFromStart();
        }
    }

    public void start() {
        running = true;
        pause.playFromStart();
    }

    public void stop() {
        running = false;
        pause.stop();
    }

    public boolean isRunning() {
        return running;
    }
}
