package cn.uniondesk.ui.members;

import cn.uniondesk.ui.common.BackgroundExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Queues background work until the test runs it, in any order: to test overtaken searches. */
final class ManualExecutor implements BackgroundExecutor {
    private final List<Runnable> queue = new ArrayList<>();

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
        queue.add(() -> {
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                onError.accept(e);
                return;
            }
            onSuccess.accept(result);
        });
    }

    @Override
    public void onUiThread(Runnable action) {
        action.run();
    }

    int pending() {
        return queue.size();
    }

    void runTask(int index) {
        queue.remove(index).run();
    }

    void runAll() {
        while (!queue.isEmpty()) {
            runTask(0);
        }
    }
}
