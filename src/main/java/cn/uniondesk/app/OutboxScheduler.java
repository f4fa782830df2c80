package cn.uniondesk.app;

import cn.uniondesk.domain.Permission;
import cn.uniondesk.service.OutboxService;
import cn.uniondesk.service.Session;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The periodic outbox check while the window is open: every few minutes, when something is queued
 * and the upload is configured, the outbox is sent (in sequence order). One scheduled thread;
 * closing it never interrupts a running send (a thread inside H2 must not be interrupted).
 */
final class OutboxScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxScheduler.class);
    static final long FIRST_DELAY_SECONDS = 60;
    static final long EVERY_SECONDS = 300;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final OutboxService outbox;
    private final Session session;

    OutboxScheduler(OutboxService outbox, Session session) {
        this(outbox, session, FIRST_DELAY_SECONDS, EVERY_SECONDS);
    }

    OutboxScheduler(OutboxService outbox, Session session, long firstDelaySeconds, long everySeconds) {
        this.outbox = outbox;
        this.session = session;
        timer.scheduleWithFixedDelay(this::tick, firstDelaySeconds, everySeconds, TimeUnit.SECONDS);
    }

    /** One check: sends when there is work; never throws (a failure waits for the next check). */
    void tick() {
        try {
            if (session.may(Permission.MEMBER_WRITE) && outbox.hasWork()) {
                OutboxService.SendReport r = outbox.sendPending();
                LOG.info("Outbox: delivered {}, refused {}, waiting {} ({})", r.delivered(), r.refused(), r.waiting(),
                        r.lastProblem());
            }
        } catch (RuntimeException e) {
            LOG.warn("Outbox check failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdown();
    }
}
