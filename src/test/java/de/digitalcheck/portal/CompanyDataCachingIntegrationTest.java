package de.digitalcheck.portal;

import de.digitalcheck.portal.readiness.Questionnaires;
import de.digitalcheck.portal.shared.mail.DevMailbox;
import de.digitalcheck.portal.support.CompletedChecks;
import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.SignedInTests;
import io.micronaut.http.HttpMethod;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No answer that shows a company's data may be kept by a cache or the browser: every GET route of the route table,
 * called by whom it is for (the company with its private link and its "Mein Unternehmen" session, or the staff),
 * answers with {@code Cache-Control: no-store}. Only agency logos and static assets may be cached. And none of them may
 * be listed by search engines ({@code X-Robots-Tag: noindex}) but the public pages: the home page, the check's start,
 * the legal pages and the API's page.
 */
@MicronautTest(transactional = false)
class CompanyDataCachingIntegrationTest extends SignedInTests {

    @Inject
    Router router;
    @Inject
    Questionnaires questionnaires;
    @Inject
    DevMailbox mailbox;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new LinkedHashMap<>(super.getProperties());
        properties.put("portal.mail.mode", "mailbox");
        return properties;
    }

    /** The routes whose pages search engines may list ({@code @Indexable}). */
    static final Set<String> PUBLIC_PAGES = Set.of("/", "/check", "/impressum", "/datenschutz", "/barrierefreiheit", "/lizenzen",
        "/schnittstelle");

    @Test
    void everyAnswerOfARouteIsNoStoreAndUnlistedExceptLogosAssetsAndPublicPages() {
        Http company = new Http(server, json);
        CompletedChecks.Completed check = CompletedChecks.of(questionnaires.current()).named("Cache GmbH").at("58452")
            .sized("C", 12).contact("Clara Cache", "clara@cache.example.org").submit(company);
        assertThat(company.postForm("/mein-unternehmen", Map.of("email", "clara@cache.example.org")).statusCode())
            .isEqualTo(303);
        Matcher link = signInLink();
        assertThat(company.postForm(link.group(1), Map.of()).statusCode()).isEqualTo(303);

        Map<String, Http> staff = Map.of("/admin", as("cache-admin", "admin@digitalcheck.example.org"),
            "/workspace", as("cache-admin-2", "staff@dortmund.example.org"),
            "/agentur", as("cache-staff", "staff@en-agentur.example.org"),
            "/coach", as("cache-coach", "coach@en-agentur.example.org"));
        Map<String, Integer> checked = new LinkedHashMap<>();
        for (UriRouteInfo<?, ?> route : router.uriRoutes().filter(r -> r.getHttpMethod() == HttpMethod.GET).toList()) {
            String template = route.getUriMatchTemplate().toString();
            if (template.startsWith("/oauth/")) {
                continue; // the sign-in's own redirects
            }
            String path = route.getUriMatchTemplate().expand(Map.of("token", check.token(), "dimension", "strategy",
                "id", template.startsWith("/api/v1/assessments/") ? check.id() : "en-agentur", "coachId", "en-agentur"));
            if (template.startsWith("/api/v1/assessments/")) {
                path += "?token=" + check.token();
            }
            String finalPath = path;
            Http http = staff.entrySet().stream().filter(e -> finalPath.startsWith(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(company);
            HttpResponse<String> response = http.get(path);
            Optional<String> robots = response.headers().firstValue("X-Robots-Tag");
            if (PUBLIC_PAGES.contains(template)) {
                assertThat(robots).as("GET " + path + " (" + response.statusCode() + "): a public page").isEmpty();
            } else {
                assertThat(robots).as("GET " + path + " (" + response.statusCode() + ")").hasValueSatisfying(
                    value -> assertThat(value).startsWith("noindex"));
            }
            String cacheControl = response.headers().firstValue("Cache-Control").orElse("");
            if (template.equals("/agenturen/{id}/logo")) {
                continue; // public, and cacheable when there is one (an agency without a logo: 404, no-store)
            }
            assertThat(cacheControl).as("GET " + path + " (" + response.statusCode() + ")").contains("no-store");
            checked.put(template, response.statusCode());
        }
        assertThat(checked.keySet()).as("the public pages were among them").containsAll(PUBLIC_PAGES);
        // the pages and answers with a company's data were among them, and showed it
        assertThat(checked).containsEntry("/check/{token}/result", 200).containsEntry("/check/{token}/profile", 200)
            .containsEntry("/check/{token}/step/{dimension}", 200).containsEntry("/check/{token}/report.pdf", 200)
            .containsEntry("/mein-unternehmen/uebersicht", 200).containsEntry("/mein-unternehmen/export", 200)
            .containsEntry("/api/v1/assessments/{id}", 200).containsEntry("/api/v1/assessments/{id}/report", 200)
            .containsEntry("/admin", 200).containsEntry("/agentur", 200);
        // redirects and errors are not kept either; static assets may be
        assertThat(company.get("/check/" + "A".repeat(43) + "/result").headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(company.get("/gibt-es-nicht").headers().firstValue("Cache-Control")).contains("no-store");
        // decided by the route matched: the same page by another spelling is public too; errors and redirects are not
        assertThat(company.get("/impressum/").statusCode()).isEqualTo(200);
        assertThat(company.get("/impressum/").headers().firstValue("X-Robots-Tag")).isEmpty();
        assertThat(company.get("/?lang=en").headers().firstValue("X-Robots-Tag")).isEmpty();
        assertThat(company.get("/gibt-es-nicht").headers().firstValue("X-Robots-Tag")).contains("noindex, nofollow");
        assertThat(company.get("/check/" + "A".repeat(43) + "/result").headers().firstValue("X-Robots-Tag"))
            .contains("noindex, nofollow");
        assertThat(new Http(server, json).get("/admin").headers().firstValue("X-Robots-Tag")).contains("noindex, nofollow");
        String page = company.get("/").body();
        Matcher css = Pattern.compile("href=\"(/assets/[^\"]+\\.css)\"").matcher(page);
        assertThat(css.find()).isTrue();
        HttpResponse<String> asset = company.get(css.group(1));
        assertThat(asset.statusCode()).isEqualTo(200);
        assertThat(asset.headers().firstValue("Cache-Control").orElse("")).doesNotContain("no-store");
        assertThat(asset.headers().firstValue("X-Robots-Tag")).isEmpty();
    }

    /** The sign-in mail goes through the outbox, so it arrives after the answer: waits for it (at most 10 s). */
    private Matcher signInLink() {
        Pattern pattern = Pattern.compile("(/mein-unternehmen/link/[A-Za-z0-9_-]{43})");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            for (DevMailbox.Received received : mailbox.newestFirst()) {
                Matcher link = pattern.matcher(received.mail().text());
                if (link.find()) {
                    return link;
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no sign-in mail with a link arrived within 10 s");
    }
}
