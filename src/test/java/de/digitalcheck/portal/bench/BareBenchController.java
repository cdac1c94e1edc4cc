package de.digitalcheck.portal.bench;

import de.digitalcheck.portal.readiness.internal.SelfCheck;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
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
 * that hop alone costs. {@code /bench/bare/lookup/{token}} adds the one database read a question page makes
 * (the check by its token), to show what is left for rendering. Anonymous like the self-check pages, so all go
 * through the same security filter.
 */
@Controller("/bench/bare")
@Requires(env = "bench")
@Secured(SecurityRule.IS_ANONYMOUS)
class BareBenchController {

    private final SelfCheck selfCheck;

    BareBenchController(SelfCheck selfCheck) {
        this.selfCheck = selfCheck;
    }

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

    @Get("/lookup/{token}")
    @Produces(MediaType.TEXT_PLAIN)
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<String> lookup(@PathVariable String token) {
        return selfCheck.byToken(token).map(a -> HttpResponse.ok("ok")).orElseGet(HttpResponse::notFound);
    }
}
