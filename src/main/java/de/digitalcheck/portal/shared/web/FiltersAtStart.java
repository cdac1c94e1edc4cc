package de.digitalcheck.portal.shared.web;

import de.digitalcheck.portal.shared.config.StartupTask;
import io.micronaut.context.BeanContext;
import io.micronaut.context.Qualifier;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.inject.qualifiers.Qualifiers;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

/**
 * Makes the server filters (security, sessions, rate limits, headers …) as a {@link StartupTask}, beside the rest of
 * the start and beside the router ({@link RoutesAtStart}): Micronaut otherwise makes them one after the other in the
 * first request, which is the first readiness probe (bench/README.md, "3 December").
 */
@Singleton
class FiltersAtStart implements StartupTask {

    private final BeanContext context;

    FiltersAtStart(BeanContext context) {
        this.context = context;
    }

    /**
     * Micronaut's flight recorder event for an HTTP/1 request: its class is first initialised in the first request, and
     * the first event class registered with the JDK's flight recorder costs tens of milliseconds (the recorder's
     * metadata for all the JDK's events); later ones little.
     */
    static final String REQUEST_EVENT = "io.micronaut.http.server.netty.handler.Http1RequestEvent";

    @Override
    public void run() {
        filters().forEach(context::getBean);
        try {
            Class.forName(REQUEST_EVENT, true, FiltersAtStart.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError notInThisVersion) {
            // another Micronaut version: the first request does it, as before
        }
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
