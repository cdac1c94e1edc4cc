package de.digitalcheck.portal.shared.web;

import de.digitalcheck.portal.shared.config.StartupWarmUp;
import io.micronaut.context.BeanContext;
import io.micronaut.context.Qualifier;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.inject.qualifiers.Qualifiers;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Makes the server filters (security, sessions, rate limits, headers …) as a {@link StartupWarmUp}, beside the rest of
 * the start: Micronaut otherwise makes them one after the other in the first request, which is the first readiness
 * probe (bench/README.md, "3 December"). Not waited for: a filter it has not made yet is made by the request that
 * needs it (or that request waits while this makes it).
 */
@Singleton
class FiltersAtStart implements StartupWarmUp {

    /**
     * Micronaut's flight recorder event for an HTTP/1 request: its class is first initialised in the first request, and
     * the first event class registered with the JDK's flight recorder costs tens of milliseconds (the recorder's
     * metadata for all the JDK's events); later ones little.
     */
    static final String REQUEST_EVENT = "io.micronaut.http.server.netty.handler.Http1RequestEvent";

    private final BeanContext context;
    private final CountDownLatch done = new CountDownLatch(1);

    FiltersAtStart(BeanContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        try {
            try {
                Class.forName(REQUEST_EVENT, true, FiltersAtStart.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError notInThisVersion) {
                // another Micronaut version: the first request does it, as before
            }
            filters().forEach(context::getBean);
        } finally {
            done.countDown();
        }
    }

    /** Whether the warm-up has ended within the time given (for tests). */
    boolean awaitDone(Duration timeout) throws InterruptedException {
        return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The server filters' definitions (both of Micronaut's kinds: filter methods and {@code HttpServerFilter} beans). */
    List<BeanDefinition<Object>> filters() {
        List<BeanDefinition<Object>> filters = new ArrayList<>();
        for (Qualifier<Object> kind : List.<Qualifier<Object>>of(Qualifiers.byStereotype(ServerFilter.class),
            Qualifiers.byStereotype(Filter.class))) {
            for (BeanDefinition<Object> definition : context.getBeanDefinitions(Object.class, kind)) {
                if (definition.isSingleton() && !filters.contains(definition)) {
                    filters.add(definition);
                }
            }
        }
        return filters;
    }
}
