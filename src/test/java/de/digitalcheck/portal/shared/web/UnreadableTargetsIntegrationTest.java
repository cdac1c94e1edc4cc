package de.digitalcheck.portal.shared.web;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import de.digitalcheck.portal.support.Database;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page address that cannot be read — no valid percent-encoding, bytes that are no UTF-8, a NUL, a backslash — is a
 * {@code 400} error page in the person's language (the {@code lang} cookie, else {@code Accept-Language}, else German;
 * never the broken target's own {@code ?lang=}), with the layout of every error page and the security headers, never a
 * server error, and nothing of it in the log. Requests the server cannot read at all (a space in the target, a line
 * or headers too long) get the error page too, never a bare JSON error; addresses that can be read (with {@code ..}
 * segments, Unicode) keep their usual answers in the person's language.
 */
@MicronautTest(transactional = false)
class UnreadableTargetsIntegrationTest {

    private static final List<String> BROKEN = List.of("/check?x=%ZZ", "/%ZZ", "/check/%C3%28", "/check?x=%00", "/%00",
        "/check?x=%", "/%", "/a\\b", "/check?x=%E4", "/agentur/leads?suche=%C3", "/check?%ZZ=1");

    private static final String GERMAN = "Die Adresse dieser Seite ist fehlerhaft";
    private static final String ENGLISH = "This page’s address is broken";

    @Inject
    EmbeddedServer server;
    @Inject
    io.micronaut.json.JsonMapper json;
    @Inject
    javax.sql.DataSource dataSource;

    @Test
    void aBrokenPageAddressIsABadRequestInTheCookiesLanguageThenAcceptLanguagesThenGerman() throws IOException {
        for (String target : BROKEN) {
            String english = get(target, "Cookie: lang=en\r\n");
            assertPage(english, target, "en", ENGLISH);
            assertThat(english).as(target).contains("href=\"/?lang=de\"").doesNotContain(GERMAN);
            assertPage(get(target, "Accept-Language: en-GB,en;q=0.9,de;q=0.5\r\n"), target, "en", ENGLISH);
            String german = get(target, "");
            assertPage(german, target, "de", GERMAN);
            assertThat(german).as(target).contains("href=\"/?lang=en\"").doesNotContain(ENGLISH);
            // the cookie is the person's choice, Accept-Language only their browser's
            assertPage(get(target, "Cookie: lang=de\r\nAccept-Language: en\r\n"), target, "de", GERMAN);
            assertPage(get(target, "Accept-Language: de-DE,de;q=0.9,en;q=0.8\r\n"), target, "de", GERMAN);
            assertPage(get(target, "Accept-Language: fr-FR,en;q=0.5\r\n"), target, "en", ENGLISH);
        }
    }

    @Test
    void theBrokenTargetsOwnLanguageParameterIsNotTrusted() throws IOException {
        assertPage(get("/check?lang=en&x=%ZZ", ""), "lang in a broken query", "de", GERMAN);
        assertPage(get("/%ZZ?lang=en", ""), "lang after a broken path", "de", GERMAN);
        assertPage(get("/check?x=%ZZ&lang=de", "Cookie: lang=en\r\n"), "lang=de against the cookie", "en", ENGLISH);
        // and it is not remembered either: no language cookie is set by the broken address
        assertThat(headers(get("/check?lang=en&x=%ZZ", ""), "set-cookie")).noneMatch(c -> c.startsWith("lang="));
    }

