package de.digitalcheck.portal.accounts.company;

import de.digitalcheck.portal.readiness.Assessments;
import de.digitalcheck.portal.readiness.Questionnaires;
import de.digitalcheck.portal.shared.security.Tokens;
import de.digitalcheck.portal.support.CompletedChecks;
import de.digitalcheck.portal.support.Database;
import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.Mails;
import de.digitalcheck.portal.support.SmtpServer;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** "Mein Unternehmen": magic links by mail (GreenMail), single use and short-lived; export and erasure. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MyCompanyIntegrationTest implements TestPropertyProvider {

    final SmtpServer smtp = new SmtpServer();

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    Assessments assessments;
    @Inject
    Questionnaires questionnaires;
    @Inject
    CompanyLinks links;
    @Inject
    javax.sql.DataSource dataSource;

    @Override
    public Map<String, String> getProperties() {
        return smtp.portalProperties();
    }

    @AfterAll
    void stop() {
        smtp.stop();
    }

    /** A completed check of a company in Witten (Ennepe-Ruhr-Kreis) with this contact email; its private token. */
    String completedCheck(Http http, String email) {
        return CompletedChecks.of(questionnaires.current()).named("Gießerei Rüdiger").at("58452").sized("C", 35)
            .contact("Rita Rüdiger", email).submit(http).token();
    }

    /**
     * The sign-in link of the newest mail to {@code to} that carries one, waiting for it (at most 10 s): other mails
     * (an agency's lead mail relayed after its consent's commit, a booking's) may arrive before or after it.
     */
    String linkFromLastMail(String to) throws Exception {
        Pattern link = Pattern.compile("(/mein-unternehmen/link/[A-Za-z0-9_-]{43})");
        long until = System.currentTimeMillis() + 10_000;
        do {
            MimeMessage[] received = smtp.received();
            for (int i = received.length - 1; i >= 0; i--) {
                if (received[i].getAllRecipients()[0].toString().equals(to)) {
                    Matcher m = link.matcher(Mails.text(received[i]));
                    if (m.find()) {
                        return m.group(1);
                    }
                }
            }
            Thread.sleep(50);
        } while (System.currentTimeMillis() < until);
        throw new AssertionError("no mail with a sign-in link to " + to);
    }

    @Test
    void aCompanyGetsItsDataByMagicLinkExportsAndErasesIt() throws Exception {
        Http http = new Http(server, json);
        String token = completedCheck(http, "Rita@Giesserei.example.org");
        smtp.purge();

        HttpResponse<String> requested = http.postForm("/mein-unternehmen", Map.of("email", "rita@giesserei.example.org"));
        assertThat(requested.statusCode()).isEqualTo(303);
        assertThat(requested.headers().firstValue("Location")).contains("/mein-unternehmen?gesendet#link-sent");
        assertSentAnswer(http.get("/mein-unternehmen?gesendet"));
        String link = linkFromLastMail("rita@giesserei.example.org");
        MimeMessage mail = Arrays.stream(smtp.received()).filter(m -> Mails.text(m).contains(link)).findFirst()
            .orElseThrow();
        assertThat(mail.getContentLanguage()).as("the mail says it is German").containsExactly("de");
        assertThat(Mails.text(mail)).contains("Guten Tag").doesNotContain("Hello");

        // opening the link only asks; posting uses it up. The page says what the button does and for how long one
        // stays signed in (it said "Dieser Link öffnet einmalig Ihre Daten für eine Stunde", as if the data were open
        // to anyone for an hour)
        assertThat(http.get(link).body()).contains("Meine Daten öffnen", "Mit der Schaltfläche öffnen Sie Ihre Daten.",
            "danach bleiben Sie eine Stunde lang angemeldet");
        assertThat(http.get(link + "?lang=en").body()).contains("Open your data with the button below.",
            "you then stay signed in for one hour");
        http.get(link + "?lang=de");
        HttpResponse<String> opened = http.postForm(link, Map.of());
        assertThat(opened.statusCode()).isEqualTo(303);
        assertThat(opened.headers().firstValue("Location")).contains("/mein-unternehmen/uebersicht");
        assertThat(http.get("/mein-unternehmen/uebersicht").body()).contains("Gießerei Rüdiger", "abgeschlossen", "2,0");

        // a used link grants nothing, not even in another browser
        Http other = new Http(server, json);
        HttpResponse<String> reused = other.postForm(link, Map.of());
        assertThat(reused.statusCode()).isEqualTo(410);
        assertThat(reused.body()).contains("Dieser Link gilt nicht mehr");
        assertThat(other.get("/mein-unternehmen/uebersicht").headers().firstValue("Location")).contains("/mein-unternehmen");

        HttpResponse<String> export = http.get("/mein-unternehmen/export");
        assertThat(export.headers().firstValue("Content-Disposition"))
            .hasValue("attachment; filename=\"digitalcheck-daten.json\"");
        // named in the page's language (an English page downloaded "digitalcheck-daten.json")
        assertThat(http.get("/mein-unternehmen/export?lang=en").headers().firstValue("Content-Disposition"))
            .hasValue("attachment; filename=\"digitalcheck-data.json\"");
        http.get("/mein-unternehmen/export?lang=de");
        Map<String, Object> data = http.map(export);
        assertThat(data.get("email")).isEqualTo("rita@giesserei.example.org");
        assertThat(data.get("checks").toString()).contains("Gießerei Rüdiger", "Rita Rüdiger", "58452", "answers");

        HttpResponse<String> erased = erase(http);
        assertThat(erased.body()).contains("Ihre Daten sind gelöscht",
            "Alle persönlichen Daten zu Ihrer E-Mail-Adresse sind gelöscht, auch die Ihres Selbstchecks.");
        assertThat(assessments.ofContact("rita@giesserei.example.org")).as("no check is found by the erased email").isEmpty();
        assertThat(http.get("/check/" + token + "/result").statusCode()).isEqualTo(404);
        assertThat(new Database(dataSource).rows("SELECT * FROM assessment WHERE contact_email IS NULL AND ags = ?",
            "05954000")).anySatisfy(a -> {
                assertThat(a.get("company_name")).isEqualTo("");
                assertThat(a.get("postal_code")).isEqualTo("");
                assertThat(a.get("municipality")).isEqualTo("");
                assertThat(a.get("contact_name")).isNull();
                assertThat(((Number) a.get("score")).doubleValue()).isEqualTo(2.0);
            });
        assertThat(http.get("/mein-unternehmen/uebersicht").headers().firstValue("Location")).contains("/mein-unternehmen");
        assertThat(links.findByEmail("rita@giesserei.example.org")).as("no link remembers the erased email").isEmpty();
    }

    /**
     * The link asked for on an English page opens English pages, also in the browser of a mail app that never chose a
     * language (it opened German pages, though the mail was English).
     */
    @Test
    void anEnglishRequestGetsALinkToEnglishPages() throws Exception {
        Http http = new Http(server, json);
        completedCheck(http, "english@giesserei.example.org");
        smtp.purge();
        http.postForm("/mein-unternehmen?lang=en", Map.of("email", "english@giesserei.example.org"));
        String link = linkFromLastMail("english@giesserei.example.org");
        MimeMessage message = Arrays.stream(smtp.received()).filter(m -> Mails.text(m).contains(link)).findFirst()
            .orElseThrow();
        String mail = Mails.text(message);
        assertThat(mail).contains(link + "?lang=en", "Hello").doesNotContain("Guten Tag");
        assertThat(message.getContentLanguage()).as("the mail says it is English").containsExactly("en");

        Http mailApp = new Http(server, json);
        assertThat(mailApp.get(link + "?lang=en").body()).contains("<html lang=\"en\"", "Open my data");
        assertThat(mailApp.postForm(link, Map.of()).statusCode()).isEqualTo(303);
        assertThat(mailApp.get("/mein-unternehmen/uebersicht").body()).contains("<html lang=\"en\"", "Your self-checks");
    }

    /**
     * The answer to asking for a link is the redirect's page (not the post's): its status takes the focus (the
     * redirect's fragment names it, and app.js focuses it) and is in the title, and the form is empty, so that neither
     * Enter in it nor reloading the page sends another mail; the address is nowhere in the page or its address.
     */
    private static void assertSentAnswer(HttpResponse<String> page) {
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>Link angefordert – Mein Unternehmen – Digitalcheck 4.0</title>",
            "Bitte sehen Sie in Ihr Postfach", "id=\"email\" name=\"email\" value=\"\"")
            .containsPattern("role=\"status\" id=\"link-sent\" tabindex=\"-1\"\\s+data-dc-ask=\"true\"")
            .doesNotContain("@giesserei.example.org", "error-summary");
    }

    @Test
    void theFormWithoutAnAnswerHasNoneAndTheUsualTitle() {
        String page = new Http(server, json).get("/mein-unternehmen").body();
        assertThat(page).contains("<title>Mein Unternehmen – Digitalcheck 4.0</title>").doesNotContain("link-sent",
            "data-dc-ask", "Bitte sehen Sie in Ihr Postfach");
    }

    @Test
    void aRefusedRequestSaysSoInItsTitle() {
        Http http = new Http(server, json);
        assertThat(http.get("/mein-unternehmen?lang=en").body()).contains("<title>My company – Digitalcheck 4.0</title>");
        HttpResponse<String> empty = http.postForm("/mein-unternehmen", Map.of("email", ""));
        assertThat(empty.body()).contains("id=\"error-summary\"",
            "<title>Please check your details – My company – Digitalcheck 4.0</title>",
            "href=\"#email\">Your email address: Please fill in this field.</a>");
    }

    /**
     * Anyone may type a company's address in: at most five sign-in links a day go to it (MAIL_PER_RECIPIENT_PER_DAY),
     * the sixth request gets the same answer and no mail; another address is not affected.
     */
    @Test
    void atMostFiveLinksADayGoToOneAddress() throws Exception {
        Http http = new Http(server, json);
        String email = "limit-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@giesserei.example.org";
        String other = "other-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@giesserei.example.org";
        completedCheck(http, email);
        completedCheck(http, other);
        for (int i = 0; i < 7; i++) {
            HttpResponse<String> asked = http.postForm("/mein-unternehmen", Map.of("email", email));
            assertThat(asked.statusCode()).as("request " + (i + 1)).isEqualTo(303);
            assertThat(asked.headers().firstValue("Location")).contains("/mein-unternehmen?gesendet#link-sent");
        }
        for (int i = 0; i < 200 && smtp.receivedFor(email).size() < 5; i++) {
            Thread.sleep(50);
        }
        http.postForm("/mein-unternehmen", Map.of("email", other));
        smtp.awaitMailsTo(other);
        Thread.sleep(1000); // time for a sixth or seventh link, had one been queued
        assertThat(smtp.receivedFor(email)).as("links to one address in a day").hasSize(5);
    }

    /**
     * The links' limit counts mailboxes, not spellings: {@code name+1@} and {@code NAME+2@} (each with a check) are
     * one mailbox, five links a day in all (it was five to each subaddress). The links go to the addresses as typed.
     */
    @Test
    void theLinksLimitCountsOneMailboxHoweverItsAddressIsTagged() throws Exception {
        Http http = new Http(server, json);
        String name = "tag-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String one = name + "+1@giesserei.example.org";
        String two = name + "+2@giesserei.example.org";
        completedCheck(http, one);
        completedCheck(http, two);
        for (int i = 0; i < 4; i++) {
            assertThat(http.postForm("/mein-unternehmen", Map.of("email", one)).statusCode()).isEqualTo(303);
            assertThat(http.postForm("/mein-unternehmen", Map.of("email", two.toUpperCase(java.util.Locale.ROOT)))
                .statusCode()).isEqualTo(303);
        }
        for (int i = 0; i < 200 && smtp.receivedFor(one).size() + smtp.receivedFor(two).size() < 5; i++) {
            Thread.sleep(50);
        }
        Thread.sleep(1000); // time for more links, had any been queued
        assertThat(smtp.receivedFor(one).size() + smtp.receivedFor(two).size()).as("links to one mailbox in a day")
            .isEqualTo(5);
    }

    /**
     * A company signed in already saw only the request form on "Mein Unternehmen", as if signed out: it is told who
     * it is signed in as, with the way to its overview (the form stays, for another address). And a link that can no
     * longer open anything — used, expired, made up — says so when it is opened, {@code 410} with the way to a new
     * one (it showed the button, and only pressing it told); opening a good one (a mail scanner's GET) uses nothing up.
     */
    @Test
    void aSignedInCompanyFindsItsOverviewAndAnUnusableLinkSaysSoWhenOpened() throws Exception {
        Http http = new Http(server, json);
        String email = "weg-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@giesserei.example.org";
        completedCheck(http, email);
        assertThat(http.get("/mein-unternehmen").body()).as("signed out: the form only")
            .contains("Link anfordern").doesNotContain("Sie sind angemeldet", "/mein-unternehmen/uebersicht");
        smtp.purge();
        http.postForm("/mein-unternehmen", Map.of("email", email));
        String link = linkFromLastMail(email);
        for (int i = 0; i < 2; i++) { // a mail scanner's fetches first
            HttpResponse<String> scanned = new Http(server, json).get(link);
            assertThat(scanned.statusCode()).isEqualTo(200);
            assertThat(scanned.body()).contains("Meine Daten öffnen").doesNotContain("Dieser Link gilt nicht mehr");
        }
        assertThat(http.postForm(link, Map.of()).statusCode()).as("still usable").isEqualTo(303);

        HttpResponse<String> signedIn = http.get("/mein-unternehmen");
        assertThat(signedIn.statusCode()).isEqualTo(200);
        assertThat(signedIn.body()).contains("Sie sind angemeldet als " + email,
            "href=\"/mein-unternehmen/uebersicht\"", "Zur Übersicht", "Link anfordern");
        assertThat(http.get("/mein-unternehmen?lang=en").body()).contains("You are signed in as " + email,
            "Go to the overview");
        http.get("/mein-unternehmen?lang=de");

        HttpResponse<String> used = new Http(server, json).get(link);
        assertThat(used.statusCode()).isEqualTo(410);
        assertThat(used.body()).contains("Dieser Link gilt nicht mehr", "href=\"/mein-unternehmen\"",
            "Neuen Link anfordern").doesNotContain("Meine Daten öffnen");
        for (String madeUp : new String[] {"/mein-unternehmen/link/" + "A".repeat(43), "/mein-unternehmen/link/kaputt"}) {
            HttpResponse<String> answer = new Http(server, json).get(madeUp);
            assertThat(answer.statusCode()).as(madeUp).isEqualTo(410);
            assertThat(answer.body()).contains("Dieser Link gilt nicht mehr").doesNotContain("Meine Daten öffnen");
        }

        smtp.purge();
        http.postForm("/mein-unternehmen", Map.of("email", email));
        String expiring = linkFromLastMail(email);
        new Database(dataSource).execute("UPDATE company_link SET expires_at = ? WHERE email = ? AND used_at IS NULL",
            java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60)), email);
        HttpResponse<String> expired = new Http(server, json).get(expiring);
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).contains("Dieser Link gilt nicht mehr").doesNotContain("Meine Daten öffnen");
    }

    @Test
    void unknownAddressesGetTheSameAnswerAndNoMail() throws Exception {
        Http http = new Http(server, json);
        smtp.purge();
        HttpResponse<String> response = http.postForm("/mein-unternehmen", Map.of("email", "nobody@example.org"));
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).contains("/mein-unternehmen?gesendet#link-sent");
        // nothing to that address (a mail of another test's post still on its way may arrive meanwhile)
        Thread.sleep(500);
        assertThat(java.util.Arrays.stream(smtp.greenMail().getReceivedMessages()).flatMap(m -> {
            try {
                return java.util.Arrays.stream(m.getAllRecipients()).map(Object::toString);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        })).doesNotContain("nobody@example.org");
        HttpResponse<String> invalid = http.postForm("/mein-unternehmen", Map.of("email", "kein@"));
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("gültige E-Mail-Adresse", "value=\"kein@\"");
    }

    @Test
    void expiredAndForgedLinksGrantNothing() {
        Http http = new Http(server, json);
        completedCheck(http, "old@example.org");
        String token = Tokens.newToken();
        Instant past = Instant.now().minusSeconds(3600);
        links.save(new CompanyLink(Tokens.hash(token), "old@example.org", past, past.plusSeconds(900), null));
        assertThat(http.postForm("/mein-unternehmen/link/" + token, Map.of()).statusCode()).isEqualTo(410);
        assertThat(http.postForm("/mein-unternehmen/link/" + Tokens.newToken(), Map.of()).statusCode()).isEqualTo(410);
        assertThat(http.postForm("/mein-unternehmen/link/short", Map.of()).statusCode()).isEqualTo(410);
        assertThat(http.cookie("company")).isEmpty();
    }

    @Test
    void aForgedSessionCookieOpensNothing() {
        Http http = new Http(server, json);
        completedCheck(http, "victim@example.org");
        String payload = java.util.Base64.getUrlEncoder().withoutPadding()
            .encodeToString((Instant.now().plusSeconds(600).getEpochSecond() + "|victim@example.org").getBytes());
        HttpCookie forged = new HttpCookie("company", payload + ".AAAA");
        forged.setPath("/");
        http.cookies().getCookieStore().add(URI.create(server.getURL().toString()), forged);
        assertThat(http.get("/mein-unternehmen/uebersicht").statusCode()).isEqualTo(303);
        assertThat(http.get("/mein-unternehmen/export").statusCode()).isEqualTo(303);
        assertThat(http.postForm("/mein-unternehmen/loeschen", Map.of()).statusCode()).isEqualTo(303);
        assertThat(assessments.ofContact("victim@example.org")).isNotEmpty();
    }

    /** Erases the signed-in address's data: a 303 to the answer, which is then fetched as a browser does. */
    HttpResponse<String> erase(Http http) {
        HttpResponse<String> posted = http.postForm("/mein-unternehmen/loeschen", Map.of());
        assertThat(posted.statusCode()).isEqualTo(303);
        assertThat(posted.headers().firstValue("Location")).hasValue("/mein-unternehmen/geloescht");
        HttpResponse<String> answer = http.get("/mein-unternehmen/geloescht");
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer;
    }

    /**
     * Erasing signs the company out, everywhere: the post answers 303 to a page that says the data is erased, in the
     * page's language, once (a reload neither posts again nor says it again); the session cookie is cleared, and the
     * same cookie kept elsewhere (another tab's copy, a replayed request) opens nothing either — it showed the erased
     * address's empty overview for the rest of its hour. The answer's address alone says nothing.
     */
    @Test
    void erasingSignsOutEverywhereAndAnswersWithARedirectToTheAnswer() throws Exception {
        Http company = new Http(server, json);
        CompletedChecks.of(questionnaires.current()).named("Abmelde GmbH").contact("Anja Abmelde", "abmelde@example.org")
            .submit(company);
        Http http = signedIn("abmelde@example.org");
        http.get("/mein-unternehmen/uebersicht?lang=en");
        String session = http.cookie("company").orElseThrow();
        // the same session in another client (a copy of the cookie)
        Http copy = new Http(server, json);
        java.net.HttpCookie copied = new java.net.HttpCookie("company", session);
        copied.setPath("/");
        copy.cookies().getCookieStore().add(URI.create(server.getURL().toString()), copied);
        assertThat(copy.get("/mein-unternehmen/uebersicht").statusCode()).isEqualTo(200);

        HttpResponse<String> posted = http.postForm("/mein-unternehmen/loeschen", Map.of());
        assertThat(posted.statusCode()).isEqualTo(303);
        assertThat(posted.headers().firstValue("Location")).hasValue("/mein-unternehmen/geloescht");
        assertThat(posted.body()).doesNotContain("deleted", "gelöscht");
        assertThat(http.cookie("company")).as("signed out in this browser").isEmpty();
        HttpResponse<String> answer = http.get("/mein-unternehmen/geloescht");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("Your data has been deleted",
            "All personal data stored with your email address has been deleted, including that of your self-check.")
            .doesNotContain("Ihre Daten sind gelöscht", "abmelde@example.org");

        // a reload: neither the post again nor its answer (the note was for once), the form to ask for a link
        HttpResponse<String> reload = http.get("/mein-unternehmen/geloescht");
        assertThat(reload.statusCode()).isEqualTo(303);
        assertThat(reload.headers().firstValue("Location")).hasValue("/mein-unternehmen");
        // the old session opens nothing, in no client: the overview asks for a new link
        for (Http client : new Http[] {http, copy}) {
            HttpResponse<String> overview = client.get("/mein-unternehmen/uebersicht");
            assertThat(overview.statusCode()).isEqualTo(303);
            assertThat(overview.headers().firstValue("Location")).hasValue("/mein-unternehmen");
            assertThat(client.get("/mein-unternehmen/export").statusCode()).isEqualTo(303);
            assertThat(client.get("/mein-unternehmen/loeschen").statusCode()).isEqualTo(303);
        }
        HttpResponse<String> again = copy.postForm("/mein-unternehmen/loeschen", Map.of());
        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(again.headers().firstValue("Location")).hasValue("/mein-unternehmen");
        // the answer's address typed in says nothing: no data was erased by opening it
        HttpResponse<String> typed = new Http(server, json).get("/mein-unternehmen/geloescht");
        assertThat(typed.statusCode()).isEqualTo(303);
        assertThat(typed.headers().firstValue("Location")).hasValue("/mein-unternehmen");
        http.get("/mein-unternehmen?lang=de");

        // signing in again with a new link works (the address has no data now, so no link comes: another address)
        CompletedChecks.of(questionnaires.current()).named("Wieder GmbH").contact("Willi Wieder", "wieder@example.org")
            .submit(company);
        Http back = signedIn("wieder@example.org");
        assertThat(back.get("/mein-unternehmen/uebersicht").statusCode()).isEqualTo(200);
    }

    /** Signs in to "Mein Unternehmen" with a magic link for this address; returns the browser. */
    Http signedIn(String email) throws Exception {
        Http http = new Http(server, json);
        smtp.purge();
        http.postForm("/mein-unternehmen", Map.of("email", email));
        assertThat(http.postForm(linkFromLastMail(email), Map.of()).statusCode()).isEqualTo(303);
        return http;
    }

    @Test
    void eachCheckOpensFromTheOverviewWithANewLinkAndOnlyForItsOwnAddress() throws Exception {
        Http company = new Http(server, json);
        CompletedChecks.Completed mine = CompletedChecks.of(questionnaires.current()).named("Eigene GmbH").at("58452")
            .contact("Olga Owner", "owner@example.org").submit(company);
        CompletedChecks.Completed theirs = CompletedChecks.of(questionnaires.current()).named("Fremde GmbH").at("58452")
            .contact("Tim Other", "other@example.org").submit(company);
        Http http = signedIn("owner@example.org");

        String overview = http.get("/mein-unternehmen/uebersicht").body();
        assertThat(overview).contains("action=\"/mein-unternehmen/checks/" + mine.id() + "/oeffnen\"", "Ergebnis öffnen",
            "neuen privaten Link").doesNotContain(theirs.id(), mine.token());

        HttpResponse<String> opened = http.postForm("/mein-unternehmen/checks/" + mine.id() + "/oeffnen", Map.of());
        assertThat(opened.statusCode()).isEqualTo(303);
        String location = opened.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/check/").doesNotContain(mine.token());
        HttpResponse<String> resumed = http.get(location);
        assertThat(resumed.headers().firstValue("Location")).get().asString().endsWith("/result");
        assertThat(http.get(location + "/result").body()).contains("Eigene GmbH");
        assertThat(http.get(mine.resultPath()).statusCode()).as("the old link stops working").isEqualTo(404);

        assertThat(http.postForm("/mein-unternehmen/checks/" + theirs.id() + "/oeffnen", Map.of()).statusCode())
            .as("another address's check").isEqualTo(404);
        assertThat(http.postForm("/mein-unternehmen/checks/unknown/oeffnen", Map.of()).statusCode()).isEqualTo(404);
        assertThat(http.get(theirs.resultPath()).statusCode()).as("its link still works").isEqualTo(200);
        assertThat(new Http(server, json).postForm("/mein-unternehmen/checks/" + theirs.id() + "/oeffnen", Map.of())
            .headers().firstValue("Location")).as("no session").contains("/mein-unternehmen");
    }

    @Test
    void theExportSaysWhatTheSignInConfirmedForReportMailsAndHoldsNoEmptyEntry() throws Exception {
        Http company = new Http(server, json);
        CompletedChecks.Completed check = CompletedChecks.of(questionnaires.current()).named("Export GmbH")
            .at("58452").contact("Eva Export", "eva@export.example.org").submit(company);
        company.postForm("/check/" + check.token() + "/report/email", Map.of()); // a confirmation link, not yet used
        Database db = new Database(dataSource);
        long until = System.currentTimeMillis() + 15_000; // the confirmation mail first: then the magic links
        while (db.count("mail_outbox") > 0 && System.currentTimeMillis() < until) {
            Thread.sleep(50);
        }
        signedIn("eva@export.example.org");
        Http http = signedIn("eva@export.example.org"); // a second sign-in confirms nothing new

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> confirmations = (List<Map<String, Object>>) http.map(
            http.get("/mein-unternehmen/export")).get("reportMailConfirmations");
        assertThat(confirmations).hasSize(2);
        assertThat(confirmations).filteredOn(c -> c.containsKey("check")).singleElement().satisfies(c -> {
            assertThat(c.get("check")).isEqualTo(check.id());
            assertThat(c).containsKeys("requestedAt", "expiresAt").containsEntry("language", "de")
                .doesNotContainKey("forAllChecks");
            assertThat(c.get("confirmedAt")).as("the link was not used").isNull();
        });
        assertThat(confirmations).filteredOn(c -> !c.containsKey("check")).singleElement().satisfies(c -> {
            assertThat(c).containsOnlyKeys("forAllChecks", "confirmedBy", "confirmedByText", "confirmedAt")
                .containsEntry("forAllChecks", true).containsEntry("confirmedBy", "magicLinkSignIn")
                .containsEntry("confirmedByText", "Anmeldung bei „Mein Unternehmen“ über den Link in der E-Mail");
            assertThat(c.get("confirmedAt")).isNotNull();
        });
    }

    /**
     * The export's lead carries what the agency holds about it (GDPR Art. 15): its stage, whether someone works on
     * it, and its history with staff's notes — by "agency", never a staff member's name; without another contact's
     * data, the coach of a booking or what was given and not taken over (maybe another company's). It had none of it.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theExportedLeadHasItsStageAndHistoryWithoutStaffNamesOrOthersData() throws Exception {
        String email = "hanna@historie.example.org";
        CompletedChecks.Completed check = CompletedChecks.of(questionnaires.current()).named("Historie GmbH")
            .at("58452").contact("Hanna Historie", email).sharedWithAgency().submit(new Http(server, json));
        String leadId = (String) ((Map<?, ?>) check.document().get("lead")).get("id");
        Database db = new Database(dataSource);
        db.execute("UPDATE agency_lead SET stage = 'CONTACTED', assignee_id = 'staff-1', assignee_name = 'Stefan Sachbearbeiter' "
            + "WHERE id = ?", leadId);
        java.time.Instant t = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        String audit = "INSERT INTO lead_audit (id, lead_id, at, actor_id, actor_name, action, from_value, to_value, note) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        db.execute(audit, java.util.UUID.randomUUID().toString(), leadId, java.sql.Timestamp.from(t.plusSeconds(1)),
            "staff-1", "Stefan Sachbearbeiter", "STAGE", "NEW", "CONTACTED", "Rückruf am Montag vereinbart");
        db.execute(audit, java.util.UUID.randomUUID().toString(), leadId, java.sql.Timestamp.from(t.plusSeconds(2)),
            "staff-1", "Stefan Sachbearbeiter", "ASSIGN", null, "Stefan Sachbearbeiter", null);
        db.execute(audit, java.util.UUID.randomUUID().toString(), leadId, java.sql.Timestamp.from(t.plusSeconds(3)),
            null, null, "BOOKING", null, "22.12.2026 09:00 TYPE=t-1 COACH=Carla Coach", null);
        db.execute(audit, java.util.UUID.randomUUID().toString(), leadId, java.sql.Timestamp.from(t.plusSeconds(4)),
            null, null, "DATA_EMAIL", "vorher@historie.example.org", email, null);
        db.execute(audit, java.util.UUID.randomUUID().toString(), leadId, java.sql.Timestamp.from(t.plusSeconds(5)),
            null, null, "DATA_OTHER_COMPANY", "Historie GmbH", "Fremde AG", null);

        Http http = signedIn(email);
        HttpResponse<String> export = http.get("/mein-unternehmen/export");
        assertThat(export.body()).doesNotContain("Stefan", "Sachbearbeiter", "staff-1", "Carla", "COACH=",
            "vorher@historie", "Fremde AG");
        Map<String, Object> lead = ((List<Map<String, Object>>) http.map(export).get("leads")).stream()
            .filter(l -> leadId.equals(l.get("id"))).findFirst().orElseThrow();
        assertThat(lead).containsEntry("stage", "CONTACTED").containsEntry("assigned", true)
            .containsEntry("source", "api");
        assertThat(((List<Map<String, Object>>) lead.get("consents")).get(0)).containsEntry("source", "api");
        List<Map<String, Object>> history = (List<Map<String, Object>>) lead.get("history");
        assertThat(history).extracting(h -> h.get("action"))
            .containsExactly("STAGE", "ASSIGN", "BOOKING", "DATA_EMAIL", "DATA_OTHER_COMPANY");
        assertThat(history.get(0)).containsEntry("by", "agency").containsEntry("from", "NEW")
            .containsEntry("to", "CONTACTED").containsEntry("note", "Rückruf am Montag vereinbart")
            .containsEntry("at", t.plusSeconds(1).toString());
        assertThat(history.get(1)).containsEntry("by", "agency").containsEntry("from", null)
            .containsEntry("to", "assigned");
        assertThat(history.get(2)).containsEntry("by", "company").containsEntry("to", "22.12.2026 09:00");
        assertThat(history.get(3)).containsEntry("by", "company").containsEntry("from", null).containsEntry("to", null);
        assertThat(history.get(4)).containsEntry("from", null).containsEntry("to", null);
        // beside the codes, in words: in the language of the page the export is downloaded from (German first)
        assertThat(http.map(export)).containsEntry("language", "de");
        assertThat(history).extracting(h -> h.get("text")).containsExactly("Bearbeitungsstand: neu → kontaktiert",
            "Zuständigkeit: einer Person zugewiesen", "Termin gebucht: 22.12.2026, 09:00",
            "E-Mail-Adresse geändert (erneute Einwilligung zum selben Selbstcheck)",
            "Anderer Unternehmensname angegeben (erneute Einwilligung, nicht übernommen)");
        assertThat(history).extracting(h -> h.get("byText"))
            .containsExactly("Wirtschaftsförderung", "Wirtschaftsförderung", "Unternehmen", "Unternehmen", "Unternehmen");
        HttpResponse<String> english = http.get("/mein-unternehmen/export?lang=en");
        assertThat(english.body()).doesNotContain("Stefan", "Sachbearbeiter", "staff-1", "Carla", "COACH=",
            "vorher@historie", "Fremde AG");
        Map<String, Object> inEnglish = http.map(english);
        assertThat(inEnglish).containsEntry("language", "en");
        List<Map<String, Object>> englishHistory = (List<Map<String, Object>>) ((List<Map<String, Object>>) inEnglish
            .get("leads")).stream().filter(l -> leadId.equals(l.get("id"))).findFirst().orElseThrow().get("history");
        assertThat(englishHistory).extracting(h -> h.get("text")).containsExactly("Progress: new → contacted",
            "Assignee: assigned to someone", "Appointment booked: 22 Dec 2026, 09:00",
            "Email address changed (consent given again for the same self-check)",
            "Other company name given (consent given again, not taken over)");
        assertThat(englishHistory).extracting(h -> h.get("action"))
            .containsExactly("STAGE", "ASSIGN", "BOOKING", "DATA_EMAIL", "DATA_OTHER_COMPANY");
        assertThat(englishHistory.get(0)).containsEntry("byText", "Economic development agency")
            .containsEntry("from", "NEW").containsEntry("to", "CONTACTED");
        http.get("/mein-unternehmen/export?lang=de");
    }

    @Test
    void erasingAsksFirstAndAskingErasesNothing() throws Exception {
        Http company = new Http(server, json);
        CompletedChecks.Completed check = CompletedChecks.of(questionnaires.current()).named("Vorsicht GmbH")
            .contact("Vera Vorsicht", "vorsicht@example.org").submit(company);
        Http http = signedIn("vorsicht@example.org");
        assertThat(http.get("/mein-unternehmen/uebersicht").body()).contains("href=\"/mein-unternehmen/loeschen\"");
        HttpResponse<String> ask = http.get("/mein-unternehmen/loeschen");
        assertThat(ask.statusCode()).isEqualTo(200);
        assertThat(ask.body()).contains("Ihre Daten löschen?", "Jetzt löschen",
            "Sie löschen alle persönlichen Daten zur E-Mail-Adresse <span class=\"dc-address\">vorsicht@<wbr>example.<wbr>org"
                + "</span>, auch die Ihres Selbstchecks.");
        assertThat(http.get(check.resultPath()).statusCode()).isEqualTo(200);
        assertThat(new Http(server, json).get("/mein-unternehmen/loeschen").headers().firstValue("Location"))
            .contains("/mein-unternehmen");
        assertThat(erase(http).body()).contains("Ihre Daten sind gelöscht");
        assertThat(http.get(check.resultPath()).statusCode()).isEqualTo(404);
    }

    @Inject
    de.digitalcheck.portal.booking.Bookings bookings;
    @Inject
    de.digitalcheck.portal.routing.AgencyAdministration agencies;
    @Inject
    de.digitalcheck.portal.accounts.Accounts accounts;
    @Inject
    de.digitalcheck.portal.booking.Calendars calendars;
    @Inject
    de.digitalcheck.portal.booking.Coaches coachProfiles;

    de.digitalcheck.portal.booking.Bookings.Made book(de.digitalcheck.portal.support.BookableAgency a, int hour,
                                                       String company, String email, boolean consent) {
        Instant start = de.digitalcheck.portal.support.BookableAgency.bookableDay(5).atTime(hour, 0)
            .atZone(de.digitalcheck.portal.support.BookableAgency.BERLIN).toInstant();
        return bookings.book(new de.digitalcheck.portal.booking.Bookings.Request(a.agencyId(), a.typeId(), start,
            a.coachIds().get(0), company, "44135", "Ida Eigen", email, null, null, null, consent,
            de.digitalcheck.portal.shared.i18n.Language.DE, null));
    }

    @Test
    void theOverviewListsTheAddresssAppointmentsAndEachConsentButNothingOfAnotherAddress() throws Exception {
        var agency = de.digitalcheck.portal.support.BookableAgency.create(agencies, accounts, calendars, coachProfiles, 1);
        Http company = new Http(server, json);
        CompletedChecks.Completed first = CompletedChecks.of(questionnaires.current()).named("Erstcheck GmbH")
            .at("58452").contact("Ida Eigen", "ida@eigen.example.org").sharedWithAgency().submit(company);
        CompletedChecks.Completed second = CompletedChecks.of(questionnaires.current()).named("Zweitcheck GmbH")
            .at("58452").contact("Ida Eigen", "ida@eigen.example.org").sharedWithAgency().submit(company);
        var upcoming = book(agency, 10, "Eigen GmbH", "ida@eigen.example.org", true);
        var past = book(agency, 12, "Eigen GmbH", "ida@eigen.example.org", false);
        var theirs = book(agency, 14, "Fremd AG", "fremd@example.org", true);
        Database db = new Database(dataSource);
        db.execute("UPDATE booking SET start_at = DATEADD('DAY', -20, start_at), end_at = DATEADD('DAY', -20, end_at)"
            + " WHERE id = ?", past.booking().id());
        long until = System.currentTimeMillis() + 15_000; // the bookings' and leads' mails first: then the magic link
        while (db.count("mail_outbox") > 0 && System.currentTimeMillis() < until) {
            Thread.sleep(50);
        }
        Http http = signedIn("ida@eigen.example.org");

        String overview = http.get("/mein-unternehmen/uebersicht").body();
        String coach = upcoming.booking().coachName();
        assertThat(overview).contains("Ihre Termine", "Kommende Termine", "Vergangene Termine", coach, "Erstgespräch",
            "Per Video", "Gebucht", "10:00–11:00", "12:00–13:00",
            "action=\"/mein-unternehmen/termine/" + upcoming.booking().id() + "/verwalten\"")
            .doesNotContain("/mein-unternehmen/termine/" + past.booking().id(), theirs.booking().id(), "Fremd AG",
                "14:00–15:00", upcoming.token());
        // two consents to the same agency (one lead): each with its check, time and text version
        assertThat(overview).contains("für den Selbstcheck „Erstcheck GmbH“", "für den Selbstcheck „Zweitcheck GmbH“",
            "bei der Buchung des Termins am", "Einwilligungstext der Terminbuchung (2. Fassung)")
            .containsPattern("Einwilligungstext vom [A-Z][a-zä]+ 20\\d\\d( \\(\\d+\\. Fassung\\))?</span>")
            .doesNotContain("Textfassung", de.digitalcheck.portal.readiness.AgencyLeads.CONSENT_VERSION + "<");
        assertThat(Pattern.compile("Einwilligung vom \\d{2}\\.\\d{2}\\.\\d{4}, \\d{2}:\\d{2}").matcher(overview)
            .results().count()).isEqualTo(3);

        HttpResponse<String> managed = http.postForm("/mein-unternehmen/termine/" + upcoming.booking().id()
            + "/verwalten", Map.of());
        assertThat(managed.statusCode()).isEqualTo(303);
        String location = managed.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/termin/buchung/" + upcoming.booking().id() + "?token=")
            .doesNotContain(upcoming.token());
        assertThat(http.get(location).body()).contains(coach, "Termin verschieben");
        assertThat(http.get("/termin/buchung/" + upcoming.booking().id() + "?token=" + upcoming.token()).statusCode())
            .as("the mail's link is spent").isEqualTo(404);

        assertThat(http.postForm("/mein-unternehmen/termine/" + theirs.booking().id() + "/verwalten", Map.of())
            .statusCode()).as("another address's").isEqualTo(404);
        assertThat(http.postForm("/mein-unternehmen/termine/" + past.booking().id() + "/verwalten", Map.of())
            .statusCode()).as("a past one").isEqualTo(404);
        assertThat(http.get("/termin/buchung/" + theirs.booking().id() + "?token=" + theirs.token()).statusCode())
            .as("its link still works").isEqualTo(200);
        assertThat(new Http(server, json).postForm("/mein-unternehmen/termine/" + upcoming.booking().id()
            + "/verwalten", Map.of()).headers().firstValue("Location")).as("no session").contains("/mein-unternehmen");

        // a cancelled appointment still to come is not listed as to come (it once stood there, "Abgesagt", with an
        // empty "Aktionen" cell): its own group, without an action; one that has begun says why it has none
        var cancelled = book(agency, 16, "Eigen GmbH", "ida@eigen.example.org", true);
        db.execute("UPDATE booking SET status = 'CANCELLED' WHERE id = ?", cancelled.booking().id());
        long sent = System.currentTimeMillis() + 15_000; // its mails out now, not into another test's mailbox
        while (db.count("mail_outbox") > 0 && System.currentTimeMillis() < sent) {
            Thread.sleep(50);
        }
        String withCancelled = http.get("/mein-unternehmen/uebersicht").body();
        int upcomingAt = withCancelled.indexOf("Kommende Termine");
        int cancelledAt = withCancelled.indexOf("Abgesagte Termine");
        assertThat(upcomingAt).isPositive();
        assertThat(cancelledAt).isGreaterThan(upcomingAt);
        assertThat(withCancelled.substring(upcomingAt, cancelledAt)).doesNotContain("16:00–17:00", "Abgesagt");
        assertThat(withCancelled.substring(cancelledAt)).contains("16:00–17:00", "Abgesagt")
            .doesNotContain("/mein-unternehmen/termine/" + cancelled.booking().id(), "Hat begonnen");
        Instant begunAt = Instant.now().minusSeconds(1800);
        db.execute("UPDATE booking SET start_at = ?, end_at = ? WHERE id = ?", java.sql.Timestamp.from(begunAt),
            java.sql.Timestamp.from(begunAt.plusSeconds(3600)), upcoming.booking().id());
        String begun = http.get("/mein-unternehmen/uebersicht").body();
        assertThat(begun).contains("Hat begonnen: nicht mehr zu verschieben oder abzusagen")
            .doesNotContain("/mein-unternehmen/termine/" + upcoming.booking().id() + "/verwalten");

        // in English, the same dates in the English style
        http.get("/mein-unternehmen/uebersicht?lang=en");
        String english = http.get("/mein-unternehmen/uebersicht").body();
        assertThat(english).contains("Your appointments", "First talk", "By video", "Cancelled appointments",
            "Has begun: can no longer be moved or cancelled", "consent text for bookings (version 2)")
            .containsPattern("consent text of [A-Z][a-z]+ 20\\d\\d( \\(version \\d+\\))?</span>")
            .containsPattern("Consent given on \\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d{2}:\\d{2}");
        assertThat(first.id()).isNotEqualTo(second.id());
    }

    /**
     * The export's booking reflects a withdrawn consent as the lead's consent log does: it said
     * {@code "consentShare": true} beside the lead's consent with its {@code withdrawnAt}. Now {@code consentShare} is
     * false with {@code consentWithdrawnAt} (the lead's withdrawal time), when and in which text version it was given
     * stay; a booking whose consent stands, and one without consent, are unchanged.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theExportedBookingSaysItsConsentWasWithdrawn() throws Exception {
        var agency = de.digitalcheck.portal.support.BookableAgency.create(agencies, accounts, calendars, coachProfiles, 1);
        String email = "widerruf@termin.example.org";
        var consented = book(agency, 9, "Widerruf GmbH", email, true);
        var without = book(agency, 13, "Widerruf GmbH", email, false);
        Database db = new Database(dataSource);
        long until = System.currentTimeMillis() + 15_000; // the booking's and lead's mails first: then the magic link
        while (db.count("mail_outbox") > 0 && System.currentTimeMillis() < until) {
            Thread.sleep(50);
        }
        String lead = (String) db.value("SELECT lead_id FROM lead_booking WHERE booking_id = ?", consented.booking().id());
        assertThat(lead).isNotNull();
        Http http = signedIn(email);

        Map<String, Map<String, Object>> before = exportedBookings(http);
        assertThat(before.get(consented.booking().id())).containsEntry("consentShare", true)
            .containsEntry("consentWithdrawnAt", null);
        assertThat(before.get(consented.booking().id()).get("consentTextVersion")).isNotNull();
        assertThat(before.get(without.booking().id())).containsEntry("consentShare", false)
            .containsEntry("consentWithdrawnAt", null);

        assertThat(http.get("/mein-unternehmen/uebersicht").body()).contains("/mein-unternehmen/leads/" + lead + "/widerrufen");
        assertThat(http.postForm("/mein-unternehmen/leads/" + lead + "/widerrufen", Map.of()).statusCode()).isEqualTo(303);
        Map<String, Object> data = http.map(http.get("/mein-unternehmen/export"));
        Map<String, Object> exportedLead = ((List<Map<String, Object>>) data.get("leads")).stream()
            .filter(l -> lead.equals(l.get("id"))).findFirst().orElseThrow();
        Object withdrawnAt = ((List<Map<String, Object>>) exportedLead.get("consents")).get(0).get("withdrawnAt");
        assertThat(withdrawnAt).as("the lead's consent").isNotNull();
        Map<String, Map<String, Object>> after = exportedBookings(http);
        assertThat(after.get(consented.booking().id())).as("the booking's consent")
            .containsEntry("consentShare", false).containsEntry("consentWithdrawnAt", withdrawnAt)
            .containsEntry("consentAt", before.get(consented.booking().id()).get("consentAt"))
            .containsEntry("consentTextVersion", before.get(consented.booking().id()).get("consentTextVersion"));
        assertThat(after.get(without.booking().id())).isEqualTo(before.get(without.booking().id()));
        assertThat(db.value("SELECT consent_share FROM booking WHERE id = ?", consented.booking().id()))
            .as("the booking keeps the consent it was made with").isIn(true, 1, (byte) 1);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> exportedBookings(Http http) {
        Map<String, Object> data = http.map(http.get("/mein-unternehmen/export"));
        Map<String, Map<String, Object>> byId = new java.util.HashMap<>();
        ((List<Map<String, Object>>) data.get("bookings")).forEach(b -> byId.put((String) b.get("id"), b));
        return byId;
    }

    /**
     * A company that booked an appointment without taking the check is a company of the portal too (SPEC §2: it sees
     * its history, exports or deletes its data): its address gets the link, and the overview shows the appointment.
     */
    @Test
    void anAddressThatOnlyBookedGetsTheLinkAndSeesItsAppointment() throws Exception {
        var agency = de.digitalcheck.portal.support.BookableAgency.create(agencies, accounts, calendars, coachProfiles, 1);
        var booked = book(agency, 11, "Nur Termin GmbH", "nur-termin@example.org", false);
        Database db = new Database(dataSource);
        long until = System.currentTimeMillis() + 15_000; // the booking's mails first: then the magic link
        while (db.count("mail_outbox") > 0 && System.currentTimeMillis() < until) {
            Thread.sleep(50);
        }
        Http http = signedIn("nur-termin@example.org");
        String overview = http.get("/mein-unternehmen/uebersicht").body();
        assertThat(overview).contains("Ihre Termine", "11:00–12:00",
            "action=\"/mein-unternehmen/termine/" + booked.booking().id() + "/verwalten\"",
            "Zu dieser Adresse gibt es keinen Selbstcheck.");
        assertThat(overview).as("no empty table of checks").doesNotContain("Ihre Selbstchecks</caption>");
        assertThat(http.get("/mein-unternehmen/export").body()).contains("Nur Termin GmbH");

        // the mail's link is spent once a new one is fetched here: its page says where to get the newest one
        assertThat(http.postForm("/mein-unternehmen/termine/" + booked.booking().id() + "/verwalten", Map.of())
            .statusCode()).isEqualTo(303);
        HttpResponse<String> spent = http.get("/termin/buchung/" + booked.booking().id() + "?token=" + booked.token());
        assertThat(spent.statusCode()).isEqualTo(404);
        assertThat(spent.body()).contains("unter „Mein Unternehmen“ einen neuen Link geholt",
            "holen Sie sich jederzeit selbst unter „Mein Unternehmen“");

        // erasing an address with appointments only: no "0 Selbstcheck(s)", in German and English
        assertThat(http.get("/mein-unternehmen/loeschen").body()).contains("Sie löschen alle persönlichen Daten zur "
            + "E-Mail-Adresse <span class=\"dc-address\">nur-termin@<wbr>example.<wbr>org</span>. Einen Selbstcheck "
            + "gibt es zu dieser Adresse nicht.")
            .doesNotContain("0 Selbstcheck");
        assertThat(http.get("/mein-unternehmen/loeschen?lang=en").body()).contains("You are deleting all personal data "
            + "stored with the email address <span class=\"dc-address\">nur-termin@<wbr>example.<wbr>org</span>. "
            + "There is no self-check for this address.")
            .doesNotContain("self-check(s)");
        assertThat(erase(http).body())
            .contains("All personal data stored with your email address has been deleted.</p>")
            .doesNotContain("0 self-check");
    }

    @Test
    void erasingSeveralChecksCountsThemInWords() throws Exception {
        Http company = new Http(server, json);
        completedCheck(company, "zwei@giesserei.example.org");
        completedCheck(company, "zwei@giesserei.example.org");
        Http http = signedIn("zwei@giesserei.example.org");
        assertThat(http.get("/mein-unternehmen/loeschen?lang=en").body()).contains("You are deleting all personal data "
            + "stored with the email address <span class=\"dc-address\">zwei@<wbr>giesserei.<wbr>example.<wbr>org"
            + "</span>, including that of your 2 self-checks.");
        assertThat(http.get("/mein-unternehmen/loeschen?lang=de").body()).contains("Sie löschen alle persönlichen Daten "
            + "zur E-Mail-Adresse <span class=\"dc-address\">zwei@<wbr>giesserei.<wbr>example.<wbr>org</span>, "
            + "auch die Ihrer 2 Selbstchecks.");
        assertThat(erase(http).body())
            .contains("Alle persönlichen Daten zu Ihrer E-Mail-Adresse sind gelöscht, auch die Ihrer 2 Selbstchecks.");
    }
}
