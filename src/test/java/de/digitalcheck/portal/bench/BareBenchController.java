package de.digitalcheck.portal.bench;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/**
 * The benchmark's baseline: a bare Micronaut endpoint returning a short text (SPEC §10 "a bare Micronaut endpoint
 * on the same machine"). Test code only, and only in the {@code bench} environment: never part of the production app.
 * <p>
 * {@code /bench/bare} runs on the event loop (Micronaut's default for a controller without {@code @ExecuteOn});
 * {@code /bench/bare/blocking} hops to the blocking executor like the portal's page controllers do, to show what
 * that hop alone costs. Anonymous like the self-check pages, so both go through the same security filter.
 */
@Controller("/bench/bare")
@Requires(env = "bench")
@Secured(SecurityRule.IS_ANONYMOUS)
class BareBenchController {

    @Get
    @Produces(MediaType.TEXT_PLAIN)
    String bare() {
        return "ok";
    }

    @Get("/blocking")
    @Produces(MediaType.TEXT_PLAIN)
    @ExecuteOn(TaskExecutors.BLOCKING)
    String blocking() {
        return "ok";
    }
}
