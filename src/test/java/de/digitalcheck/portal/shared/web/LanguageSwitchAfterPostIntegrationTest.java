package de.digitalcheck.portal.shared.web;

import de.digitalcheck.portal.readiness.Questionnaires;
import de.digitalcheck.portal.support.CompletedChecks;
import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.SignedInTests;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The language switch of a page answered to a form post (a refused form: 422, a stale one: 409) used to link to the
 * post's address with {@code ?lang=en}, which a link opens with GET: {@code 405}. It now leads to the same address
 * where that has a GET route, else to the page the form was sent from (a same-origin {@code Referer} with a GET
 * route), else to the nearest page above the post's address that has one, else to the home page; GET pages keep their
 * own path and query.
 */
@MicronautTest(transactional = false)
class LanguageSwitchAfterPostIntegrationTest extends SignedInTests {

    private static final Pattern SWITCH = Pattern.compile("href=\"([^\"]*)\" lang=\"en\" hreflang=\"en\"");

    @Inject
    Questionnaires questionnaires;

    Map<String, Http> users;
    String lead;

    @BeforeAll
    void signIn() {
        users = everyDemoUser("switch-after-post-");
        lead = (String) ((Map<?, ?>) CompletedChecks.of(questionnaires.current()).named("Sprachschalter GmbH")
            .at("44135").contact("Sina Schalter", "sina@schalter.example.org").sharedWithAgency()
            .submit(new Http(server, json)).document().get("lead")).get("id");
    }

    @Test
    void theSwitchOfAPageAnsweredToAPostLeadsToAPageThatExists() {
        Http staff = users.get("do-staff");
        Http admin = users.get("admin");
        String origin = server.getURL().toString();
        Map<String, String> contact = new LinkedHashMap<>();
        contact.put("email", "kein@");
        contact.put("phone", "");
        contact.put("website", "");
        contact.put("address", "");
        contact.put("leadEmail", "");

        // a stale status form: back to the lead the form was on
        HttpResponse<String> stale = staff.postForm("/agentur/leads/" + lead + "/status",
            Map.of("stage", "CONTACTED", "version", "999", "note", ""), "Referer", origin + "/agentur/leads/" + lead);
        assertSwitch(staff, stale, 409, "/agentur/leads/" + lead + "?lang=en");

        // an invalid webhook address: the inbox it was sent from, with that page's filter (its language left out)
        HttpResponse<String> webhook = staff.postForm("/agentur/webhook", Map.of("url", "kein link"),
            "Referer", origin + "/agentur/leads?status=NEW&lang=de&municipality=Dort%20mund");
        assertSwitch(staff, webhook, 422, "/agentur/leads?status=NEW&municipality=Dort+mund&lang=en");
        // without a Referer, with another site's, or with one the router has no GET route for: the nearest page
        // above the post's address that has one (the workspace), not the home page
        assertSwitch(staff, staff.postForm("/agentur/webhook", Map.of("url", "kein link")), 422, "/agentur?lang=en");
        assertSwitch(staff, staff.postForm("/agentur/webhook", Map.of("url", "kein link"),
            "Referer", "https://evil.example/agentur/leads"), 422, "/agentur?lang=en");
        assertSwitch(staff, staff.postForm("/agentur/webhook", Map.of("url", "kein link"),
            "Referer", origin + "/agentur/webhook"), 422, "/agentur?lang=en");

        // the agency's contact: its workspace
        assertSwitch(staff, staff.postForm("/agentur/profil", contact, "Referer", origin + "/agentur"), 422,
            "/agentur?lang=en");

        // an invitation refused on the admin's page
        assertSwitch(admin, admin.postForm("/admin/einladungen", Map.of("email", "kaputt", "name", "X",
            "role", "AGENCY_STAFF", "agencyId", "wf-dortmund"), "Referer", origin + "/admin"), 422, "/admin?lang=en");
        // a post to an address that has a GET route too keeps it, with the post's query
        assertSwitch(admin, admin.postForm("/admin/agenturen/wf-dortmund", Map.of("name", "", "shortName", "",
            "email", "", "phone", "", "website", "", "address", "", "firstContactDays", "0")), 422, "/admin/agenturen/wf-dortmund?lang=en");
        assertSwitch(admin, admin.postForm("/admin/gebiete?lang=de&suche=Hagen", Map.of("agencyId", "",
            "prefix", "05958040")), 422, "/admin/gebiete?suche=Hagen&lang=en");
    }

    /**
     * A browser that sends no {@code Referer} (a privacy setting, an extension) got a switch to the home page on the
     * result page's refused consent or contact form and on the agency's refused contact form: the switch left the
     * check. It leads to the form's own page above the post's address now, with the check's private link.
     */
    @Test
    void withoutARefererTheSwitchLeadsToThePageAboveThePostNotHome() {
        Http http = new Http(server, json);
        CompletedChecks.Completed check = CompletedChecks.of(questionnaires.current()).named("Ohne Referer GmbH")
            .at("44135").submit(http);
        String base = "/check/" + check.token();
        assertSwitch(http, http.postForm(base + "/einwilligung", Map.of("consentName", "", "consentEmail", "")), 422,
            base + "?lang=en");
        assertSwitch(http, http.postForm(base + "/kontakt", Map.of("contactName", "", "contactEmail", "kaputt")), 422,
            base + "?lang=en");
        Map<String, String> contact = new LinkedHashMap<>();
        contact.put("email", "kein@");
        contact.put("phone", "");
        contact.put("website", "");
        contact.put("address", "");
        contact.put("leadEmail", "");
        Http staff = users.get("do-staff");
        assertSwitch(staff, staff.postForm("/agentur/profil", contact), 422, "/agentur?lang=en");
    }

    @Test
    void getPagesKeepTheirPathAndQuery() {
        Http staff = users.get("do-staff");
        HttpResponse<String> inbox = staff.get("/agentur/leads?status=NEW&assignee=me&lang=de");
        assertSwitch(staff, inbox, 200, "/agentur/leads?status=NEW&assignee=me&lang=en");
        assertSwitch(staff, staff.get("/agentur/leads/" + lead), 200, "/agentur/leads/" + lead + "?lang=en");
        assertSwitch(users.get("admin"), users.get("admin").get("/admin/gebiete?suche=Hagen"), 200,
            "/admin/gebiete?suche=Hagen&lang=en");
    }

    /** The page's switch is {@code expected}, and following it answers the page (or a redirect), never 405. */
    private void assertSwitch(Http http, HttpResponse<String> page, int status, String expected) {
        String where = page.request().method() + " " + page.request().uri();
        assertThat(page.statusCode()).as(where).isEqualTo(status);
        Matcher link = SWITCH.matcher(page.body());
        assertThat(link.find()).as(where).isTrue();
        String href = link.group(1).replace("&amp;", "&");
        assertThat(href).as(where).isEqualTo(expected);
        int followed = http.get(href).statusCode();
        assertThat(followed).as(where + " → " + href).isNotEqualTo(405).isIn(200, 303);
        http.get(href.replace("lang=en", "lang=de")); // the language is remembered: back to German
    }
}
