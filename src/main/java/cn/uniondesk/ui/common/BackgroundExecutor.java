package cn.uniondesk.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The one way the UI runs work off the FX thread: {@code work} runs in the background, then
 * exactly one of {@code onSuccess} / {@code onError} runs on the FX thread. Injected into
 * ViewModels; tests use {@link SameThreadExecutor}. Never interrupts running work (a thread
 * inside H2 must not be interrupted): cancel by a flag the work checks.
 */
public interface BackgroundExecutor {
    <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError);

    /** Runs {@code action} on the UI thread (later, or now when already there). */
    void onUiThread(Runnable action);
}
