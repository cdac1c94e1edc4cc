package de.digitalcheck.portal.accounts;

import de.digitalcheck.portal.shared.security.Role;
import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.SmtpServer;
import de.digitalcheck.portal.support.Mails;
import de.digitalcheck.portal.support.OidcProvider;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An admin invites a coach: the invitation arrives by mail (GreenMail, a real SMTP server) and the coach signs in. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InvitationIntegrationTest implements TestPropertyProvider {

    final OidcProvider provider = new OidcProvider();
    final SmtpServer smtp = new SmtpServer();

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    AccountRows accounts;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(provider.portalProperties());
        properties.putAll(smtp.portalProperties());
        return properties;
    }

    @AfterAll
    void stop() {
        provider.stop();
        smtp.stop();
    }

    Http signedInAdmin() {
        Http admin = new Http(server, json);
        provider.signIn(admin, "invitation-admin", "admin@digitalcheck.example.org", true);
        return admin;
    }

    @Test
    void anInvitedCoachGetsAMailAndCanSignIn() throws Exception {
        Http admin = signedInAdmin();
        smtp.purge();
        HttpResponse<String> invited = admin.postForm("/admin/einladungen", Map.of("email", "Neue.Coachin@EN-Agentur.example.org",
            "name", "Nele Neu", "role", "COACH", "agencyId", "en-agentur"));
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(303);
        // "invited" once, on the page the post leads to (a Flash note: "?eingeladen=1" in the address said so for any
        // link, though nobody was invited)
        assertThat(invited.headers().firstValue("Location")).hasValue("/admin");
        assertThat(admin.get("/admin").body()).contains("neue.coachin@en-agentur.example.org", "Nele Neu", "id=\"invited\"");
        assertThat(admin.get("/admin").body()).as("a reload").doesNotContain("id=\"invited\"");
        assertThat(admin.get("/admin?eingeladen=1").body()).as("the old address").doesNotContain("id=\"invited\"");

        MimeMessage mail = smtp.lastMailTo("neue.coachin@en-agentur.example.org");
        assertThat(mail.getAllRecipients()).hasSize(1);
        // no language chosen: German, the portal's default, and only German
        assertThat(mail.getSubject()).isEqualTo("Einladung zum Digitalcheck 4.0");
        assertThat(mail.getContentLanguage()).containsExactly("de");
        assertThat(Mails.text(mail)).contains("Guten Tag Nele Neu", "Innovationscoach", "/anmelden")
            .doesNotContain("Hello", "Invitation", "lang=en");
        assertThat(accounts.findByEmail("neue.coachin@en-agentur.example.org").orElseThrow().language()).isEqualTo("de");

        Http coach = new Http(server, json);
        provider.signIn(coach, "nele", "neue.coachin@en-agentur.example.org", true);
        assertThat(coach.get("/coach").body()).contains("Nele Neu", "EN-Agentur");
    }

    /**
     * The admin chooses the invitee's language (German preset): an English invitation is English only, says so in
     * {@code Content-Language}, and its link opens the sign-in page in English; the account keeps the language.
     */
    @Test
    void anInvitationInEnglishIsAnEnglishMailWhoseLinkOpensEnglishPages() throws Exception {
        Http admin = signedInAdmin();
        String form = admin.get("/admin").body();
        assertThat(form).contains("Sprache der Einladung", "name=\"language\"", "value=\"en\"");
        assertThat(form).containsPattern("id=\"invite-language-de\" value=\"de\" checked");
        smtp.purge();
        HttpResponse<String> invited = admin.postForm("/admin/einladungen", Map.of("email", "emma@en-agentur.example.org",
            "name", "Emma English", "role", "AGENCY_STAFF", "agencyId", "en-agentur", "language", "en"));
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(303);
        MimeMessage mail = smtp.lastMailTo("emma@en-agentur.example.org");
        assertThat(mail.getAllRecipients()).hasSize(1);
        assertThat(mail.getSubject()).isEqualTo("Invitation to Digitalcheck 4.0");
        assertThat(mail.getContentLanguage()).containsExactly("en");
        String text = Mails.text(mail);
        assertThat(text).contains("Hello Emma English", "/anmelden?lang=en").doesNotContain("Guten Tag", "Einladung", "Rolle");
        assertThat(accounts.findByEmail("emma@en-agentur.example.org").orElseThrow().language()).isEqualTo("en");
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("https?://[^/\\s]+(/anmelden\\?lang=en)").matcher(text);
        assertThat(link.find()).isTrue();
        assertThat(new Http(server, json).get(link.group(1)).body()).contains("<html lang=\"en\"");
    }

    @Test
    void staffChooseTheLanguageOfTheirCoachesInvitations() throws Exception {
        Http staff = new Http(server, json);
        provider.signIn(staff, "invitation-en-staff", "staff@en-agentur.example.org", true);
        assertThat(staff.get("/agentur").body()).contains("Sprache der Einladung")
            .containsPattern("id=\"coach-language-de\" value=\"de\" checked");
        smtp.purge();
        assertThat(staff.postForm("/agentur/coaches", Map.of("email", "carl@en-agentur.example.org", "name", "Carl Coach",
            "language", "en")).statusCode()).isEqualTo(303);
        MimeMessage english = smtp.lastMailTo("carl@en-agentur.example.org");
        assertThat(english.getContentLanguage()).containsExactly("en");
        assertThat(Mails.text(english)).contains("Hello Carl Coach", "Innovation coach").doesNotContain("Guten Tag");
        smtp.purge();
        assertThat(staff.postForm("/agentur/coaches", Map.of("email", "gerd@en-agentur.example.org", "name", "Gerd Coach",
            "language", "de")).statusCode()).isEqualTo(303);
        MimeMessage german = smtp.lastMailTo("gerd@en-agentur.example.org");
        assertThat(german.getContentLanguage()).containsExactly("de");
        assertThat(Mails.text(german)).contains("Guten Tag Gerd Coach", "Innovationscoach").doesNotContain("Hello");

        // a language the portal does not speak is refused with a message, nothing stored, nothing sent
        smtp.purge();
        HttpResponse<String> refused = staff.postForm("/agentur/coaches?lang=en", Map.of("email", "fr@en-agentur.example.org",
            "name", "François", "language", "fr"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Please choose German or English as the language of the invitation.");
        assertThat(accounts.findByEmail("fr@en-agentur.example.org")).isEmpty();
        assertThat(smtp.greenMail().waitForIncomingEmail(500, 1)).isFalse();
    }

    @Test
    void invalidInvitationsAreRefusedWithMessagesAndKeepTheTypedValues() {
        Http admin = signedInAdmin();
        long before = accounts.count();
        HttpResponse<String> page = admin.postForm("/admin/einladungen", Map.of("email", "not-an-email", "name", "<b>X</b>",
            "role", "COACH", "agencyId", ""));
        assertThat(page.statusCode()).isEqualTo(422);
        assertThat(page.body()).contains("Bitte geben Sie eine gültige E-Mail-Adresse an",
            "Wirtschaftsförderung und Coaches brauchen eine Wirtschaftsförderung", "value=\"not-an-email\"", "&lt;b&gt;X&lt;/b&gt;");
        HttpResponse<String> duplicate = admin.postForm("/admin/einladungen", Map.of("email", "admin@digitalcheck.example.org",
            "name", "Doppelt", "role", "NETWORK_ADMIN", "agencyId", ""));
        assertThat(duplicate.body()).contains("Für diese E-Mail-Adresse gibt es bereits ein Konto.");
        assertThat(accounts.count()).isEqualTo(before);
    }

    @Test
    void onlyNetworkAdminsMayInvite() {
        Http staff = new Http(server, json);
        provider.signIn(staff, "invitation-staff", "staff@dortmund.example.org", true);
        HttpResponse<String> response = staff.postForm("/admin/einladungen", Map.of("email", "x@example.org", "name", "X",
            "role", "NETWORK_ADMIN", "agencyId", ""));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(accounts.findByEmail("x@example.org")).isEmpty();
    }

    @Test
    void staffInviteCoachesIntoTheirOwnAgencyOnly() throws Exception {
        Http staff = new Http(server, json);
        provider.signIn(staff, "invitation-en-staff", "staff@en-agentur.example.org", true);
        HttpResponse<String> invited = staff.postForm("/agentur/coaches", Map.of("email", "neuer.coach@example.org",
            "name", "Nico Neu", "agencyId", "wf-dortmund", "role", "NETWORK_ADMIN"));
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(303);
        AccountRow coach = accounts.findByEmail("neuer.coach@example.org").orElseThrow();
        assertThat(coach.role()).isEqualTo(Role.COACH);
        assertThat(coach.agencyId()).isEqualTo("en-agentur");
        // "invited" once, on the page the post leads to (a Flash note: "?eingeladen" in the address said so for any
        // link, though nobody was invited)
        assertThat(invited.headers().firstValue("Location")).hasValue("/agentur#coach-invited");
        assertThat(staff.get("/agentur").body()).contains("Nico Neu", "id=\"coach-invited\"");
        assertThat(staff.get("/agentur").body()).as("a reload").doesNotContain("id=\"coach-invited\"");
        assertThat(staff.get("/agentur?eingeladen").body()).as("the old address").doesNotContain("id=\"coach-invited\"");
        smtp.awaitMailsTo("neuer.coach@example.org");

        HttpResponse<String> invalid = staff.postForm("/agentur/coaches", Map.of("email", "", "name", ""));
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("Bitte füllen Sie dieses Feld aus.");
    }
    /**
     * An invitation mail greets the invitee by the name typed ("Guten Tag {name}") in the portal's name: a name with a
     * web address ({@code ://}, a word starting with {@code www.}) was accepted and mailed, as the check's and the
     * booking's names are not. It is refused at the name field, in the page's language, for the admin's invitations
     * and the agency's coach invitations alike; nothing stored, nothing sent. A name with angle brackets but no
     * address is a name: the mail is plain text only (no HTML part to render it), the pages escape it.
     */
    @Test
    void aNameWithAWebAddressIsRefusedInEveryInvitationAndNothingIsMailed() throws Exception {
        Http admin = signedInAdmin();
        smtp.purge();
        String evil = "<b>Zed</b> https://evil.example";
        HttpResponse<String> refused = admin.postForm("/admin/einladungen", Map.of("email", "zed@en-agentur.example.org",
            "name", evil, "role", "AGENCY_STAFF", "agencyId", "en-agentur"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"invite-name-error\"", "Bitte geben Sie hier keine Internetadresse an.",
            "id=\"error-summary\"", "value=\"&lt;b&gt;Zed&lt;/b&gt; https://evil.example\"");
        try {
            HttpResponse<String> english = admin.postForm("/admin/einladungen?lang=en", Map.of("email",
                "zed@en-agentur.example.org", "name", "Zed WWW.evil.example", "role", "NETWORK_ADMIN", "agencyId", ""));
            assertThat(english.statusCode()).isEqualTo(422);
            assertThat(english.body()).contains("id=\"invite-name-error\"", "Please do not enter a web address here.");
        } finally {
            admin.get("/admin?lang=de");
        }

        Http staff = new Http(server, json);
        provider.signIn(staff, "invitation-en-staff", "staff@en-agentur.example.org", true);
        HttpResponse<String> coach = staff.postForm("/agentur/coaches", Map.of("email", "zed@en-agentur.example.org",
            "name", "Zed, Ihr Paket: www.evil.example/p", "language", "de"));
        assertThat(coach.statusCode()).isEqualTo(422);
        assertThat(coach.body()).contains("id=\"coach-name-error\"", "Bitte geben Sie hier keine Internetadresse an.");
        assertThat(accounts.findByEmail("zed@en-agentur.example.org")).isEmpty();
        assertThat(smtp.greenMail().waitForIncomingEmail(500, 1)).as("nothing sent").isFalse();

        // a domain-like word without "www." or "://" is no address; angle brackets are no mark-up in a plain-text mail
        assertThat(staff.postForm("/agentur/coaches", Map.of("email", "zed@en-agentur.example.org",
            "name", "<b>Zed</b> Example.com", "language", "de")).statusCode()).isEqualTo(303);
        MimeMessage mail = smtp.lastMailTo("zed@en-agentur.example.org");
        assertThat(html(mail)).as("no HTML part").isFalse();
        assertThat(Mails.text(mail)).contains("Guten Tag <b>Zed</b> Example.com,");
        assertThat(staff.get("/agentur").body()).contains("&lt;b&gt;Zed&lt;/b&gt; Example.com")
            .doesNotContain("<b>Zed</b>");
    }

    /** Whether the mail or a part of it is HTML. */
    static boolean html(jakarta.mail.Part part) throws Exception {
        if (part.isMimeType("text/html")) {
            return true;
        }
        if (part.getContent() instanceof jakarta.mail.Multipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                if (html(parts.getBodyPart(i))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A coach's name goes into booking mails and the agency's lists of free times: the coach's own profile refuses a
     * web address in it as the invitation does, at the field, in the page's language, and keeps the name it had.
     * The focus topics may hold one: only the agency's staff see them.
     */
    @Test
    void aCoachsOwnNameWithAWebAddressIsRefused() {
        Http coach = new Http(server, json);
        provider.signIn(coach, "invitation-do-coach", "coach@dortmund.example.org", true);
        HttpResponse<String> refused = coach.postForm("/coach", Map.of("name", "Dominik https://evil.example",
            "expertise", "ERP", "modes", "VIDEO"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"coach-name-error\"", "Bitte geben Sie hier keine Internetadresse an.",
            "href=\"#coach-name\"");
        try {
            HttpResponse<String> english = coach.postForm("/coach?lang=en", Map.of("name", "Dominik www.evil.example",
                "expertise", "ERP", "modes", "VIDEO"));
            assertThat(english.statusCode()).isEqualTo(422);
            assertThat(english.body()).contains("id=\"coach-name-error\"", "Please do not enter a web address here.");
        } finally {
            coach.get("/coach?lang=de");
        }
        assertThat(accounts.findByEmail("coach@dortmund.example.org").orElseThrow().name()).isEqualTo("Dominik Coach");
    }
}
