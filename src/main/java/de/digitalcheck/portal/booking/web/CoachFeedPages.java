package de.digitalcheck.portal.booking.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import de.digitalcheck.portal.booking.CoachFeeds;
import de.digitalcheck.portal.booking.StaleFeed;
import de.digitalcheck.portal.booking.UnknownBooking;
import de.digitalcheck.portal.shared.config.PortalSettings;
import de.digitalcheck.portal.shared.security.Fingerprints;
import de.digitalcheck.portal.shared.security.SignedIn;
import de.digitalcheck.portal.shared.web.Csrf;
import de.digitalcheck.portal.shared.web.Flash;
import de.digitalcheck.portal.shared.web.FormAnswerReload;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * A coach's calendar subscription: the settings page ({@code /coach/kalender-abo}: new address, revoke, each refused
 * when the address changed since the page was read) and the feed itself ({@code /kalender/{token}.ics}, open to
 * whoever holds the address; unknown or revoked: 404).
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class CoachFeedPages {

    static final String SETTINGS = "/coach/kalender-abo";
    static final String CALENDAR = "text/calendar";
    /**
     * The settings page's note ({@link Flash}) after the address was revoked: "?widerrufen" in the address said
     * "Widerrufen" on any link that carried it, and again on every reload.
     */
    static final String REVOKED = "revoked";

    private final CoachFeeds feeds;
    private final PortalSettings settings;
    private final Csrf csrf;
    private final Flash flash;

    CoachFeedPages(CoachFeeds feeds, PortalSettings settings, Csrf csrf, Flash flash) {
        this.feeds = feeds;
        this.settings = settings;
        this.csrf = csrf;
        this.flash = flash;
    }

    @Get("/kalender/{file}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Produces(CALENDAR)
    HttpResponse<String> feed(@PathVariable String file) {
        if (!file.endsWith(".ics")) {
            throw new UnknownBooking();
        }
        String ics = feeds.ics(file.substring(0, file.length() - ".ics".length()));
        return HttpResponse.ok(ics).contentType(CALENDAR + "; charset=utf-8")
            .header("Cache-Control", "private, no-store");
    }

    @Get(SETTINGS)
    @Secured("COACH")
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> page(HttpRequest<?> request, Authentication authentication) {
        // once, after the revocation that led here (Flash): never from the address, which any link can carry
        return flash.clear(request, HttpResponse.ok(page(SignedIn.of(authentication).accountId(), null,
            flash.is(request, REVOKED))));
    }

    /**
     * The new address's form, and the revoke form: the version of the address it was read with
     * ({@link CoachFeeds#version}).
     */
    @Serdeable
    record RenewForm(@Nullable String version, @JsonProperty(Csrf.FIELD) @Nullable String csrfToken)
        implements Csrf.Form {
    }

    /**
     * A new address, shown once on this answer. The form carries the version of the address it was read with: a
     * second post of it (a double click, a reload of the page that showed the new address, another tab) made yet
     * another address and silently ended the one just shown or subscribed — now {@code 409}, nothing changed, the
     * page saying so. Without a version the portal gave out: {@code 400}, nothing changed.
     */
    @Post(SETTINGS + "/neu")
    @Secured("COACH")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> renew(HttpRequest<?> request, Authentication authentication, @Body @Nullable RenewForm body) {
        csrf.verify(request, body);
        String coach = SignedIn.of(authentication).accountId();
        String version = body == null ? null : body.version();
        if (!Fingerprints.isWellFormed(version)) {
            ModelAndView<Map<String, Object>> page = page(coach, null, false);
            page.getModel().orElseThrow().put("unversioned", true);
            return HttpResponse.status(HttpStatus.BAD_REQUEST).contentType(MediaType.TEXT_HTML_TYPE).body(page);
        }
        try {
            // the address is shown once, on this answer: only its hash is kept
            return HttpResponse.ok(page(coach, settings.link(CoachFeeds.path(feeds.renew(coach, version))), false));
        } catch (StaleFeed e) {
            ModelAndView<Map<String, Object>> page = page(coach, null, false);
            page.getModel().orElseThrow().put("stale", true);
            return HttpResponse.status(HttpStatus.CONFLICT).contentType(MediaType.TEXT_HTML_TYPE).body(page);
        }
    }

    /**
     * The address of the page with a new address (or its refusal) loaded again from the address bar (a GET): the
     * settings page, without the address, which is shown once. It was {@code 405}; nothing is changed.
     */
    @FormAnswerReload
    @Get(SETTINGS + "/neu")
    @Secured("COACH")
    HttpResponse<?> renewed() {
        return HttpResponse.seeOther(URI.create(SETTINGS));
    }

    /**
     * Revokes the address, as the new address's form replaces it: with the version of the address the page was read
     * with ({@link RenewForm}). A revoke from a page read before the address was renewed (another tab, an old page)
     * ended the address made since — which the coach may just have subscribed to — unseen, answering as if all was
     * well: now {@code 409}, nothing revoked, the page saying so and showing what is there now. Without a version the
     * portal gave out: {@code 400}, nothing revoked. Without an address now there is nothing to revoke (a revoke sent
     * twice): revoked, as asked.
     */
    @Post(SETTINGS + "/widerrufen")
    @Secured("COACH")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> revoke(HttpRequest<?> request, Authentication authentication, @Body @Nullable RenewForm body) {
        csrf.verify(request, body);
        String coach = SignedIn.of(authentication).accountId();
        String version = body == null ? null : body.version();
        if (!Fingerprints.isWellFormed(version)) {
            return refused(HttpStatus.BAD_REQUEST, coach, "revokeUnversioned");
        }
        try {
            feeds.revoke(coach, version);
        } catch (StaleFeed e) {
            return refused(HttpStatus.CONFLICT, coach, "revokeStale");
        }
        return flash.redirect(SETTINGS, REVOKED);
    }

    /** The settings page as it is now, with the note {@code flag} of why nothing changed. */
    private HttpResponse<?> refused(HttpStatus status, String coach, String flag) {
        ModelAndView<Map<String, Object>> page = page(coach, null, false);
        page.getModel().orElseThrow().put(flag, true);
        return HttpResponse.status(status).contentType(MediaType.TEXT_HTML_TYPE).body(page);
    }

    private ModelAndView<Map<String, Object>> page(String coachId, @Nullable String newUrl, boolean revoked) {
        Map<String, Object> model = new HashMap<>();
        model.put("newUrl", newUrl);
        model.put("since", feeds.since(coachId).orElse(null));
        model.put("revoked", revoked);
        model.put("version", feeds.version(coachId));
        model.put("stale", false);
        model.put("unversioned", false);
        model.put("revokeStale", false);
        model.put("revokeUnversioned", false);
        return new ModelAndView<>("booking/feed", model);
    }
}
