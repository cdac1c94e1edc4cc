package de.digitalcheck.portal.shared.web;

import de.digitalcheck.portal.readiness.Questionnaires;
import de.digitalcheck.portal.support.CompletedChecks;
import de.digitalcheck.portal.support.Database;
import de.digitalcheck.portal.support.Http;
import io.micronaut.http.HttpMethod;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request to the API that cannot be read is answered as the API answers: problem+json with a message that says
 * what is wrong, never a page and never "an unexpected error". Every GET route of the API is asked with a query
 * string that is no valid percent-encoding, a path of the same kind, and an {@code Accept} the API cannot serve.
 */
@MicronautTest(transactional = false)
class ApiMalformedRequestIntegrationTest {

    @Inject
    EmbeddedServer server;
    @Inject
    Router router;
    @Inject
    Questionnaires questionnaires;
    @Inject
    JsonMapper json;
    @Inject
    javax.sql.DataSource dataSource;

    private List<String> apiGetPaths() {
        List<String> paths = router.uriRoutes()
            .filter(r -> r.getHttpMethod() == HttpMethod.GET)
            .map(UriRouteInfo::getUriMatchTemplate)
            .map(t -> t.expand(java.util.Map.of("id", "00000000-0000-0000-0000-000000000000", "token", "x",
                "dimension", "strategy")))
            .filter(p -> p.startsWith("/api/"))
            .distinct()
            .toList();
        assertThat(paths).as("the API's GET routes").hasSizeGreaterThan(3);
        return paths;
    }

    @Test
    void aQueryOrPathThatIsNoValidEncodingIsABadRequestAsProblemJson() throws IOException {
        for (String path : apiGetPaths()) {
            for (String target : List.of(path + "?x=%ZZ", path + "?lang=%E0%A4%A", path + "?%ZZ=1")) {
                String response = rawGet(target, "application/json", "en");
                assertThat(statusLine(response)).as(target).isEqualTo("HTTP/1.1 400 Bad Request");
                assertThat(header(response, "content-type")).as(target).startsWith("application/problem+json");
                assertThat(response).as(target).contains("\"status\":400").doesNotContain("unexpected");
            }
        }
        String response = rawGet("/api/v1/%ZZ", "application/json", "de");
        assertThat(statusLine(response)).isEqualTo("HTTP/1.1 400 Bad Request");
        assertThat(header(response, "content-type")).startsWith("application/problem+json");
    }

    @Test
    void anAcceptTheApiCannotServeIsNotAcceptableAndSaysWhatItServes() throws IOException {
        for (String path : apiGetPaths()) {
            String response = rawGet(path, "application/xml", "en");
            if (statusLine(response).startsWith("HTTP/1.1 406")) {
                assertThat(header(response, "content-type")).as(path).startsWith("application/problem+json");
                assertThat(response).as(path).contains("application/json").doesNotContain("unexpected");
            } else {
                // a route that answers anyway (the PDF's route ignores Accept) must not fail
                assertThat(statusLine(response)).as(path).doesNotContain(" 500 ");
            }
        }
        String agencies = rawGet("/api/v1/agencies", "application/xml", "de");
        assertThat(statusLine(agencies)).isEqualTo("HTTP/1.1 406 Not Acceptable");
        assertThat(agencies).contains("application/json").doesNotContain("unerwarteter");
        // refused before routing, outside the server filters: the headers every response has, all the same
        String malformed = rawGet("/api/v1/agencies", "application/json;q=2", "en");
        assertThat(statusLine(malformed)).isEqualTo("HTTP/1.1 400 Bad Request");
        for (String response : List.of(agencies, malformed)) {
            assertThat(header(response, "content-security-policy")).contains("default-src");
            assertThat(header(response, "cache-control")).isEqualTo("no-store");
            assertThat(header(response, "x-robots-tag")).isEqualTo("noindex, nofollow");
            assertThat(header(response, "x-content-type-options")).isEqualTo("nosniff");
            assertThat(header(response, "referrer-policy")).isEqualTo("same-origin");
        }
        for (String accept : List.of("application/*", "*/*", "application/json", "text/html, application/*;q=0.8")) {
            assertThat(statusLine(rawGet("/api/v1/agencies", accept, "de"))).as(accept).isEqualTo("HTTP/1.1 200 OK");
        }
        assertThat(statusLine(rawGet("/api/v1/agencies", "text/*", "de"))).isEqualTo("HTTP/1.1 406 Not Acceptable");
    }