    @Test
    void aBrokenAddressIsNotLoggedAsAnErrorNorWithWhatItCarried() throws IOException {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        try {
            get("/mein-unternehmen?email=geheim%40example.org%ZZ", "Cookie: lang=en\r\n");
            get("/check/Zq3kkkkkkk%C3%28", "");
            raw("GET /a b?email=geheim@example.org HTTP/1.1", "");
        } finally {
            root.detachAppender(appender);
        }
        assertThat(appender.list).noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.WARN));
        assertThat(appender.list).noneMatch(e -> e.getFormattedMessage().contains("geheim")
            || e.getFormattedMessage().contains("Zq3k"));
    }

    @Test
    void aHeadRequestGetsTheStatusWithoutABody() throws IOException {
        String response = raw("HEAD /check?x=%ZZ HTTP/1.1", "Cookie: lang=en\r\n");
        assertThat(statusLine(response)).isEqualTo("HTTP/1.1 400 Bad Request");
        assertThat(body(response)).isEmpty();
    }

    @Test
    void theApiKeepsItsProblemJsonAndReadableAddressesTheirUsualAnswers() throws IOException {
        String api = raw("GET /api/v1/agencies?x=%ZZ HTTP/1.1", "Accept: application/json\r\nAccept-Language: en\r\n");
        assertThat(statusLine(api)).isEqualTo("HTTP/1.1 400 Bad Request");
        assertThat(header(api, "content-type")).startsWith("application/problem+json");
        assertThat(api).contains("cannot be read");
        String apiUtf8 = raw("GET /api/v1/agencies?x=%C3%28 HTTP/1.1", "Accept: application/json\r\n");
        assertThat(header(apiUtf8, "content-type")).startsWith("application/problem+json");
        assertThat(statusLine(apiUtf8)).isEqualTo("HTTP/1.1 400 Bad Request");
        // well-formed UTF-8, encoded or not, is read as before
        assertThat(statusLine(get("/check?x=%C3%A4", "Cookie: lang=en\r\n"))).isEqualTo("HTTP/1.1 200 OK");
        String unicode = rawBytes(("GET /k\u00e4se HTTP/1.1").getBytes(StandardCharsets.UTF_8), "Cookie: lang=en\r\n");
        assertThat(statusLine(unicode)).isEqualTo("HTTP/1.1 404 Not Found");
        assertThat(lang(unicode)).isEqualTo("en");
        String euro = get("/%E2%82%AC", "Cookie: lang=en\r\n");
        assertThat(statusLine(euro)).isEqualTo("HTTP/1.1 404 Not Found");
        assertThat(lang(euro)).isEqualTo("en");
        // a raw byte that is no UTF-8 (Latin-1 ä) cannot be read
        String latin1 = rawBytes("GET /k\u00e4se HTTP/1.1".getBytes(StandardCharsets.ISO_8859_1), "Cookie: lang=en\r\n");
        assertPage(latin1, "raw Latin-1", "en", ENGLISH);
    }

    /** Dot segments do not walk around an access rule and keep the person's language; never a server error. */
    @Test
    void dotSegmentsGetTheUsualAnswersInThePersonsLanguage() throws IOException {
        for (String target : List.of("/../admin", "/check/../admin", "/x/%2e%2e/admin", "/./admin", "/check/..%2Fadmin")) {
            String response = get(target, "Cookie: lang=en\r\n");
            assertThat(statusLine(response)).as(target).matches("HTTP/1\\.1 (303|404|400) .*");
            assertThat(response).as(target).doesNotContain("Nora Netzwerk").doesNotContain("Das hat nicht geklappt");
            if (!statusLine(response).contains(" 303 ")) {
                assertThat(lang(response)).as(target).isEqualTo("en");
            }
        }
    }

    /**
     * A request line the server cannot split (a space or tab in the target) was Micronaut's bare JSON error over
     * HTTP/1.0; it is the error page now, in the person's language: the server gives up on the line, and its headers
     * are read from the bytes that pass (they were not, and the page was German whatever the person's language).
     */
    @Test
    void aRequestLineThatCannotBeReadGetsTheErrorPageNotJson() throws IOException {
        for (String line : List.of("GET /a b HTTP/1.1", "GET /check?x=a b HTTP/1.1", "GET /a\tb HTTP/1.1")) {
            String response = raw(line, "Cookie: lang=en\r\n");
            assertThat(statusLine(response)).as(line).isEqualTo("HTTP/1.1 400 Bad Request");
            assertThat(header(response, "content-type")).as(line).startsWith("text/html");
            assertThat(lang(response)).as(line).isEqualTo("en");
            assertThat(response).as(line).contains("The request was malformed").doesNotContain("_links")
                .doesNotContain("bad-request");
            assertThat(lang(raw(line, "Accept-Language: de\r\n"))).as(line).isEqualTo("de");
            assertThat(header(response, "content-security-policy")).as(line).startsWith("default-src 'self'");
            assertThat(header(response, "x-frame-options")).as(line).isEqualTo("DENY");
        }
    }

    /**
     * Headers too large: the headers before and after the one too large say the language (the server gives up on them
     * and adds none after the one too large, nor the one right before it, and a browser sends {@code Accept-Language}
     * right before its cookies: the page was German; the headers are read from the bytes that pass); an API path gets
     * problem+json. A request line too long for the server to read at all (over 64 KB) likewise: the page in the
     * language of the headers after it (it was German, always).
     */
    @Test
    void headersTooLargeAreAnsweredInTheLanguageOfTheHeadersReadBefore() throws IOException {
        String cookie = "Cookie: a=" + "x".repeat(9000) + "\r\n";
        String english = raw("GET /check HTTP/1.1", "Accept-Language: en\r\nAccept: text/html\r\n" + cookie);
        assertThat(statusLine(english)).isEqualTo("HTTP/1.1 431 Request Header Fields Too Large");
        assertThat(lang(english)).isEqualTo("en");
        assertThat(english).contains("Please delete this site’s cookies").doesNotContain("unexpected");
        String german = raw("GET /check HTTP/1.1", cookie);
        assertThat(lang(german)).isEqualTo("de");
        assertThat(german).contains("Bitte löschen Sie die Cookies dieser Seite");
        String api = raw("GET /api/v1/agencies HTTP/1.1", "Accept-Language: en\r\nAccept: application/json\r\n" + cookie);
        assertThat(statusLine(api)).isEqualTo("HTTP/1.1 431 Request Header Fields Too Large");
        assertThat(header(api, "content-type")).startsWith("application/problem+json");
        assertThat(api).contains("\"status\":431").contains("too large");
        String longLine = raw("GET /check?q=" + "x".repeat(5000) + " HTTP/1.1", "Cookie: lang=en\r\n");
        assertThat(statusLine(longLine)).isEqualTo("HTTP/1.1 414 Request-URI Too Long");
        assertThat(lang(longLine)).isEqualTo("en");
        assertThat(longLine).contains("The address was too long").contains("href=\"/?lang=de\"");
        String cutOff = raw("GET /check?q=" + "x".repeat(70_000) + " HTTP/1.1", "Cookie: lang=en\r\n");
        assertThat(statusLine(cutOff)).isEqualTo("HTTP/1.1 414 Request-URI Too Long");
        assertThat(lang(cutOff)).isEqualTo("en");
        assertThat(cutOff).contains("The address was too long").contains("href=\"/?lang=de\"");
        // the cookie's language before Accept-Language's, as on every page
        String both = raw("GET /check?q=" + "x".repeat(70_000) + " HTTP/1.1", "Accept-Language: de\r\nCookie: lang=en\r\n");
        assertThat(lang(both)).isEqualTo("en");
        String acceptLanguage = raw("GET /check?q=" + "x".repeat(70_000) + " HTTP/1.1", "Accept-Language: en\r\n");
        assertThat(lang(acceptLanguage)).isEqualTo("en");
        assertThat(lang(raw("GET /check?q=" + "x".repeat(70_000) + " HTTP/1.1", ""))).as("none: German").isEqualTo("de");
        // a HEAD: the status without a body
        String head = raw("HEAD /check?q=" + "x".repeat(70_000) + " HTTP/1.1", "Accept-Language: en\r\n");
        assertThat(statusLine(head)).isEqualTo("HTTP/1.1 414 Request-URI Too Long");
        assertThat(body(head)).isEmpty();
        // Accept-Language after the cookie too large, and right before it
        for (String headers : List.of(cookie + "Accept-Language: en\r\n", "Accept-Language: en\r\n" + cookie)) {
            String after = raw("GET /check HTTP/1.1", "Accept: text/html\r\n" + headers);
            assertThat(statusLine(after)).isEqualTo("HTTP/1.1 431 Request Header Fields Too Large");
            assertThat(lang(after)).isEqualTo("en");
        }
    }

    /**
     * A page's form whose body is no UTF-8 (a byte {@code %E9} of Latin-1, a cut-off sequence) or holds a {@code %}
     * without two hexadecimal digits is a {@code 400} page in the person's language, and nothing is stored; Micronaut
     * stored U+FFFD in place of what it could not read. Readable forms pass as before, also a body long enough to
     * arrive in many parts, and one longer than the server takes is still refused as too large.
     */
    @Test
    void aFormWhoseBodyCannotBeReadIsABadRequestAndNothingIsStored() throws Exception {
        String token = new de.digitalcheck.portal.support.Http(server, json).csrfToken();
        String fields = "_csrf=" + token + "&postalCode=44135&sector=C&employees=5&companyType=TRADE&name=";
        String cookies = "Cookie: csrf=" + token + "; lang=en\r\n";
        long before = assessments();
        for (String name : List.of("Caf%E9+GmbH", "Caf%C3", "Caf%C3%28+GmbH", "A%ZZ+GmbH", "A%2", "A%")) {
            String response = post("/check", fields + name, cookies);
            assertPage(response, name, "en", "The form contained characters that cannot be read");
            assertThat(response).as(name).contains("Nothing was saved");
        }
        String german = post("/check", fields + "Caf%E9+GmbH", "Cookie: csrf=" + token + "\r\n");
        assertPage(german, "German", "de", "Das Formular enthielt Zeichen, die nicht gelesen werden können");
        // a raw byte that is no UTF-8, not percent-encoded, too
        String latin1 = postBytes("/check", (fields + "Caf\u00e9").getBytes(StandardCharsets.ISO_8859_1), cookies);
        assertPage(latin1, "raw Latin-1", "en", "The form contained characters that cannot be read");
        assertThat(assessments()).as("nothing stored").isEqualTo(before);

        // readable forms pass: encoded or raw UTF-8 is stored as it was typed
        String ok = post("/check", fields + "Caf%C3%A9+GmbH", cookies);
        assertThat(statusLine(ok)).isEqualTo("HTTP/1.1 303 See Other");
        String raw = postBytes("/check", (fields + "K\u00e4se+GmbH").getBytes(StandardCharsets.UTF_8), cookies);
        assertThat(statusLine(raw)).isEqualTo("HTTP/1.1 303 See Other");
        assertThat(assessments()).isEqualTo(before + 2);
        assertThat(names()).contains("Café GmbH", "Käse GmbH");
        // a body of many parts reaches the form (its name is too long: the form again, 422, with the error)
        String parts = post("/check", fields + "%C3%A4".repeat(30_000), cookies);
        assertThat(statusLine(parts)).isEqualTo("HTTP/1.1 422 Unprocessable Entity");
        assertThat(parts).contains("kern-error").doesNotContain("cannot be read");
        // and one longer than the server takes is refused as too large, as before
        String large = post("/check", fields + "x".repeat(300_000), cookies);
        assertThat(statusLine(large)).isEqualTo("HTTP/1.1 413 Request Entity Too Large");
        assertThat(assessments()).isEqualTo(before + 2);
    }

    private long assessments() {
        return new Database(dataSource).count("assessment");
    }

    private List<Object> names() {
        return new Database(dataSource).rows("SELECT company_name FROM assessment").stream()
            .map(r -> r.values().iterator().next()).toList();
    }

    private String post(String target, String body, String headers) throws IOException {
        return postBytes(target, body.getBytes(StandardCharsets.ISO_8859_1), headers);
    }

    private String postBytes(String target, byte[] body, String headers) throws IOException {
        return rawBytes(("POST " + target + " HTTP/1.1").getBytes(StandardCharsets.ISO_8859_1),
            "Accept: text/html\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length
                + "\r\n" + headers, body);
    }

    private static void assertPage(String response, String target, String lang, String text) {
        assertThat(statusLine(response)).as(target).isEqualTo("HTTP/1.1 400 Bad Request");
        assertThat(header(response, "content-type")).as(target).startsWith("text/html");
        assertThat(lang(response)).as(target).isEqualTo(lang);
        assertThat(response).as(target).contains(text).contains("class=\"dc-header\"").contains("class=\"dc-footer\"")
            .doesNotContain("unerwartet").doesNotContain("unexpected");
        assertThat(header(response, "content-security-policy")).as(target).startsWith("default-src 'self'");
        assertThat(header(response, "x-content-type-options")).as(target).isEqualTo("nosniff");
        assertThat(header(response, "cache-control")).as(target).isEqualTo("no-store");
        assertThat(header(response, "x-robots-tag")).as(target).isEqualTo("noindex, nofollow");
    }

    private static String lang(String response) {
        Matcher m = Pattern.compile("<html[^>]*\\blang=\"(\\w+)\"").matcher(response);
        return m.find() ? m.group(1) : "";
    }

    private static String statusLine(String response) {
        return response.lines().findFirst().orElse("");
    }

    private static String body(String response) {
        int end = response.indexOf("\r\n\r\n");
        return end < 0 ? "" : response.substring(end + 4);
    }

    private static String header(String response, String name) {
        return headers(response, name).stream().findFirst().orElse("");
    }

    private static List<String> headers(String response, String name) {
        return response.lines().takeWhile(l -> !l.isEmpty())
            .filter(l -> l.toLowerCase().startsWith(name + ":"))
            .map(l -> l.substring(name.length() + 1).trim()).toList();
    }

    private String get(String target, String headers) throws IOException {
        return raw("GET " + target + " HTTP/1.1", "Accept: text/html\r\n" + headers);
    }

    /** The request exactly as written: an HTTP client library would refuse or re-encode the target. */
    private String raw(String requestLine, String headers) throws IOException {
        return rawBytes(requestLine.getBytes(StandardCharsets.ISO_8859_1), headers);
    }

    private String rawBytes(byte[] requestLine, String headers) throws IOException {
        return rawBytes(requestLine, headers, new byte[0]);
    }

    private String rawBytes(byte[] requestLine, String headers, byte[] body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.write(requestLine);
            request.write(("\r\nHost: localhost\r\n" + headers + "Connection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
            request.write(body);
            out.write(request.toByteArray());
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
