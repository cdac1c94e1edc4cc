package de.digitalcheck.portal.shared.config;

/**
 * Work the start must finish before the portal serves, done on a thread of its own while the main thread builds the
 * rest of the application (bench/README.md, "2 December, 18:00"). Implementations are singletons;
 * {@link StartupTasks} creates each on its thread (so what it injects — the data source, the metrics registry,
 * repositories — is built there too), runs it, and waits for all of them before the start completes: a task that
 * fails fails the start as a {@code @Context} bean's failure would (a {@link StartupProblem} is the operator's one line).
 */
public interface StartupTask {

    /** The task's work; runs once, as the application context starts. */
    void run();
}
