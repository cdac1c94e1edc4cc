package de.digitalcheck.portal.shared.config;

import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.inject.BeanDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Runs every {@link StartupTask} on a thread of its own from the first moment of the context's eager beans (the
 * highest precedence among them) and waits for all of them at {@link StartupEvent}, before the HTTP servers open: the
 * start is shorter by what the tasks and the main thread do side by side (the connection pool and the database check,
 * the metrics registry, the first repository calls, the router's routes), and nothing is served before they are done.
 * A failure fails the start, as it would have on the main thread; of several, a {@link StartupProblem} (the operator's
 * one line, e.g. a database in the wrong character set) before the others, which are often its consequences. Every
 * {@link StartupWarmUp} is started the same way and not waited for; its failure is logged once the start has completed
 * (a start that fails reports its own failure, which is usually the warm-up's too — nothing more is logged then).
 */
@Context
@Order(Ordered.HIGHEST_PRECEDENCE)
class StartupTasks implements ApplicationEventListener<StartupEvent>, Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(StartupTasks.class);

    private final List<FutureTask<Void>> running = new ArrayList<>();
    /** The warm-ups' failures until the start has completed; {@code null} after it. */
    private List<String> warmUpFailures = new ArrayList<>();

    StartupTasks(BeanContext context) {
        for (BeanDefinition<StartupTask> task : context.getBeanDefinitions(StartupTask.class)) {
            FutureTask<Void> work = new FutureTask<>(() -> context.getBean(task).run(), null);
            start("start-" + task.getBeanType().getSimpleName(), work);
            running.add(work);
        }
        for (BeanDefinition<StartupWarmUp> warmUp : context.getBeanDefinitions(StartupWarmUp.class)) {
            String name = warmUp.getBeanType().getSimpleName();
            start("warm-up-" + name, () -> {
                try {
                    context.getBean(warmUp).run();
                } catch (RuntimeException e) {
                    warmUpFailed(name + ": " + e);
                }
            });
        }
    }

    private synchronized void warmUpFailed(String failure) {
        if (warmUpFailures == null) {
            log(failure);
        } else {
            warmUpFailures.add(failure);
        }
    }

    /** The start has completed: the warm-ups' failures so far are logged, later ones at once. */
    private synchronized void started() {
        warmUpFailures.forEach(StartupTasks::log);
        warmUpFailures = null;
    }

    private static void log(String failure) {
        LOG.warn("A warm-up of the start failed, the first requests do its work: {}", failure);
    }

    private static void start(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** The first listener of {@link StartupEvent}: the others (demo data, scheduled jobs) find the tasks done. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        RuntimeException failed = null;
        for (FutureTask<Void> work : running) {
            try {
                work.get();
            } catch (ExecutionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException r ? r
                    : new IllegalStateException("a start task failed", e.getCause());
                if (failed == null || isProblem(cause) && !isProblem(failed)) {
                    failed = cause;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("the start was interrupted while its tasks ran", e);
            }
        }
        running.clear();
        if (failed != null) {
            throw failed;
        }
        started();
    }

    /** Whether a {@link StartupProblem} is the failure or one of its causes. */
    static boolean isProblem(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StartupProblem) {
                return true;
            }
        }
        return false;
    }
}
