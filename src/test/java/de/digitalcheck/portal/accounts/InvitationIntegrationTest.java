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
        HttpResponse<String> invited = admin.postForm("/admin/einladungen", Map.of("email", "Neue.Coachin@EN-Agentur.example.org",
            "name", "Nele Neu", "role", "COACH", "agencyId", "en-agentur"));
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(303);
        assertThat(admin.get("/admin?eingeladen=1").body()).contains("neue.coachin@en-agentur.example.org", "Nele Neu");

        MimeMessage mail = smtp.lastMail();
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("neue.coachin@en-agentur.example.org");
        assertThat(mail.getSubject()).contains("Einladung");
        assertThat(Mails.text(mail)).contains("Nele Neu", "Innovationscoach", "/anmelden");

        Http coach = new Http(server, json);
        provider.signIn(coach, "nele", "neue.coachin@en-agentur.example.org", true);
        assertThat(coach.get("/coach").body()).contains("Nele Neu", "EN-Agentur");
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
        assertThat(staff.get("/agentur").body()).contains("Nico Neu");
        smtp.awaitMails(1);

        HttpResponse<String> invalid = staff.postForm("/agentur/coaches", Map.of("email", "", "name", ""));
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("Bitte füllen Sie dieses Feld aus.");
    }
}