    /**
     * A request line or headers too long for the server (the first line over 4,096 bytes, headers over 8 KB): 414 and
     * 431, never a server error. A page gets the error page's text; the API its problem+json in the language of
     * Accept-Language, as every other API error (a first line too long was the German page there: the server could not
     * read far enough to know the path).
     */
    @Test
    void aRequestTooLongToReadIsAClientErrorNeverAServerError() throws IOException {
        String longQuery = "?suche=" + "x".repeat(5000);
        for (String path : List.of("/agentur/leads", "/")) {
            String response = rawGet(path + longQuery, "text/html", "de", "");
            assertThat(statusLine(response)).as(path).matches("HTTP/1\\.[01] 414 .*");
            assertThat(header(response, "content-type")).as(path).startsWith("text/html");
            assertThat(response).as(path).contains("Die Adresse war zu lang").doesNotContain("unerwarteter");
            // the language switch cannot lead back to the address (too long) nor to Netty's stand-in for it
            assertThat(response).as(path).contains("href=\"/?lang=en\"").doesNotContain("bad-request");
        }
        for (String query : List.of(longQuery, "?x=" + "x".repeat(20_000), "?x=" + "x".repeat(60_000))) {
            for (String path : List.of("/api/v1/agencies", "/api/v1/agency/leads", "/api/v1/nothing")) {
                String english = rawGet(path + query, "application/json", "en", "");
                String as = path + " with a query of " + query.length();
                assertThat(statusLine(english)).as(as).startsWith("HTTP/1.1 414 ");
                assertThat(header(english, "content-type")).as(as).startsWith("application/problem+json");
                assertThat(header(english, "content-language")).as(as).isEqualTo("en");
                assertThat(english).as(as).contains("\"status\":414", "\"title\":\"Address too long\"",
                    "at most 4096 characters").doesNotContain("<html", "xxxxxxxxxx");
                String german = rawGet(path + query, "application/json", "de-DE, en;q=0.5", "");
                assertThat(header(german, "content-type")).as(as).startsWith("application/problem+json");
                assertThat(german).as(as).contains("\"title\":\"Adresse zu lang\"");
            }
        }
        // the same targets in absolute form (RFC 9112 §3.2.2), which the server serves as the path they name
        String base = "http://localhost:" + server.getPort();
        for (String target : List.of(base + "/api/v1/agencies" + longQuery, "HTTP://LOCALHOST/api/v1/agencies" + longQuery)) {
            String absolute = rawGet(target, "application/json", "en", "");
            assertThat(statusLine(absolute)).as(target).startsWith("HTTP/1.1 414 ");
            assertThat(header(absolute, "content-type")).as(target).startsWith("application/problem+json");
            assertThat(absolute).as(target).contains("\"title\":\"Address too long\"");
        }
        String absoluteUnreadable = rawGet(base + "/api/v1/agencies?x=%ZZ", "application/json", "en", "");
        assertThat(statusLine(absoluteUnreadable)).startsWith("HTTP/1.1 400 ");
        assertThat(header(absoluteUnreadable, "content-type")).startsWith("application/problem+json");
        String absolutePage = rawGet(base + "/agentur/leads" + longQuery, "text/html", "de", "");
        assertThat(header(absolutePage, "content-type")).startsWith("text/html");
        assertThat(absolutePage).contains("Die Adresse war zu lang");
        // a post to the API whose first line is too long: its body is not read as the next request
        String post = raw("POST", "/api/v1/assessments" + longQuery, "{}".getBytes(StandardCharsets.UTF_8),
            "Content-Type: application/json\r\nAccept-Language: en\r\n");
        assertThat(statusLine(post)).startsWith("HTTP/1.1 414 ");
        assertThat(header(post, "content-type")).startsWith("application/problem+json");
        assertThat(post.split("HTTP/1\\.1 ", -1)).as("one answer").hasSize(2);
        // a body too large for the API: 413 as problem+json
        String large = raw("POST", "/api/v1/assessments", ("{\"x\":\"" + "x".repeat(300_000) + "\"}")
            .getBytes(StandardCharsets.UTF_8), "Content-Type: application/json\r\nAccept-Language: en\r\n");
        assertThat(statusLine(large)).startsWith("HTTP/1.1 413 ");
        assertThat(header(large, "content-type")).startsWith("application/problem+json");
        assertThat(large).contains("\"status\":413", "Request too large");
        String cookies = rawGet("/", "text/html", "de", "Cookie: a=" + "x".repeat(9000) + "\r\n");
        assertThat(statusLine(cookies)).matches("HTTP/1\\.[01] 431 .*");
        assertThat(cookies).contains("Cookies dieser Seite").doesNotContain("unerwarteter").doesNotContain("bad-request");
        // answered outside the server filters, yet with every response's security headers
        for (String response : List.of(rawGet("/api/v1/agencies" + longQuery, "application/json", "de", ""), cookies)) {
            assertThat(header(response, "content-security-policy")).startsWith("default-src 'self'");
            assertThat(header(response, "x-frame-options")).isEqualTo("DENY");
            assertThat(header(response, "x-content-type-options")).isEqualTo("nosniff");
            assertThat(header(response, "referrer-policy")).isEqualTo("same-origin");
            assertThat(header(response, "cache-control")).isEqualTo("no-store");
            assertThat(header(response, "x-robots-tag")).isEqualTo("noindex, nofollow");
        }
        String unreadable = rawGet("/api/v1/agencies?x=%ZZ", "application/json", "en");
        assertThat(header(unreadable, "content-security-policy")).startsWith("default-src 'self'");
        assertThat(header(unreadable, "x-frame-options")).isEqualTo("DENY");
        // headers the server cannot read (a control character, two lengths): on an API path the API's problem+json
        // in the caller's language, on a page the page; the header line itself is not echoed
        for (String header : List.of("X-Foo: a\u0001b\r\n", "Authorization: Bearer dc_pat_\u0001\r\n",
            "Content-Length: 1\r\nContent-Length: 2\r\n")) {
            String api = rawGet("/api/v1/agency/leads", "application/json", "en", header);
            assertThat(statusLine(api)).as(header).matches("HTTP/1\\.[01] 400 .*");
            assertThat(header(api, "content-type")).as(header).startsWith("application/problem+json");
            assertThat(api).as(header).contains("\"status\":400", "The request is malformed.").doesNotContain("dc_pat_");
            assertThat(header(api, "content-security-policy")).startsWith("default-src 'self'");
            String page = rawGet("/agentur/leads", "text/html", "de", header);
            assertThat(statusLine(page)).as(header).matches("HTTP/1\\.[01] 400 .*");
            assertThat(header(page, "content-type")).as(header).startsWith("text/html");
        }
        String tooLarge = rawGet("/api/v1/agencies", "application/json", "en", "Cookie: a=" + "x".repeat(9000) + "\r\n");
        assertThat(statusLine(tooLarge)).matches("HTTP/1\\.[01] 431 .*");
        assertThat(header(tooLarge, "content-type")).startsWith("application/problem+json");
        // just under the limits: read and answered as usual
        assertThat(statusLine(rawGet("/?x=" + "x".repeat(3500), "text/html", "de", ""))).isEqualTo("HTTP/1.1 200 OK");
        // the first line's limit: 4,096 bytes ("GET " + target + " HTTP/1.1") are read, one more is too long
        String target = "/api/v1/agencies?x=";
        target += "x".repeat(4096 - "GET  HTTP/1.1".length() - target.length());
        assertThat(statusLine(rawGet(target, "application/json", "en", ""))).isEqualTo("HTTP/1.1 200 OK");
        assertThat(statusLine(rawGet(target + "x", "application/json", "en", ""))).startsWith("HTTP/1.1 414 ");
    }

