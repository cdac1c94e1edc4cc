package de.digitalcheck.portal.shared.config;

/**
 * Work the start begins on a thread of its own, beside the main thread and the {@link StartupTask}s, but does not wait
 * for: making ahead of time what the first requests would otherwise make (bench/README.md, "3 December"). The portal
 * serves whether or not it is done — a request that needs a bean it is making waits for that bean, as it would have
 * waited while making it itself — and a warm-up that fails is logged and fails nothing (the requests make what it did
 * not). Implementations are singletons; {@link StartupTasks} creates each on its thread.
 */
public interface StartupWarmUp {

    /** The warm-up's work; runs once, as the application context starts. */
    void run();
}
