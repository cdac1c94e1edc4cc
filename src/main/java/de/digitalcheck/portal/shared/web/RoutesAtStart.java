package de.digitalcheck.portal.shared.web;

import de.digitalcheck.portal.shared.config.StartupTask;
import io.micronaut.http.server.RouteExecutor;
import jakarta.inject.Singleton;

/**
 * Builds Micronaut's router (every controller's routes, the filters' matchers) as a {@link StartupTask}, beside the
 * rest of the start, instead of on the main thread when the HTTP server is made. Its work is done by creating it.
 */
@Singleton
class RoutesAtStart implements StartupTask {

    RoutesAtStart(RouteExecutor routes) {
        // the router is made with this bean, on the task's thread
    }

    @Override
    public void run() {
        // nothing more: see the constructor
    }
}