    /**
     * A request line longer than the server reads at all (over 64 KB: Netty gives up on it before its headers) and
     * headers over the limit, whatever header comes after the one too large: the API answers problem+json in the
     * language of Accept-Language, as every other API error (the line cut off was the German error page, headers after
     * the one too large were not read), a page the error page in the person's language. Answered once the request's
     * head has arrived, or after a short wait for one whose head never ends.
     */
    @Test
    void aHeadTheServerGivesUpOnIsAnsweredAsTheApiAnswersInTheCallersLanguage() throws IOException {
        String cutOff = "?x=" + "x".repeat(70_000);
        for (String path : List.of("/api/v1/agencies", "/api/v1/agency/leads", "/api/v1/nothing",
            "http://localhost:" + server.getPort() + "/api/v1/agencies")) {
            String english = rawGet(path + cutOff, "application/json", "en", "");
            assertThat(statusLine(english)).as(path).startsWith("HTTP/1.1 414 ");
            assertThat(header(english, "content-type")).as(path).startsWith("application/problem+json");
            assertThat(header(english, "content-language")).as(path).isEqualTo("en");
            assertThat(english).as(path).contains("\"status\":414", "\"title\":\"Address too long\"",
                "at most 4096 characters").doesNotContain("<html", "xxxxxxxxxx");
            String german = rawGet(path + cutOff, "application/json", "fr, de-DE;q=0.8, en;q=0.5", "");
            assertThat(header(german, "content-type")).as(path).startsWith("application/problem+json");
            assertThat(german).as(path).contains("\"title\":\"Adresse zu lang\"");
        }
        // far longer than Netty reads, the headers after it still count
        String longer = rawGet("/api/v1/agencies?x=" + "x".repeat(600_000), "application/json", "en", "");
        assertThat(header(longer, "content-type")).startsWith("application/problem+json");
        assertThat(header(longer, "content-language")).isEqualTo("en");
        // a post whose first line is cut off: one answer, its body not read as the next request
        String post = raw("POST", "/api/v1/assessments" + cutOff, "{}".getBytes(StandardCharsets.UTF_8),
            "Content-Type: application/json\r\nAccept-Language: en\r\n");
        assertThat(statusLine(post)).startsWith("HTTP/1.1 414 ");
        assertThat(post).contains("\"title\":\"Address too long\"");
        assertThat(post.split("HTTP/1\\.1 ", -1)).as("one answer").hasSize(2);
        // on a connection that served requests before, the last one with a body without a line break after it
        String body = "{\"x\":1}";
        List<String> answers = rawInTurn(List.of(
            "GET /api/v1/agencies HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n\r\n",
            "POST /api/v1/assessments HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Accept-Language: de\r\nContent-Length: " + body.length() + "\r\n\r\n" + body,
            "GET /api/v1/agencies" + cutOff + " HTTP/1.1\r\nHost: localhost\r\nAccept-Language: en\r\n"
                + "Connection: close\r\n\r\n"));
        assertThat(statusLine(answers.get(0))).isEqualTo("HTTP/1.1 200 OK");
        assertThat(statusLine(answers.get(1))).startsWith("HTTP/1.1 4");
        assertThat(statusLine(answers.get(2))).startsWith("HTTP/1.1 414 ");
        assertThat(header(answers.get(2), "content-type")).startsWith("application/problem+json");
        assertThat(answers.get(2)).contains("\"title\":\"Address too long\"");

        // headers too large, the language named after them: still the caller's
        String large = "Cookie: a=" + "x".repeat(9000) + "\r\n";
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            many.append("X-Header-").append(i).append(": ").append("v".repeat(30)).append("\r\n");
        }
        for (String headers : List.of(large, many.toString())) {
            String api = raw("GET", "/api/v1/agencies", null, "Accept: application/json\r\n" + headers
                + "Accept-Language: en\r\n");
            assertThat(statusLine(api)).startsWith("HTTP/1.1 431 ");
            assertThat(header(api, "content-type")).startsWith("application/problem+json");
            assertThat(header(api, "content-language")).isEqualTo("en");
            assertThat(api).contains("\"status\":431", "\"title\":\"Headers too large\"");
        }
    }

    /**
     * Headers too large under {@code /api/}: the answer's {@code Content-Language} names the language its body is
     * written in, and that is the language of the first {@code Accept-Language} line, wherever it stands. Cookies sent
     * as many lines of their own before it crowded it out (the head's reader kept eight lines of either kind), and the
     * answer was German for a caller who asked for English.
     */
    @Test
    void headersTooLargeAreAnsweredInTheLanguageTheirContentLanguageNames() throws IOException {
        String large = "Cookie: a=" + "x".repeat(9000) + "\r\n";
        StringBuilder cookies = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            cookies.append("Cookie: c").append(i).append('=').append("y".repeat(500)).append("\r\n");
        }
        java.util.Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("Accept-Language: en\r\n" + large, "en");
        cases.put(large + "Accept-Language: en\r\n", "en");
        cases.put(cookies + "Accept-Language: en\r\n", "en");
        cases.put(cookies + "Accept-Language: en\r\nAccept-Language: de\r\n", "en");
        cases.put(cookies + "Accept-Language: de-DE, en;q=0.5\r\n", "de");
        cases.put("Accept-Language: fr, en;q=0.8\r\n" + cookies, "en");
        cases.put("Accept-Language: de;q=0.1, en\r\n" + large, "en");
        cases.put("Accept-Language: en;q=0\r\n" + large, "de");
        cases.put(large, "de");
        for (var c : cases.entrySet()) {
            String as = c.getKey().replaceAll("[xy]{20,}", "…").replace("\r\n", " | ");
            for (String method : List.of("GET", "POST")) {
                String path = method.equals("GET") ? "/api/v1/agencies" : "/api/v1/assessments";
                String answer = raw(method, path, method.equals("GET") ? null : "{}".getBytes(StandardCharsets.UTF_8),
                    "Accept: application/json\r\nContent-Type: application/json\r\n" + c.getKey());
                assertThat(statusLine(answer)).as(as).startsWith("HTTP/1.1 431 ");
                assertThat(header(answer, "content-type")).as(as).startsWith("application/problem+json");
                assertThat(header(answer, "content-language")).as(as).isEqualTo(c.getValue());
                assertThat(answer).as(as).contains(c.getValue().equals("en") ? "\"title\":\"Headers too large\""
                    : "\"title\":\"Kopfzeilen zu groß\"");
            }
        }
    }

    /**
     * A request whose lines end in a bare LF (no CR), which the server's strict parser refuses: under {@code /api/} the
     * API's 400 problem+json in the language of its {@code Accept-Language}, as every other request it cannot read (it
     * was the HTML error page: the server had only its stand-in for the line, not the path); a page still the page.
     */
    @Test
    void aRequestWithBareLineFeedsIsAnsweredAsTheApiAnswers() throws IOException {
        for (String path : List.of("/api/v1/agencies", "/api/v1/nothing?x=1",
            "http://localhost:" + server.getPort() + "/api/v1/agencies")) {
            for (String method : List.of("GET", "HEAD", "POST")) {
                String as = method + " " + path;
                String english = rawInTurn(List.of(method + " " + path + " HTTP/1.1\nHost: localhost\n"
                    + "Accept-Language: fr, en;q=0.8\nConnection: close\n\n")).get(0);
                assertThat(statusLine(english)).as(as).isEqualTo("HTTP/1.1 400 Bad Request");
                assertThat(header(english, "content-type")).as(as).startsWith("application/problem+json");
                assertThat(header(english, "content-language")).as(as).isEqualTo("en");
                assertThat(header(english, "content-security-policy")).as(as).startsWith("default-src 'self'");
                if (method.equals("HEAD")) {
                    // a HEAD's answer: its status and headers, no body (which a client reading on takes for the next)
                    assertThat(english.substring(english.indexOf("\r\n\r\n") + 4)).as(as).isEmpty();
                } else {
                    assertThat(english).as(as).contains("\"status\":400", "The request is malformed.")
                        .doesNotContain("<html");
                }
                String german = rawInTurn(List.of(method + " " + path + " HTTP/1.1\nHost: localhost\n"
                    + "Connection: close\n\n")).get(0);
                assertThat(header(german, "content-type")).as(as).startsWith("application/problem+json");
                assertThat(header(german, "content-language")).as(as).isEqualTo("de");
            }
        }
        // only the line's own end bare: the same
        String mixed = rawInTurn(List.of("GET /api/v1/agencies HTTP/1.1\nHost: localhost\r\nAccept-Language: en\r\n"
            + "Connection: close\r\n\r\n")).get(0);
        assertThat(statusLine(mixed)).isEqualTo("HTTP/1.1 400 Bad Request");
        assertThat(header(mixed, "content-type")).startsWith("application/problem+json");
        assertThat(header(mixed, "content-language")).isEqualTo("en");
        // a page with bare line feeds: the error page, in the page's language
        String page = rawInTurn(List.of("GET /agentur/leads HTTP/1.1\nHost: localhost\nAccept-Language: en\n"
            + "Connection: close\n\n")).get(0);
        assertThat(statusLine(page)).isEqualTo("HTTP/1.1 400 Bad Request");
        assertThat(header(page, "content-type")).startsWith("text/html");
        assertThat(header(page, "content-language")).isEqualTo("en");
        // a real path named like the server's stand-in is not the API's
        String named = rawInTurn(List.of("GET /bad-request HTTP/1.1\nHost: localhost\nConnection: close\n\n")).get(0);
        assertThat(header(named, "content-type")).startsWith("text/html");
    }

    /**
     * The {@code Accept-Language} of a request the server could not read (here: headers too large, {@code 431}) is read
     * as that of every other API request: whole (one over 4 KB was cut there and counted as none, German), with the
     * lines it is folded over (obs-fold; they were left out), and of two such fields the first. Each case is asked as
     * a readable request (a body that is not JSON, {@code 400}) and with a large cookie before and after it: the three
     * answers speak the same language.
     */
    @Test
    void theLanguageOfHeadersTooLargeIsReadAsEveryApiRequestsLanguage() throws IOException {
        String longLanguage = "fr;q=0.9, ".repeat(500) + "en"; // about 5 KB
        java.util.Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("Accept-Language: " + longLanguage + "\r\n", "en");
        cases.put("Accept-Language: " + longLanguage + "\r\nAccept-Language: de\r\n", "en");
        cases.put("Accept-Language: fr,\r\n en\r\n", "en");
        cases.put("Accept-Language: fr\r\n\t, en;q=0.5\r\n", "en");
        cases.put("Accept-Language: fr,\r\n en\r\nAccept-Language: de\r\n", "en");
        cases.put("Accept-Language: en\r\nAccept-Language: de\r\n", "en");
        cases.put("Accept-Language: de\r\nAccept-Language: en\r\n", "de");
        cases.put("Accept-Language: de;q=0.1, en\r\nX-Other: 1\r\nAccept-Language: de\r\n", "en");
        cases.put("Accept-Language: de,\r\n en\r\n", "de");
        byte[] notJson = "[1, 2]".getBytes(StandardCharsets.UTF_8);
        String large = "Cookie: a=" + "x".repeat(9000) + "\r\n";
        for (var c : cases.entrySet()) {
            String as = c.getKey().replaceAll("(fr;q=0.9, ){20,}", "…").replace("\r\n", " | ");
            boolean english = c.getValue().equals("en");
            String readable = raw("POST", "/api/v1/assessments", notJson, "Content-Type: application/json\r\n"
                + c.getKey());
            assertThat(statusLine(readable)).as(as).isEqualTo("HTTP/1.1 400 Bad Request");
            assertThat(readable).as(as).contains(english ? "The request body is not a valid JSON object."
                : "Der Inhalt der Anfrage ist kein gültiges JSON-Objekt.");
            for (String headers : List.of(large + c.getKey(), c.getKey() + large)) {
                String tooLarge = raw("GET", "/api/v1/agencies", null, "Accept: application/json\r\n" + headers);
                assertThat(statusLine(tooLarge)).as(as).startsWith("HTTP/1.1 431 ");
                assertThat(header(tooLarge, "content-type")).as(as).startsWith("application/problem+json");
                assertThat(header(tooLarge, "content-language")).as(as).isEqualTo(c.getValue());
                assertThat(tooLarge).as(as).contains(english ? "\"title\":\"Headers too large\""
                    : "\"title\":\"Kopfzeilen zu groß\"");
            }
        }
        // a language field over the headers' limit itself cannot be read: German
        String alone = raw("GET", "/api/v1/agencies", null, "Accept-Language: en, " + "fr, ".repeat(2100) + "\r\n");
        assertThat(statusLine(alone)).startsWith("HTTP/1.1 431 ");
        assertThat(header(alone, "content-language")).isEqualTo("de");
    }

    /**
     * A request line cut off whose head never ends (the client sends no more and waits): answered after a short wait
     * with what was read, not left to the connection's idle timeout.
     */
    @Test
    void aHeadThatNeverEndsIsAnsweredAfterAShortWait() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            long start = System.nanoTime();
            out.write(("GET /api/v1/agencies?x=" + "x".repeat(70_000) + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Accept-Language: en\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(statusLine(response)).startsWith("HTTP/1.1 414 ");
            assertThat(header(response, "content-type")).startsWith("application/problem+json");
            assertThat(header(response, "content-language")).as("from the headers that came").isEqualTo("en");
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(10));
        }
    }

    /**
     * A body that is not exactly one JSON object in UTF-8 is malformed: Latin-1 bytes are not read as U+FFFD,
     * trailing text, a second object and a member name twice are not read as the first object. 400 in the request's
     * language, nothing stored.
     */
    @Test
    void aBodyThatIsNotExactlyOneUtf8JsonObjectIsABadRequestAndStoresNothing() throws IOException {
        Http http = new Http(server, json);
        String valid = http.write(CompletedChecks.of(questionnaires.current()).named("Müller Bäckerei").body());
        String duplicate = "{\"language\":\"de\"," + valid.substring(1);
        Database db = new Database(dataSource);
        long before = db.count("assessment");
        List<byte[]> bodies = List.of(valid.getBytes(StandardCharsets.ISO_8859_1), (valid + "xyz").getBytes(StandardCharsets.UTF_8),
            (valid + valid).getBytes(StandardCharsets.UTF_8), (valid + " {}").getBytes(StandardCharsets.UTF_8),
            duplicate.getBytes(StandardCharsets.UTF_8),
            valid.replace("\"companyType\"", "\"sector\":\"C\",\"companyType\"").getBytes(StandardCharsets.UTF_8));
        assertThat(valid).contains("\"sector\"");
        for (byte[] body : bodies) {
            String response = raw("POST", "/api/v1/assessments", body, "Content-Type: application/json\r\nAccept-Language: en\r\n");
            String shown = new String(body, StandardCharsets.ISO_8859_1);
            assertThat(statusLine(response)).as(shown).isEqualTo("HTTP/1.1 400 Bad Request");
            assertThat(header(response, "content-type")).as(shown).startsWith("application/problem+json");
            assertThat(response).as(shown).contains("The request body is not a valid JSON object.");
        }
        // a booking's change reads its body the same way: refused before the (unknown) booking is looked up
        String cancel = raw("POST", "/api/v1/bookings/00000000-0000-0000-0000-000000000000/cancel",
            "{\"token\":\"x\"}{}".getBytes(StandardCharsets.UTF_8), "Content-Type: application/json\r\n");
        assertThat(statusLine(cancel)).isEqualTo("HTTP/1.1 400 Bad Request");
        assertThat(db.count("assessment")).as("nothing stored").isEqualTo(before);

        String stored = raw("POST", "/api/v1/assessments", valid.getBytes(StandardCharsets.UTF_8),
            "Content-Type: application/json; charset=utf-8\r\n");
        assertThat(statusLine(stored)).isEqualTo("HTTP/1.1 201 Created");
        assertThat(db.value("SELECT COUNT(*) FROM assessment WHERE company_name = ?", "Müller Bäckerei").toString()).isEqualTo("1");
    }

    /**
     * Every API route that takes a body demands a Content-Type it consumes: without one it is 415, as with another
     * one; nothing stored. (The agency API asks for its token first, whatever the type; its PATCH with a token:
     * AgencyApiIntegrationTest, AuthorizationMatrixIntegrationTest.)
     */
    @Test
    void everyApiRouteThatTakesABodyRefusesARequestWithoutContentType() throws IOException {
        Http http = new Http(server, json);
        String valid = http.write(CompletedChecks.of(questionnaires.current()).body());
        Database db = new Database(dataSource);
        long before = db.count("assessment");
        List<UriRouteInfo<?, ?>> routes = router.uriRoutes()
            .filter(r -> r.getUriMatchTemplate().toString().startsWith("/api/") && r.getBodyArgument().isPresent())
            .toList();
        assertThat(routes).extracting(r -> r.getHttpMethodName() + " " + r.getUriMatchTemplate())
            .contains("POST /api/v1/assessments", "POST /api/v1/bookings/{id}/reschedule", "PATCH /api/v1/agency/leads/{id}");
        for (UriRouteInfo<?, ?> route : routes) {
            String path = route.getUriMatchTemplate().expand(java.util.Map.of("id", "00000000-0000-0000-0000-000000000000"));
            for (String type : List.of("", "Content-Type: text/plain\r\n")) {
                String response = raw(route.getHttpMethodName(), path, valid.getBytes(StandardCharsets.UTF_8),
                    type + "Accept-Language: en\r\n");
                String as = route.getHttpMethodName() + " " + path + " " + type;
                assertThat(header(response, "content-type")).as(as).startsWith("application/problem+json");
                if (path.startsWith("/api/v1/agency/")) {
                    // the agency API decides who calls before what is sent: no token, 401 whatever the type
                    assertThat(statusLine(response)).as(as).isEqualTo("HTTP/1.1 401 Unauthorized");
                } else {
                    assertThat(statusLine(response)).as(as).isEqualTo("HTTP/1.1 415 Unsupported Media Type");
                    assertThat(response).as(as).contains("Please send application/json.");
                }
            }
        }
        assertThat(db.count("assessment")).as("nothing stored").isEqualTo(before);
    }

    /**
     * Two {@code Content-Type} fields in one request to an API route that takes a body, equal or not, are a 400
     * naming {@code Content-Type} in the caller's language (the first one counted: a valid check was stored); nothing
     * stored. The agency API decides who calls first (401 without a token; with one: AgencyApiIntegrationTest). One
     * field with a charset is still read.
     */
    @Test
    void twoContentTypeFieldsAreABadRequestNamingTheHeaderAndStoreNothing() throws IOException {
        Http http = new Http(server, json);
        byte[] valid = http.write(CompletedChecks.of(questionnaires.current()).named("Zwei Typen GmbH").body())
            .getBytes(StandardCharsets.UTF_8);
        Database db = new Database(dataSource);
        long before = db.count("assessment");
        List<UriRouteInfo<?, ?>> routes = router.uriRoutes()
            .filter(r -> r.getUriMatchTemplate().toString().startsWith("/api/") && r.getBodyArgument().isPresent())
            .toList();
        assertThat(routes).hasSizeGreaterThanOrEqualTo(5);
        List<String> twice = List.of("Content-Type: application/json\r\nContent-Type: application/json\r\n",
            "Content-Type: application/json\r\nContent-Type: text/plain\r\n",
            "Content-Type: text/plain\r\nContent-Type: application/json; charset=utf-8\r\n");
        String unknown = "00000000-0000-0000-0000-000000000000";
        for (UriRouteInfo<?, ?> route : routes) {
            String path = route.getUriMatchTemplate().expand(java.util.Map.of("id", unknown));
            for (String types : twice) {
                String response = raw(route.getHttpMethodName(), path, valid, types + "Accept-Language: en\r\n");
                String as = route.getHttpMethodName() + " " + path + " " + types;
                assertThat(header(response, "content-type")).as(as).startsWith("application/problem+json");
                if (path.startsWith("/api/v1/agency/")) {
                    assertThat(statusLine(response)).as(as).isEqualTo("HTTP/1.1 401 Unauthorized");
                    continue;
                }
                assertThat(statusLine(response)).as(as).isEqualTo("HTTP/1.1 400 Bad Request");
                assertThat(response).as(as).contains("\"field\":\"Content-Type\"",
                    "The request has more than one Content-Type field");
                assertThat(header(response, "content-security-policy")).as(as).startsWith("default-src 'self'");
            }
        }
        String german = raw("POST", "/api/v1/assessments", valid,
            "Content-Type: application/json\r\nContent-Type: application/json\r\n");
        assertThat(german).contains("Die Anfrage hat mehr als ein Content-Type-Feld");
        assertThat(db.count("assessment")).as("nothing stored").isEqualTo(before);
        String once = raw("POST", "/api/v1/assessments", valid, "Content-Type: application/json; charset=utf-8\r\n");
        assertThat(statusLine(once)).isEqualTo("HTTP/1.1 201 Created");
    }

    /**
     * A browser's cross-site post to the API is refused as the API refuses: problem+json in the request's language,
     * not the form page's "expired" text; nothing stored.
     */
    @Test
    void aCrossSitePostToTheApiIsRefusedAsProblemJsonInTheRequestsLanguage() throws IOException {
        Http http = new Http(server, json);
        byte[] valid = http.write(CompletedChecks.of(questionnaires.current()).body()).getBytes(StandardCharsets.UTF_8);
        Database db = new Database(dataSource);
        long before = db.count("assessment");
        for (String site : List.of("Origin: https://evil.example\r\n", "Sec-Fetch-Site: cross-site\r\n")) {
            String response = raw("POST", "/api/v1/assessments", valid,
                "Content-Type: application/json\r\nAccept-Language: en\r\n" + site);
            assertThat(statusLine(response)).as(site).isEqualTo("HTTP/1.1 403 Forbidden");
            assertThat(header(response, "content-type")).as(site).startsWith("application/problem+json");
            assertThat(response).as(site).contains("comes from another website").doesNotContain("Formular");
            assertThat(header(response, "content-security-policy")).as(site).startsWith("default-src 'self'");
        }
        String german = raw("POST", "/api/v1/assessments", valid,
            "Content-Type: application/json\r\nOrigin: https://evil.example\r\n");
        assertThat(german).contains("kommt von einer anderen Website");
        assertThat(db.count("assessment")).as("nothing stored").isEqualTo(before);
    }

    /** The report honours Accept like every API route: 406 when it allows no PDF. */
    @Test
    void theReportIsNotAcceptableWhenAcceptAllowsNoPdf() throws IOException {
        CompletedChecks.Completed check = CompletedChecks.of(questionnaires.current()).submit(new Http(server, json));
        String report = check.path("reportUrl");
        for (String accept : List.of("application/json", "application/problem+json", "text/html")) {
            String response = rawGet(report, accept, "en");
            assertThat(statusLine(response)).as(accept).isEqualTo("HTTP/1.1 406 Not Acceptable");
            assertThat(header(response, "content-type")).as(accept).startsWith("application/problem+json");
            assertThat(response).as(accept).contains("application/pdf");
        }
        for (String accept : List.of("*/*", "application/*", "application/pdf", "application/json, application/pdf;q=0.5")) {
            String response = rawGet(report, accept, "en");
            assertThat(statusLine(response)).as(accept).isEqualTo("HTTP/1.1 200 OK");
            assertThat(header(response, "content-type")).as(accept).startsWith("application/pdf");
        }
        String none = raw("GET", report, null, "");
        assertThat(statusLine(none)).isEqualTo("HTTP/1.1 200 OK");
        assertThat(header(none, "content-type")).startsWith("application/pdf");
    }

    /**
     * Accept's weights count (RFC 9110 §12.5.1): q=0 excludes a type, also through {@code *}{@code /*;q=0}; a more
     * specific range beats a wider one; a malformed weight is a 400 naming Accept (guessing could serve what the
     * client excluded).
     */
    @Test
    void acceptWeightsAreHonouredAndAMalformedWeightIsABadRequest() throws IOException {
        CompletedChecks.Completed check = CompletedChecks.of(questionnaires.current()).submit(new Http(server, json));
        String report = check.path("reportUrl");
        for (String accept : List.of("application/pdf;q=0", "*/*;q=0", "application/*;q=0",
            "*/*, application/pdf;q=0", "application/pdf;q=0, application/json")) {
            String response = rawGet(report, accept, "en");
            assertThat(statusLine(response)).as(accept).isEqualTo("HTTP/1.1 406 Not Acceptable");
            assertThat(header(response, "content-type")).as(accept).startsWith("application/problem+json");
            assertThat(response).as(accept).contains("application/pdf").doesNotContain("%PDF");
        }
        for (String accept : List.of("application/pdf;q=0.001", "*/*;q=0, application/pdf;q=0.5",
            "application/json;q=0.9, application/pdf;q=0.1", "application/pdf; charset=binary")) {
            String response = rawGet(report, accept, "en");
            assertThat(statusLine(response)).as(accept).isEqualTo("HTTP/1.1 200 OK");
            assertThat(header(response, "content-type")).as(accept).startsWith("application/pdf");
        }
        for (String accept : List.of("application/json;q=0, application/problem+json", "*/*;q=0",
            "application/json;q=0")) {
            String response = rawGet("/api/v1/agencies", accept, "de");
            assertThat(statusLine(response)).as(accept).isEqualTo("HTTP/1.1 406 Not Acceptable");
            assertThat(header(response, "content-type")).as(accept).startsWith("application/problem+json");
        }
        for (String accept : List.of("application/json;q=0.5", "text/html, application/json;q=0.2",
            "application/json;charset=UTF-8")) {
            String response = rawGet("/api/v1/agencies", accept, "de");
            assertThat(statusLine(response)).as(accept).isEqualTo("HTTP/1.1 200 OK");
            assertThat(header(response, "content-type")).as(accept).startsWith("application/json");
        }
        for (String accept : List.of("application/pdf;q=0,5", "application/pdf;q=2", "application/pdf;q=oops")) {
            String response = rawGet(report, accept, "en");
            assertThat(statusLine(response)).as(accept).isEqualTo("HTTP/1.1 400 Bad Request");
            assertThat(header(response, "content-type")).as(accept).startsWith("application/problem+json");
            assertThat(response).as(accept).contains("\"field\":\"Accept\"").contains("q value")
                .doesNotContain("%PDF");
        }
        String german = rawGet("/api/v1/agencies", "*/*;q=1.5", "de");
        assertThat(statusLine(german)).isEqualTo("HTTP/1.1 400 Bad Request");
        assertThat(german).contains("Accept-Header");
        // pages are not the API's: their Accept is left to the router as before
        assertThat(statusLine(rawGet("/", "text/html;q=oops", "de"))).doesNotContain(" 500 ");
    }

    /**
     * The problem's language follows Accept-Language by weight, as the pages do: the first range that is German or
     * English, a refused one ({@code q=0}) skipped, German when none is (it took English only when the header began
     * with "en").
     */
    @Test
    void theProblemsLanguageFollowsAcceptLanguageByWeight() throws IOException {
        byte[] notJson = "[1, 2]".getBytes(StandardCharsets.UTF_8);
        String english = "The request body is not a valid JSON object.";
        String german = "Der Inhalt der Anfrage ist kein gültiges JSON-Objekt.";
        java.util.Map<String, String> expected = new java.util.LinkedHashMap<>();
        expected.put("en-GB,en;q=0.9,de;q=0.5", english);
        expected.put("fr-FR, fr;q=0.9, en;q=0.8", english);
        expected.put("de-DE,en;q=0.5", german);
        expected.put("en;q=0, de;q=0.5", german);
        expected.put("en;q=0", german);
        expected.put("fr, it", german);
        expected.put("en;q=2,,;;", german); // unreadable: German, and no error
        for (java.util.Map.Entry<String, String> e : expected.entrySet()) {
            String response = raw("POST", "/api/v1/assessments", notJson,
                "Content-Type: application/json\r\nAccept-Language: " + e.getKey() + "\r\n");
            assertThat(statusLine(response)).as(e.getKey()).isEqualTo("HTTP/1.1 400 Bad Request");
            assertThat(response).as(e.getKey()).contains(e.getValue());
        }
        // ?lang= outweighs the header
        String chosen = raw("POST", "/api/v1/assessments?lang=de", notJson,
            "Content-Type: application/json\r\nAccept-Language: en\r\n");
        assertThat(chosen).contains(german);
    }

    /** A 405 names the methods the path allows (RFC 9110). */
    @Test
    void aMethodNotAllowedNamesTheAllowedOnes() throws IOException {
        String agencies = raw("DELETE", "/api/v1/agencies", null, "Accept-Language: en\r\n");
        assertThat(statusLine(agencies)).isEqualTo("HTTP/1.1 405 Method Not Allowed");
        assertThat(header(agencies, "content-type")).startsWith("application/problem+json");
        assertThat(header(agencies, "allow")).contains("GET").doesNotContain("DELETE", "POST");
        String assessments = raw("PUT", "/api/v1/assessments", "{}".getBytes(StandardCharsets.UTF_8),
            "Content-Type: application/json\r\n");
        assertThat(statusLine(assessments)).isEqualTo("HTTP/1.1 405 Method Not Allowed");
        assertThat(header(assessments, "allow")).contains("POST").doesNotContain("PUT");
    }

    /** A path that normalises into /api/ ({@code //api/…}) gets the API's answers, not a page. */
    @Test
    void aPathThatNormalisesIntoTheApiGetsTheApisAnswers() throws IOException {
        for (String target : List.of("//api/v1/agencies", "//api//v1/nothing", "/./api/v1/agencies")) {
            String response = rawGet(target, "application/json", "en");
            assertThat(statusLine(response)).as(target).startsWith("HTTP/1.1 404");
            assertThat(header(response, "content-type")).as(target).startsWith("application/problem+json");
        }
        String unreadable = rawGet("//api/v1/agencies?x=%ZZ", "application/json", "en");
        assertThat(statusLine(unreadable)).isEqualTo("HTTP/1.1 400 Bad Request");
        assertThat(header(unreadable, "content-type")).startsWith("application/problem+json");
        assertThat(ApiProblems.apiPath("/x/../api/v1")).isTrue();
        assertThat(ApiProblems.apiPath("/apix/v1")).isFalse();
        assertThat(ApiProblems.apiPath("/check/api")).isFalse();
    }

    private static String statusLine(String response) {
        return response.lines().findFirst().orElse("");
    }

    private static String header(String response, String name) {
        return response.lines().takeWhile(l -> !l.isEmpty())
            .filter(l -> l.toLowerCase().startsWith(name + ":"))
            .map(l -> l.substring(name.length() + 1).trim()).findFirst().orElse("");
    }

    /** The request exactly as written: an HTTP client library would refuse or re-encode the target. */
    private String rawGet(String target, String accept, String language) throws IOException {
        return rawGet(target, accept, language, "");
    }

    /**
     * Any request exactly as written, with these header lines and this body (null: none). A server that answers a body
     * too large before reading it closes the connection while the body is still being written; the write then fails
     * now and then (broken pipe, connection reset) before the answer is read: such a request is sent again, up to three
     * times.
     */
    private String raw(String method, String target, byte[] body, String headers) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                return rawOnce(method, target, body, headers);
            } catch (java.net.SocketException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private String rawOnce(String method, String target, byte[] body, String headers) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + target + " HTTP/1.1\r\nHost: localhost\r\n" + headers
                + (body == null ? "" : "Content-Length: " + body.length + "\r\n") + "Connection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Requests written as they are on one connection, each once the answer to the one before was read (by its
     * Content-Length); the last answer read until the server closes the connection.
     */
    private List<String> rawInTurn(List<String> requests) throws IOException {
        List<String> answers = new java.util.ArrayList<>();
        try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (int i = 0; i < requests.size(); i++) {
                out.write(requests.get(i).getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                if (i == requests.size() - 1) {
                    answers.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    break;
                }
                java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream();
                while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                    int b = in.read();
                    assertThat(b).as("the answer's head").isNotNegative();
                    head.write(b);
                }
                String answer = head.toString(StandardCharsets.UTF_8);
                int length = Integer.parseInt(header(answer, "content-length"));
                answers.add(answer + new String(in.readNBytes(length), StandardCharsets.UTF_8));
            }
        }
        return answers;
    }

    private String rawGet(String target, String accept, String language, String headers) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAccept: " + accept + "\r\nAccept-Language: "
                + language + "\r\n" + headers + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
