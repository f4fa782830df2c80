package cn.uniondesk.ui.login;

import javafx.animation.PauseTransition;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.input.InputEvent;
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

    /** Watches the scene's input. */
    public void attach(Scene scene) {
        scene.addEventFilter(InputEvent.ANY, this::touched);
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
