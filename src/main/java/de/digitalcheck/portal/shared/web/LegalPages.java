package de.digitalcheck.portal.shared.web;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.views.View;

import java.util.Map;

/** Imprint, privacy notice and licences (with the ODbL attribution of the postal-code data). */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller
@Produces(MediaType.TEXT_HTML)
class LegalPages {

    @Get("/impressum")
    @View("pages/imprint")
    Map<String, Object> imprint() {
        return Map.of();
    }

    @Get("/datenschutz")
    @View("pages/privacy")
    Map<String, Object> privacy() {
        return Map.of();
    }

    @Get("/lizenzen")
    @View("pages/licences")
    Map<String, Object> licences() {
        return Map.of();
    }
}
