package de.digitalcheck.portal.shared.config;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import de.digitalcheck.portal.shared.metrics.BusinessMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The start's tasks ({@link StartupTask}) run on threads of their own and are all done when the start completes; one
 * that fails fails the start, a {@link StartupProblem} being reported before any other failure.
 */
class StartupTasksIntegrationTest {

    static final String PROBE = "test.startup-tasks.probe";
    static final String FAIL = "test.startup-tasks.fail";
    static final String WARM_UP = "test.startup-tasks.warm-up";

    /** Thread names the probe tasks ran on; written by the tasks. */
    static final Set<String> THREADS = ConcurrentHashMap.newKeySet();

    @Test
    void everyTaskHasRunOnAThreadOfItsOwnWhenTheStartCompletes() {
        THREADS.clear();
        LastEagerBean.made = new java.util.concurrent.CountDownLatch(1);
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, Map.of(PROBE, "true"), "test")) {
            assertThat(server.isRunning()).isTrue();
            assertThat(SlowTask.done).as("a slow task finished before the start completed").isTrue();
            assertThat(THREADS).as("threads of their own").containsExactlyInAnyOrder("start-SlowTask", "start-QuickTask");
            // the portal's own tasks are done too: the deliveries gauge is registered from the start
            MeterRegistry registry = server.getApplicationContext().getBean(MeterRegistry.class);
            assertThat(registry.find("digitalcheck.deliveries.pending").gauge()).isNotNull();
            assertThat(server.getApplicationContext().getBean(BusinessMetrics.class)).isNotNull();
        }
    }

    @Test
    void aFailingTaskFailsTheStartAndAStartupProblemIsTheOneReported() {
        Map<String, Object> properties = new HashMap<>(Map.of(PROBE, "true", FAIL, "true"));
        Throwable failed = catchThrowable(() -> ApplicationContext.run(EmbeddedServer.class, properties, "test").close());
        assertThat(failed).isNotNull();
        assertThat(StartupTasks.isProblem(failed)).as("the problem, not the other task's failure").isTrue();
        assertThat(failed).hasMessageContaining("the probe refuses to start");
    }

    @Test
    void aWarmUpIsNotWaitedForAndItsFailureFailsNothing() throws InterruptedException {
        SlowWarmUp.started = new java.util.concurrent.CountDownLatch(1);
        SlowWarmUp.release = new java.util.concurrent.CountDownLatch(1);
        SlowWarmUp.done = false;
        FailingWarmUp.ran = new java.util.concurrent.CountDownLatch(1);
        ListAppender<ILoggingEvent> log = listen();
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, Map.of(WARM_UP, "true"), "test")) {
            assertThat(server.isRunning()).isTrue();
            assertThat(SlowWarmUp.done).as("the start did not wait for the warm-up").isFalse();
            assertThat(SlowWarmUp.started.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(SlowWarmUp.thread).isEqualTo("warm-up-SlowWarmUp");
            assertThat(FailingWarmUp.ran.await(30, java.util.concurrent.TimeUnit.SECONDS))
                .as("the failing warm-up ran and the portal serves").isTrue();
            assertThat(server.isRunning()).isTrue();
            long until = System.currentTimeMillis() + 30_000;
            while (warnings(log).isEmpty() && System.currentTimeMillis() < until) {
                Thread.sleep(20);
            }
            assertThat(warnings(log)).as("logged once the start completed").singleElement().asString()
                .contains("FailingWarmUp", "a warm-up that fails");
        } finally {
            SlowWarmUp.release.countDown();
            ((Logger) LoggerFactory.getLogger(StartupTasks.class)).detachAppender(log);
        }
    }

    @Test
    void aStartThatFailsReportsItsOwnFailureAndNotTheWarmUps() throws InterruptedException {
        FailingWarmUp.ran = new java.util.concurrent.CountDownLatch(1);
        ListAppender<ILoggingEvent> log = listen();
        try {
            Map<String, Object> properties = new HashMap<>(Map.of(PROBE, "true", FAIL, "true", WARM_UP, "true"));
            Throwable failed = catchThrowable(() -> ApplicationContext.run(EmbeddedServer.class, properties, "test").close());
            assertThat(failed).hasMessageContaining("the probe refuses to start");
            assertThat(FailingWarmUp.ran.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            Thread.sleep(300);
            assertThat(warnings(log)).as("the failed start is the report").isEmpty();
        } finally {
            SlowWarmUp.release.countDown();
            ((Logger) LoggerFactory.getLogger(StartupTasks.class)).detachAppender(log);
        }
    }

    private static ListAppender<ILoggingEvent> listen() {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(StartupTasks.class)).addAppender(appender);
        return appender;
    }

    private static List<String> warnings(ListAppender<ILoggingEvent> log) {
        return List.copyOf(log.list).stream().filter(e -> e.getLevel() == Level.WARN)
            .map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void aProblemIsFoundAmongTheCauses() {
        assertThat(StartupTasks.isProblem(new IllegalStateException("x", new StartupProblem("y")))).isTrue();
        assertThat(StartupTasks.isProblem(new IllegalStateException("x"))).isFalse();
    }

    /** The last of the eager beans: the main thread is past them all when it is made. */
    @io.micronaut.context.annotation.Context
    @io.micronaut.core.annotation.Order(io.micronaut.core.order.Ordered.LOWEST_PRECEDENCE)
    @Requires(property = PROBE, value = "true")
    static class LastEagerBean {
        static volatile java.util.concurrent.CountDownLatch made = new java.util.concurrent.CountDownLatch(1);

        LastEagerBean() {
            made.countDown();
        }
    }

    /** Ends only well after the main thread has made every eager bean, so that the start must wait for it. */
    @Singleton
    @Requires(property = PROBE, value = "true")
    static class SlowTask implements StartupTask {
        static volatile boolean done;

        SlowTask() {
            done = false;
        }

        @Override
        public void run() {
            THREADS.add(Thread.currentThread().getName());
            try {
                LastEagerBean.made.await(30, java.util.concurrent.TimeUnit.SECONDS);
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            done = true;
        }
    }

    /** Fails with a plain error when asked to, after the problem below has been thrown. */
    @Singleton
    @Requires(property = PROBE, value = "true")
    static class QuickTask implements StartupTask {
        private final boolean fail;

        QuickTask(@io.micronaut.context.annotation.Value("${" + FAIL + ":false}") boolean fail) {
            this.fail = fail;
        }

        @Override
        public void run() {
            THREADS.add(Thread.currentThread().getName());
            if (fail) {
                throw new IllegalStateException("a consequence");
            }
        }
    }

    /** The operator's one line, when asked to fail. */
    @Singleton
    @Requires(property = FAIL, value = "true")
    static class ProblemTask implements StartupTask {
        @Override
        public void run() {
            throw new StartupProblem("the probe refuses to start");
        }
    }

    /** Runs until the test releases it: the start must not wait for it. */
    @Singleton
    @Requires(property = WARM_UP, value = "true")
    static class SlowWarmUp implements StartupWarmUp {
        static volatile java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        static volatile java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        static volatile boolean done;
        static volatile String thread;

        @Override
        public void run() {
            thread = Thread.currentThread().getName();
            started.countDown();
            try {
                release.await(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            done = true;
        }
    }

    /** Fails, even with the operator's kind of failure: a warm-up's failure fails nothing. */
    @Singleton
    @Requires(property = WARM_UP, value = "true")
    static class FailingWarmUp implements StartupWarmUp {
        static volatile java.util.concurrent.CountDownLatch ran = new java.util.concurrent.CountDownLatch(1);

        @Override
        public void run() {
            ran.countDown();
            throw new StartupProblem("a warm-up that fails");
        }
    }
}
