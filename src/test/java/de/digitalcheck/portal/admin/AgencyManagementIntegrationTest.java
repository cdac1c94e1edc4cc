package de.digitalcheck.portal.admin;

import de.digitalcheck.portal.routing.Agencies;
import de.digitalcheck.portal.routing.Agency;
import de.digitalcheck.portal.routing.AgencyAdministration;
import de.digitalcheck.portal.support.Database;
import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.SignedInTests;
import de.digitalcheck.portal.support.TaggedImages;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin creates and edits agencies (names, contact, service level, logo); staff manage their own logo. */
@MicronautTest(transactional = false)
class AgencyManagementIntegrationTest extends SignedInTests {

    @Inject
    Agencies agencies;
    @Inject
    AgencyAdministration logos;
    @Inject
    javax.sql.DataSource dataSource;

    static Map<String, String> profile(String name, String shortName, String email, String days) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("shortName", shortName);
        form.put("email", email);
        form.put("phone", "+49 2331 000");
        form.put("website", "https://example.org");
        form.put("address", "Körnerstraße 1, Hagen");
        form.put("firstContactDays", days);
        return form;
    }

    static byte[] image(String format) {
        return image(format, 40, 20);
    }

    static byte[] image(String format, int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        img.setRGB(3, 3, 0x0064a0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Test
    void theAdminCreatesAnAgencyWithValidatedProfileAndServiceLevel() {
        Http admin = as("agency-admin", "admin@digitalcheck.example.org");
        assertThat(admin.get("/admin/agenturen/neu").body()).contains("Wirtschaftsförderung anlegen", "name=\"firstContactDays\"",
            "value=\"2\"");
        long before = new Database(dataSource).count("agency");
        HttpResponse<String> invalid = admin.postForm("/admin/agenturen", profile("", "   ", "kaputt", "0"));
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("Bitte füllen Sie dieses Feld aus.", "gültige E-Mail-Adresse",
            "ganze Zahl von 1 bis 20", "value=\"kaputt\"", "value=\"0\"");
        assertThat(admin.postForm("/admin/agenturen", profile("Wirtschaftsförderung Hagen", "WFH", "info@wfh.example.org",
            "eins")).statusCode()).isEqualTo(422);
        // the short name of an existing agency is taken
        HttpResponse<String> taken = admin.postForm("/admin/agenturen", profile("Noch eine", "EN-Agentur",
            "x@example.org", "2"));
        assertThat(taken.body()).contains("Kurznamen gibt es schon");
        assertThat(new Database(dataSource).count("agency")).isEqualTo(before);

        HttpResponse<String> created = admin.postForm("/admin/agenturen", profile("Wirtschaftsförderung Gevelsberg & <Umgebung>",
            "WF Gevelsberg Süd", "info@gevelsberg.example.org", "3"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
        assertThat(created.headers().firstValue("Location")).hasValue("/admin/agenturen/wf-gevelsberg-sued");
        Agency agency = agencies.find("wf-gevelsberg-sued").orElseThrow();
        assertThat(agency.firstContactDays()).isEqualTo(3);
        assertThat(agency.phone()).isEqualTo("+49 2331 000");
        String page = admin.get("/admin").body();
        assertThat(page).contains("Wirtschaftsförderung Gevelsberg &amp; &lt;Umgebung&gt;", "innerhalb von 3 Arbeitstagen",
            "href=\"/admin/agenturen/wf-gevelsberg-sued\"");
        // the new agency can be given a territory and staff right away
        assertThat(admin.get("/admin").body()).contains("value=\"wf-gevelsberg-sued\"");
    }

    /** A service level of one working day is said in the singular: it read "innerhalb von 1 Arbeitstagen". */
    @Test
    void aServiceLevelOfOneWorkingDayIsSaidInTheSingular() {
        Http admin = as("agency-admin", "admin@digitalcheck.example.org");
        assertThat(admin.postForm("/admin/agenturen", profile("Wirtschaftsförderung Eintagsfliege", "WF Eintag",
            "info@eintag.example.org", "1")).statusCode()).isEqualTo(303);
        assertThat(admin.get("/admin").body()).contains("innerhalb von 1 Arbeitstag<").doesNotContainPattern("\\b1 Arbeitstagen")
            .contains("innerhalb von 2 Arbeitstagen<");
        try {
            assertThat(admin.get("/admin?lang=en").body()).contains("within 1 working day<")
                .doesNotContainPattern("\\b1 working days").contains("within 2 working days<");
        } finally {
            admin.get("/admin?lang=de");
        }
    }

    /**
     * Staff choose the agency to forward a lead to by its name, and the consent names the agency by it: two agencies
     * of one name (trimmed, case ignored) are refused at the name, as typed, and nothing is stored; an agency keeps its
     * own name when edited.
     */
    @Test
    void anotherAgencysNameIsRefusedAtTheNameWithTheInputKeptAndAnAgencyKeepsItsOwn() {
        Http admin = as("agency-admin", "admin@digitalcheck.example.org");
        Database db = new Database(dataSource);
        long before = db.count("agency");
        HttpResponse<String> created = admin.postForm("/admin/agenturen?lang=de",
            profile("  wirtschaftsFÖRDERUNG   dortmund ", "WF Doppelt", "doppelt@example.org", "2"));
        assertThat(created.statusCode()).isEqualTo(422);
        assertThat(created.body()).contains("id=\"agency-name-error\"", "Eine andere Wirtschaftsförderung heißt schon so.",
                "value=\"wirtschaftsFÖRDERUNG   dortmund\"", "value=\"WF Doppelt\"")
            .doesNotContain("id=\"agency-shortName-error\"");
        assertThat(db.count("agency")).isEqualTo(before);
        assertThat(agencies.find("wf-doppelt")).isEmpty();
        assertThat(admin.postForm("/admin/agenturen?lang=en", profile("Wirtschaftsförderung Dortmund", "WF Doppelt",
            "doppelt@example.org", "2")).body()).contains("Another agency already has this name.");

        // editing one agency to another's name is refused; nothing changes
        Agency hagen = agencies.find("wf-hagen").orElseThrow();
        HttpResponse<String> renamed = admin.postForm("/admin/agenturen/wf-hagen?lang=de", profile("WIRTSCHAFTSFÖRDERUNG DORTMUND",
            hagen.shortName(), hagen.email(), String.valueOf(hagen.firstContactDays())));
        assertThat(renamed.statusCode()).isEqualTo(422);
        assertThat(renamed.body()).contains("id=\"agency-name-error\"", "value=\"WIRTSCHAFTSFÖRDERUNG DORTMUND\"");
        assertThat(db.value("SELECT name FROM agency WHERE id = 'wf-hagen'")).isEqualTo(hagen.name());

        // an agency saved with its own name (even in other letters' case) is fine
        Agency dortmund = agencies.find("wf-dortmund").orElseThrow();
        Map<String, String> own = profile(dortmund.name(), dortmund.shortName(), dortmund.email(),
            String.valueOf(dortmund.firstContactDays()));
        own.put("phone", dortmund.phone() == null ? "" : dortmund.phone());
        own.put("website", dortmund.website() == null ? "" : dortmund.website());
        own.put("address", dortmund.address() == null ? "" : dortmund.address());
        own.put("version", Http.hidden(admin.get("/admin/agenturen/wf-dortmund").body(), "version"));
        HttpResponse<String> kept = admin.postForm("/admin/agenturen/wf-dortmund", own);
        assertThat(kept.statusCode()).as(kept.body()).isEqualTo(303);
        assertThat(db.value("SELECT name FROM agency WHERE id = 'wf-dortmund'")).isEqualTo(dortmund.name());
    }

    /**
     * Creating an agency refused another agency's short name, editing one took it: two agencies of one short name in
     * every list. An edit is refused at the field as the creation is (the short name compared as its id is made:
     * case, spaces and dashes aside), nothing is stored; an agency keeps its own short name, and a new agency cannot
     * take the short name of one whose id was made from another (demo: "HAGENagentur" is wf-hagen).
     */
    @Test
    void anotherAgencysShortNameIsRefusedOnEditAsOnCreationAndAnAgencyKeepsItsOwn() {
        Http admin = as("agency-admin", "admin@digitalcheck.example.org");
        Database db = new Database(dataSource);
        Agency dortmund = agencies.find("wf-dortmund").orElseThrow();
        Agency hagen = agencies.find("wf-hagen").orElseThrow();
        String taken = "  " + dortmund.shortName().toUpperCase(java.util.Locale.ROOT).replace(' ', '-') + " ";
        Map<String, String> edit = profile(hagen.name(), taken, hagen.email(),
            String.valueOf(hagen.firstContactDays()));
        edit.put("version", Http.hidden(admin.get("/admin/agenturen/wf-hagen").body(), "version"));
        HttpResponse<String> refused = admin.postForm("/admin/agenturen/wf-hagen?lang=de", edit);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"agency-shortName-error\"",
            "Eine Wirtschaftsförderung mit diesem Kurznamen gibt es schon.", "href=\"#agency-shortName\"");
        assertThat(db.value("SELECT short_name FROM agency WHERE id = 'wf-hagen'")).isEqualTo(hagen.shortName());
        assertThat(admin.postForm("/admin/agenturen/wf-hagen?lang=en", edit).body())
            .contains("An agency with this short name already exists.");

        // a short name without a letter or digit is refused on edit as on creation
        edit.put("shortName", " !!! ");
        HttpResponse<String> noLetters = admin.postForm("/admin/agenturen/wf-hagen?lang=de", edit);
        assertThat(noLetters.statusCode()).isEqualTo(422);
        assertThat(noLetters.body()).contains("id=\"agency-shortName-error\"",
            "Der Kurzname braucht mindestens einen Buchstaben oder eine Ziffer.");
        assertThat(db.value("SELECT short_name FROM agency WHERE id = 'wf-hagen'")).isEqualTo(hagen.shortName());
        // one saved before that rule may stay as it is, but not become another without a letter or digit
        db.execute("UPDATE agency SET short_name = '***' WHERE id = 'wf-hagen'");
        try {
            edit.put("shortName", "+++");
            edit.put("version", Http.hidden(admin.get("/admin/agenturen/wf-hagen").body(), "version"));
            assertThat(admin.postForm("/admin/agenturen/wf-hagen?lang=de", edit).body())
                .contains("Der Kurzname braucht mindestens einen Buchstaben oder eine Ziffer.");
            assertThat(db.value("SELECT short_name FROM agency WHERE id = 'wf-hagen'")).isEqualTo("***");
        } finally {
            db.execute("UPDATE agency SET short_name = ? WHERE id = 'wf-hagen'", hagen.shortName());
        }

        // its own short name, unchanged, saves
        Map<String, String> own = profile(hagen.name(), hagen.shortName(), hagen.email(),
            String.valueOf(hagen.firstContactDays()));
        own.put("phone", hagen.phone() == null ? "" : hagen.phone());
        own.put("website", hagen.website() == null ? "" : hagen.website());
        own.put("address", hagen.address() == null ? "" : hagen.address());
        own.put("version", Http.hidden(admin.get("/admin/agenturen/wf-hagen").body(), "version"));
        HttpResponse<String> kept = admin.postForm("/admin/agenturen/wf-hagen?lang=de", own);
        assertThat(kept.statusCode()).as(kept.body()).isEqualTo(303);

        // a new agency with the short name of one whose id is another
        long before = db.count("agency");
        HttpResponse<String> created = admin.postForm("/admin/agenturen?lang=de", profile("Noch eine Hagener",
            hagen.shortName().toLowerCase(java.util.Locale.ROOT), "noch@example.org", "2"));
        assertThat(created.statusCode()).isEqualTo(422);
        assertThat(created.body()).contains("Eine Wirtschaftsförderung mit diesem Kurznamen gibt es schon.");
        assertThat(db.count("agency")).isEqualTo(before);
    }

    @Test
    void aShortNameWhoseIdIsAFixedPathSegmentIsRefusedAtTheFieldWithTheInputKept() {
        Http admin = as("agency-admin", "admin@digitalcheck.example.org");
        long before = new Database(dataSource).count("agency");
        for (String shortName : new String[] {"Neu", "leads", "Logo"}) {
            HttpResponse<String> refused = admin.postForm("/admin/agenturen", profile("Kollision " + shortName, shortName,
                "x@example.org", "2"));
            assertThat(refused.statusCode()).as(shortName).isEqualTo(422);
            assertThat(refused.body()).contains("als Adresse einer Portalseite vergeben", "value=\"" + shortName + "\"")
                .doesNotContain("Kurznamen gibt es schon");
        }
        assertThat(new Database(dataSource).count("agency")).isEqualTo(before);
        assertThat(agencies.find("neu")).isEmpty();
        // a name that merely contains such a segment is fine, and its edit page is its own
        HttpResponse<String> created = admin.postForm("/admin/agenturen", profile("Neustadt", "Neu Stadt",
            "info@neustadt.example.org", "2"));
        assertThat(created.statusCode()).isEqualTo(303);
        assertThat(admin.get("/admin/agenturen/neu-stadt").body()).contains("value=\"Neu Stadt\"");
        // no error on the empty form
        assertThat(admin.get("/admin/agenturen/neu").body()).doesNotContain("als Adresse einer Portalseite vergeben");
    }

    /**
     * The edit let a short name through that creating refuses because its id would be a fixed path segment of the
     * agency pages ("neu", "leads", "logo"): refused now with the same message, the input kept, nothing saved. An
     * agency that has such a short name from before keeps it while other fields change.
     */
    @Test
    void aShortNameWhoseIdIsAFixedPathSegmentIsRefusedOnEditAsOnCreation() {
        Http admin = as("agency-admin", "admin@digitalcheck.example.org");
        Database db = new Database(dataSource);
        assertThat(admin.postForm("/admin/agenturen", profile("Wirtschaftsförderung Reserviert", "WF Reserviert",
            "info@reserviert.example.org", "2")).statusCode()).isEqualTo(303);
        Map<String, String> edit = profile("Wirtschaftsförderung Reserviert", "WF Reserviert",
            "info@reserviert.example.org", "2");
        for (String shortName : new String[] {"neu", " Neu ", "LEADS", "Logo"}) {
            edit.put("shortName", shortName);
            edit.put("version", Http.hidden(admin.get("/admin/agenturen/wf-reserviert").body(), "version"));
            HttpResponse<String> refused = admin.postForm("/admin/agenturen/wf-reserviert?lang=de", edit);
            assertThat(refused.statusCode()).as(shortName).isEqualTo(422);
            assertThat(refused.body()).contains("id=\"agency-shortName-error\"",
                    "als Adresse einer Portalseite vergeben", "href=\"#agency-shortName\"",
                    "value=\"" + shortName.strip() + "\"")
                .doesNotContain("Kurznamen gibt es schon", "Die Änderungen sind gespeichert.");
            assertThat(db.value("SELECT short_name FROM agency WHERE id = 'wf-reserviert'")).isEqualTo("WF Reserviert");
        }
        assertThat(admin.postForm("/admin/agenturen/wf-reserviert?lang=en", edit).body())
            .contains("This short name is taken by the address of a portal page");
        // a short name that merely contains such a segment is fine on edit too
        edit.put("shortName", "Neu Reserviert");
        edit.put("version", Http.hidden(admin.get("/admin/agenturen/wf-reserviert").body(), "version"));
        HttpResponse<String> saved = admin.postForm("/admin/agenturen/wf-reserviert", edit);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        assertThat(db.value("SELECT short_name FROM agency WHERE id = 'wf-reserviert'")).isEqualTo("Neu Reserviert");
        // one saved before the rule stays while the rest of the form changes
        db.execute("UPDATE agency SET short_name = 'Neu', short_name_key = 'neu' WHERE id = 'wf-reserviert'");
        edit.put("shortName", "Neu");
        edit.put("firstContactDays", "4");
        edit.put("version", Http.hidden(admin.get("/admin/agenturen/wf-reserviert").body(), "version"));
        HttpResponse<String> kept = admin.postForm("/admin/agenturen/wf-reserviert", edit);
        assertThat(kept.statusCode()).as(kept.body()).isEqualTo(303);
        assertThat(agencies.find("wf-reserviert").orElseThrow().firstContactDays()).isEqualTo(4);
    }

    /**
     * A short name is shown to users, and letters of any script are letters: "日本" and "Ελλάδα" were refused as having
     * no letter or digit, because the id a short name makes was Latin only. Accepted now when creating and editing,
     * shown as typed, under an id safe in an address ("xn--" and the short name's Punycode); two different ones are two
     * agencies, one of them again (case, spaces, Greek accents aside) is refused as a duplicate, nothing stored.
     */
    @Test
    void shortNamesOfAnyScriptAreAcceptedShownAsTypedAndUnique() {
        Http admin = as("agency-admin", "admin@digitalcheck.example.org");
        Database db = new Database(dataSource);
        HttpResponse<String> japan = admin.postForm("/admin/agenturen?lang=de", profile("Wirtschaftsförderung Japan",
            " 日本 ", "info@japan.example.org", "2"));
        assertThat(japan.statusCode()).as(japan.body()).isEqualTo(303);
        assertThat(japan.headers().firstValue("Location")).hasValue("/admin/agenturen/xn--wgv71a");
        HttpResponse<String> greece = admin.postForm("/admin/agenturen?lang=de",
            profile("Wirtschaftsförderung Griechenland", "Ελλάδα", "info@griechenland.example.org", "2"));
        assertThat(greece.statusCode()).as(greece.body()).isEqualTo(303);
        assertThat(greece.headers().firstValue("Location")).hasValue("/admin/agenturen/xn--mxaaic4aa");
        assertThat(agencies.find("xn--wgv71a").orElseThrow().shortName()).isEqualTo("日本");
        assertThat(agencies.find("xn--mxaaic4aa").orElseThrow().shortName()).isEqualTo("Ελλάδα");
        assertThat(db.value("SELECT short_name_key FROM agency WHERE id = 'xn--mxaaic4aa'")).isEqualTo("xn--mxaaic4aa");
        assertThat(admin.get("/admin/agenturen/xn--wgv71a").body()).contains("value=\"日本\"")
            .doesNotContain("id=\"agency-shortName-error\"");
        assertThat(admin.get("/admin").body()).contains("href=\"/admin/agenturen/xn--wgv71a\"",
            "href=\"/admin/agenturen/xn--mxaaic4aa\"", "Wirtschaftsförderung Griechenland");
        // the admin's dashboard of one agency names its series by the short name
        assertThat(admin.get("/admin/kennzahlen?agency=xn--mxaaic4aa").body()).contains("Ελλάδα");

        // the same short name again, also in other case or spacing, is a duplicate: refused at the field, input kept
        long before = db.count("agency");
        for (String same : new String[] {"日本", "ΕΛΛΑΔΑ", "ελλαδα"}) {
            HttpResponse<String> refused = admin.postForm("/admin/agenturen?lang=de", profile("Noch eine " + same, same,
                "noch@example.org", "2"));
            assertThat(refused.statusCode()).as(same).isEqualTo(422);
            assertThat(refused.body()).contains("id=\"agency-shortName-error\"",
                    "Eine Wirtschaftsförderung mit diesem Kurznamen gibt es schon.", "value=\"" + same + "\"")
                .doesNotContain("Buchstaben oder eine Ziffer");
        }
        assertThat(db.count("agency")).isEqualTo(before);

        // edited to another non-Latin short name: saved and shown; to the other one's: refused; the id stays
        Map<String, String> edit = profile("Wirtschaftsförderung Japan", "日本・東京", "info@japan.example.org", "2");
        edit.put("version", Http.hidden(admin.get("/admin/agenturen/xn--wgv71a").body(), "version"));
        HttpResponse<String> tokyo = admin.postForm("/admin/agenturen/xn--wgv71a?lang=de", edit);
        assertThat(tokyo.statusCode()).as(tokyo.body()).isEqualTo(303);
        assertThat(tokyo.headers().firstValue("Location")).hasValue("/admin/agenturen/xn--wgv71a");
        assertThat(admin.get("/admin/agenturen/xn--wgv71a").body()).contains("value=\"日本・東京\"",
            "Die Änderungen sind gespeichert.");
        // "saved" once, after the post that saved (a Flash note): not on a reload, nor from "?gespeichert" typed in
        assertThat(admin.get("/admin/agenturen/xn--wgv71a").body()).contains("value=\"日本・東京\"")
            .doesNotContain("Die Änderungen sind gespeichert.");
        assertThat(admin.get("/admin/agenturen/xn--wgv71a?gespeichert").body())
            .doesNotContain("Die Änderungen sind gespeichert.");
        assertThat(db.value("SELECT short_name_key FROM agency WHERE id = 'xn--wgv71a'"))
            .isEqualTo(AgencyAdministration.idFor("日本・東京"));
        assertThat(AgencyAdministration.idFor("日本・東京")).startsWith("xn--").isNotEqualTo("xn--wgv71a");
        edit.put("shortName", "ΕΛΛΆΔΑ");
        edit.put("version", Http.hidden(admin.get("/admin/agenturen/xn--wgv71a").body(), "version"));
        HttpResponse<String> taken = admin.postForm("/admin/agenturen/xn--wgv71a?lang=de", edit);
        assertThat(taken.statusCode()).isEqualTo(422);
        assertThat(taken.body()).contains("Eine Wirtschaftsförderung mit diesem Kurznamen gibt es schon.",
            "value=\"ΕΛΛΆΔΑ\"");
        assertThat(db.value("SELECT short_name FROM agency WHERE id = 'xn--wgv71a'")).isEqualTo("日本・東京");
        // the first short name makes the first agency's id: no new agency takes it (as with Latin short names)
        long now = db.count("agency");
        assertThat(admin.postForm("/admin/agenturen?lang=de", profile("Wirtschaftsförderung Nippon", "日本",
            "info@nippon.example.org", "2")).body())
            .contains("Eine Wirtschaftsförderung mit diesem Kurznamen gibt es schon.");
        assertThat(db.count("agency")).isEqualTo(now);
    }

    @Test
    void theAdminEditsNamesContactAndServiceLevelButNeverTheId() {
        Http admin = as("agency-admin", "admin@digitalcheck.example.org");
        assertThat(admin.get("/admin/agenturen/gibt-es-nicht").statusCode()).isEqualTo(404);
        // (a 404 answer to a signed-in form post once sent the server into an endless loop: bounded here)
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30), () -> {
            assertThat(admin.postForm("/admin/agenturen/gibt-es-nicht", profile("X", "X", "x@example.org", "2"))
                .statusCode()).isEqualTo(404);
            assertThat(admin.postForm("/check/" + "A".repeat(43) + "/step/strategy", Map.of("nav", "next")).statusCode())
                .isEqualTo(404);
        });
        HttpResponse<String> invalid = admin.postForm("/admin/agenturen/wf-herne", profile("W".repeat(201), "Herne",
            "info@herne.example.org", "21"));
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("höchstens 200 Zeichen", "ganze Zahl von 1 bis 20");
        assertThat(agencies.find("wf-herne").orElseThrow().name()).doesNotStartWith("WWW");

        Map<String, String> form = profile("Wirtschaftsförderung Herne", "WF Herne", "kontakt@herne.example.org", "5");
        form.put("version", Http.hidden(admin.get("/admin/agenturen/wf-herne").body(), "version"));
        HttpResponse<String> saved = admin.postForm("/admin/agenturen/wf-herne", form);
        assertThat(saved.statusCode()).isEqualTo(303);
        Agency herne = agencies.find("wf-herne").orElseThrow();
        assertThat(herne.shortName()).isEqualTo("WF Herne");
        assertThat(herne.firstContactDays()).isEqualTo(5);
        assertThat(herne.email()).isEqualTo("kontakt@herne.example.org");
        assertThat(saved.headers().firstValue("Location")).hasValue("/admin/agenturen/wf-herne");
        assertThat(admin.get("/admin/agenturen/wf-herne").body()).contains("Die Änderungen sind gespeichert.",
            "value=\"WF Herne\"", "value=\"5\"");
    }

    /**
     * A refused agency form (creating or editing) had its messages beside the fields only, nothing that the page script
     * focuses, and the title of an unanswered self-check ("Bitte beantworten Sie alle Fragen"). It has the linked error
     * summary of every other form now, in the form's order, each line naming its field, and a form's title.
     */
    @Test
    void aRefusedAgencyFormHasALinkedErrorSummary() {
        Http admin = as("agency-admin", "admin@digitalcheck.example.org");
        assertThat(admin.get("/admin/agenturen/neu").body()).doesNotContain("id=\"error-summary\"");
        String created = admin.postForm("/admin/agenturen?lang=de", profile("", "   ", "kaputt", "0")).body();
        assertThat(created).contains("<title>Bitte prüfen Sie Ihre Angaben – ", "id=\"error-summary\"", "tabindex=\"-1\"",
            "href=\"#agency-name\">Name: Bitte füllen Sie dieses Feld aus.</a>", "href=\"#agency-shortName\"",
            "href=\"#agency-email\"", "href=\"#agency-firstContactDays\"", "id=\"agency-firstContactDays\"")
            .doesNotContain("Bitte beantworten Sie alle Fragen");
        assertThat(created.indexOf("href=\"#agency-name\"")).isLessThan(created.indexOf("href=\"#agency-email\""));
        assertThat(created.indexOf("href=\"#agency-email\"")).isLessThan(created.indexOf("href=\"#agency-firstContactDays\""));
        String edited = admin.postForm("/admin/agenturen/wf-herne?lang=en", profile("Wirtschaftsförderung Herne", "WF Herne",
            "info@herne.example.org", "21")).body();
        assertThat(edited).contains("<title>Please check your details – ", "id=\"error-summary\"",
            "href=\"#agency-firstContactDays\">Service level: first contact within … working days: ")
            .doesNotContain("href=\"#agency-name\"");
        assertThat(admin.get("/admin/agenturen/wf-herne").body()).doesNotContain("id=\"error-summary\"");
    }

    /**
     * The staff's workspace: a refused contact form, coach invitation or logo had their messages beside the fields only
     * (no summary for the page script to focus, nothing linking to the field, no word in the title). Now each has the
     * linked summary of the other forms, in the form's order; a first load has none.
     */
    @Test
    void theStaffsRefusedFormsHaveALinkedErrorSummary() {
        Http staff = as("logo-en-staff", "staff@en-agentur.example.org");
        assertThat(staff.get("/agentur").body()).doesNotContain("id=\"error-summary\"", "Bitte prüfen Sie Ihre Angaben");
        Map<String, String> contact = new LinkedHashMap<>(Map.of("email", "kaputt", "phone", "", "website", "",
            "address", "", "leadEmail", "auch-kaputt", "version", Http.hidden(staff.get("/agentur").body(), "version")));
        HttpResponse<String> refused = staff.postForm("/agentur/profil?lang=de", contact);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("<title>Bitte prüfen Sie Ihre Angaben – ", "id=\"error-summary\"",
            "href=\"#agency-email\">E-Mail: ", "href=\"#agency-leadEmail\">", "id=\"agency-leadEmail\"");
        assertThat(refused.body().indexOf("href=\"#agency-email\"")).isLessThan(refused.body().indexOf("href=\"#agency-leadEmail\""));
        HttpResponse<String> invite = staff.postForm("/agentur/coaches?lang=en", Map.of("email", "coach@", "name", ""));
        assertThat(invite.statusCode()).isEqualTo(422);
        assertThat(invite.body()).contains("<title>Please check your details – ", "id=\"error-summary\"",
            "href=\"#coach-email\">Email", "href=\"#coach-name\">", "id=\"coach-name\"")
            .doesNotContain("href=\"#agency-email\"");
        assertThat(staff.get("/agentur?lang=de").body()).doesNotContain("id=\"error-summary\"");
    }

    /**
     * An edit form read before someone else changed the agency (another admin, or the agency's staff in their contact
     * form) once wrote every one of its fields back as it was read, silently undoing the other change. Now it saves
     * nothing and answers 409 with what is saved now beside what was typed; saving that page again replaces it
     * knowingly. A form without the version it was read with never replaces anything unseen.
     */
    @Test
    void anAdminsFormReadBeforeAnotherChangeOverwritesNothingUnseen() {
        Http admin = as("agency-admin", "admin@digitalcheck.example.org");
        Http other = as("agency-admin", "admin@digitalcheck.example.org"); // another tab, or another admin
        Http staff = as("logo-en-staff", "staff@en-agentur.example.org");
        Database db = new Database(dataSource);
        HttpResponse<String> created = admin.postForm("/admin/agenturen", profile("Wirtschaftsförderung Stale",
            "WF Stale", "info@stale.example.org", "2"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
        String page = admin.get("/admin/agenturen/wf-stale").body();
        assertThat(page).doesNotContain("stale-alert", "Inzwischen geändert"); // not on a first load
        String read = Http.hidden(page, "version");

        // another admin changes the phone number meanwhile
        Map<String, String> phone = profile("Wirtschaftsförderung Stale", "WF Stale", "info@stale.example.org", "2");
        phone.put("phone", "+49 2331 999999");
        phone.put("version", Http.hidden(other.get("/admin/agenturen/wf-stale").body(), "version"));
        assertThat(other.postForm("/admin/agenturen/wf-stale", phone).statusCode()).isEqualTo(303);

        // the first admin's form (with the phone number as read) renames the agency: refused, nothing written
        Map<String, String> rename = profile("Wirtschaftsförderung Stale Neu", "WF Stale", "info@stale.example.org", "2");
        rename.put("version", read);
        HttpResponse<String> stale = admin.postForm("/admin/agenturen/wf-stale", rename);
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("id=\"stale-alert\"", "Inzwischen geändert", "+49 2331 999999",
                "value=\"Wirtschaftsförderung Stale Neu\"", "value=\"+49 2331 000\"")
            .doesNotContain("Die Änderungen sind gespeichert.");
        assertThat(db.value("SELECT phone FROM agency WHERE id = 'wf-stale'")).isEqualTo("+49 2331 999999");
        assertThat(db.value("SELECT name FROM agency WHERE id = 'wf-stale'")).isEqualTo("Wirtschaftsförderung Stale");
        // the alert names only what differs from what was typed (the phone), not the fields that agree
        String alert = stale.body().substring(stale.body().indexOf("id=\"stale-alert\""));
        alert = alert.substring(0, alert.indexOf("</dl>"));
        assertThat(alert).contains("Telefon").doesNotContain("Kurzname", "info@stale.example.org");
        // in English too
        assertThat(admin.postForm("/admin/agenturen/wf-stale?lang=en", rename).body())
            .contains("Changed in the meantime", "Someone else changed these details");

        // a form without the version it was read with: the same
        Map<String, String> unversioned = new LinkedHashMap<>(rename);
        unversioned.remove("version");
        assertThat(admin.postForm("/admin/agenturen/wf-stale", unversioned).statusCode()).isEqualTo(409);
        assertThat(db.value("SELECT name FROM agency WHERE id = 'wf-stale'")).isEqualTo("Wirtschaftsförderung Stale");

        // saved again from the page that showed the change: replaced knowingly
        rename.put("version", Http.hidden(stale.body(), "version"));
        HttpResponse<String> again = admin.postForm("/admin/agenturen/wf-stale", rename);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(303);
        assertThat(db.value("SELECT name FROM agency WHERE id = 'wf-stale'")).isEqualTo("Wirtschaftsförderung Stale Neu");
        assertThat(db.value("SELECT phone FROM agency WHERE id = 'wf-stale'")).isEqualTo("+49 2331 000");

        // a refused form keeps the version it was read with: fixing its error does not make it overwrite unseen
        String before = Http.hidden(admin.get("/admin/agenturen/wf-stale").body(), "version");
        Map<String, String> invalid = profile("Wirtschaftsförderung Stale Neu", "WF Stale", "kaputt", "2");
        invalid.put("version", before);
        phone.put("name", "Wirtschaftsförderung Stale Neu");
        phone.put("version", Http.hidden(other.get("/admin/agenturen/wf-stale").body(), "version"));
        assertThat(other.postForm("/admin/agenturen/wf-stale", phone).statusCode()).isEqualTo(303);
        HttpResponse<String> refused = admin.postForm("/admin/agenturen/wf-stale", invalid);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(Http.hidden(refused.body(), "version")).isEqualTo(before);
        invalid.put("email", "info@stale.example.org");
        assertThat(admin.postForm("/admin/agenturen/wf-stale", invalid).statusCode()).isEqualTo(409);
        assertThat(db.value("SELECT phone FROM agency WHERE id = 'wf-stale'")).isEqualTo("+49 2331 999999");

        // the same values as saved now: nothing to refuse
        assertThat(admin.postForm("/admin/agenturen/wf-stale", phone).statusCode()).isEqualTo(303);

        // staff and admin: the staff's contact form read before the admin changed the contact
        String staffRead = Http.hidden(staff.get("/agentur").body(), "version");
        Agency en = agencies.find("en-agentur").orElseThrow();
        Map<String, String> adminEdit = profile(en.name(), en.shortName(), "zentrale@en-agentur.example.org",
            String.valueOf(en.firstContactDays()));
        adminEdit.put("version", Http.hidden(admin.get("/admin/agenturen/en-agentur").body(), "version"));
        assertThat(admin.postForm("/admin/agenturen/en-agentur", adminEdit).statusCode()).isEqualTo(303);
        Map<String, String> contact = new LinkedHashMap<>(Map.of("email", en.email(), "phone", "+49 2302 111",
            "website", "", "address", "", "leadEmail", "neu@en-agentur.example.org", "version", staffRead));
        HttpResponse<String> staffStale = staff.postForm("/agentur/profil", contact);
        assertThat(staffStale.statusCode()).isEqualTo(409);
        assertThat(staffStale.body()).contains("id=\"stale-alert\"", "zentrale@en-agentur.example.org",
            "value=\"+49 2302 111\"", "value=\"neu@en-agentur.example.org\"");
        assertThat(db.value("SELECT email FROM agency WHERE id = 'en-agentur'")).isEqualTo("zentrale@en-agentur.example.org");
        assertThat(db.value("SELECT lead_email FROM agency WHERE id = 'en-agentur'")).as("nothing of the form").isNull();
        contact.put("version", Http.hidden(staffStale.body(), "version"));
        assertThat(staff.postForm("/agentur/profil", contact).statusCode()).isEqualTo(303);
        assertThat(db.value("SELECT lead_email FROM agency WHERE id = 'en-agentur'")).isEqualTo("neu@en-agentur.example.org");
        assertThat(db.value("SELECT phone FROM agency WHERE id = 'en-agentur'")).isEqualTo("+49 2302 111");
    }

    @Test
    void aLogoAboveTheRequestLimitComesBackToTheFormWithTheFieldError() {
        Http admin = as("agency-admin", "admin@digitalcheck.example.org");
        String csrf = admin.csrfToken();
        byte[] big = new byte[300 * 1024];
        System.arraycopy(image("png"), 0, big, 0, 8);
        new java.util.Random(7).nextBytes(java.util.Arrays.copyOfRange(big, 8, big.length));
        boolean before = logos.hasLogo("wf-herne");
        String refused = rawMultipart("/admin/agenturen/wf-herne/logo", "JWT=" + admin.cookie("JWT").orElseThrow()
            + "; csrf=" + admin.cookie("csrf").orElseThrow(), csrf, big);
        assertThat(refused).startsWith("HTTP/1.1 413").contains("Die Datei ist zu groß: höchstens 200 KB.",
            "name=\"shortName\"").doesNotContain("Die Anfrage war zu groß");
        // the router takes the address with a trailing slash for the same route: so does the refusal
        assertThat(rawMultipart("/admin/agenturen/wf-herne/logo/", "JWT=" + admin.cookie("JWT").orElseThrow()
            + "; csrf=" + admin.cookie("csrf").orElseThrow(), csrf, big)).startsWith("HTTP/1.1 413")
            .contains("Die Datei ist zu groß: höchstens 200 KB.", "name=\"shortName\"");
        assertThat(logos.hasLogo("wf-herne")).isEqualTo(before);
        // the form's own first load shows no such error
        assertThat(admin.get("/admin/agenturen/wf-herne").body()).doesNotContain("Die Datei ist zu groß");
    }

    @Test
    void aStaffLogoAboveTheRequestLimitComesBackToTheStaffFormWithTheFieldError() {
        Http staff = as("logo-en-staff", "staff@en-agentur.example.org");
        String csrf = staff.csrfToken();
        byte[] big = new byte[300 * 1024];
        System.arraycopy(image("png"), 0, big, 0, 8);
        new java.util.Random(11).nextBytes(java.util.Arrays.copyOfRange(big, 8, big.length));
        boolean before = logos.hasLogo("en-agentur");
        String cookie = "JWT=" + staff.cookie("JWT").orElseThrow() + "; csrf=" + staff.cookie("csrf").orElseThrow();
        String refused = rawMultipart("/agentur/logo", cookie, csrf, big);
        assertThat(refused).startsWith("HTTP/1.1 413").contains("Die Datei ist zu groß: höchstens 200 KB.",
                "action=\"/agentur/logo\"", "name=\"leadEmail\"", "aria-invalid=\"true\"")
            .doesNotContain("Die Anfrage war zu groß", "name=\"shortName\""); // the staff form, not the admin's
        assertThat(rawMultipart("/agentur/logo?lang=en", cookie, csrf, big))
            .startsWith("HTTP/1.1 413").contains("The file is too large: at most 200 KB.");
        assertThat(rawMultipart("/agentur/logo/", cookie, csrf, big)).startsWith("HTTP/1.1 413")
            .contains("Die Datei ist zu groß: höchstens 200 KB.", "action=\"/agentur/logo\"");
        assertThat(logos.hasLogo("en-agentur")).isEqualTo(before);
        // the form's own first load shows no such error
        assertThat(staff.get("/agentur").body()).doesNotContain("Die Datei ist zu groß");
    }

    /**
     * A multipart upload over a plain socket, the body written by another thread: the server answers an oversized
     * body before reading it all, which Java's HTTP client only notices at its idle timeout.
     */
    private String rawMultipart(String path, String cookie, String csrf, byte[] file) {
        String boundary = "----too-large";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n--"
            + boundary + "\r\nContent-Disposition: form-data; name=\"logo\"; filename=\"gross.png\"\r\nContent-Type: "
            + "image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        try (java.net.Socket socket = new java.net.Socket("localhost", server.getPort())) {
            socket.setSoTimeout(30_000);
            byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nCookie: " + cookie + "\r\nContent-Type: "
                + "multipart/form-data; boundary=" + boundary + "\r\nContent-Length: " + body.size()
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
            Thread writer = new Thread(() -> {
                try {
                    socket.getOutputStream().write(head);
                    socket.getOutputStream().write(body.toByteArray());
                    socket.getOutputStream().flush();
                } catch (IOException ignored) {
                    // the server may close before it has read everything
                }
            });
            writer.setDaemon(true);
            writer.start();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            try {
                socket.getInputStream().transferTo(answer);
            } catch (java.net.SocketException | java.net.SocketTimeoutException e) {
                // a reset after the answer: what was read counts
            }
            return answer.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void logosArePngOrJpegCheckedByContentAndServedPublicly() {
        Http admin = as("agency-admin", "admin@digitalcheck.example.org");
        String csrf = admin.csrfToken();
        byte[] png = image("png");
        // an SVG (script-capable) named .png, an HTML page, a GIF and an empty choice are refused
        for (Map.Entry<byte[], String> bad : Map.of(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8), "PNG- oder JPEG-Bild",
            image("gif"), "PNG- oder JPEG-Bild",
            new byte[0], "Bitte wählen Sie eine Bilddatei aus.",
            new byte[201 * 1024], "höchstens 200 KB",
            // a PNG cut off in its image data, and one wider than a logo may be: the signature alone let them through
            java.util.Arrays.copyOf(png, png.length - 12), "lässt sich nicht als Bild lesen",
            image("png", 2001, 4), "größer als 2000 × 2000 Pixel",
            java.util.Arrays.copyOf(image("jpeg"), 200), "lässt sich nicht als Bild lesen").entrySet()) {
            HttpResponse<String> refused = admin.postMultipart("/admin/agenturen/weg-bochum/logo", Map.of("_csrf", csrf),
                "logo", "logo.png", "image/png", bad.getKey());
            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(refused.body()).contains(bad.getValue(), "aria-invalid=\"true\"");
        }
        assertThat(logos.hasLogo("weg-bochum")).isFalse();
        // without the form's token the upload is refused
        assertThat(admin.postMultipart("/admin/agenturen/weg-bochum/logo", Map.of(), "logo", "logo.png", "image/png", png)
            .statusCode()).isEqualTo(403);
        assertThat(logos.hasLogo("weg-bochum")).isFalse();

        HttpResponse<String> uploaded = admin.postMultipart("/admin/agenturen/weg-bochum/logo", Map.of("_csrf", csrf),
            "logo", "bochum.jpg", "image/jpeg", png);
        assertThat(uploaded.statusCode()).isEqualTo(303);
        // "saved" once, on the page the post leads to (a Flash note: "?logo" in the address said so for any link)
        assertThat(uploaded.headers().firstValue("Location")).hasValue("/admin/agenturen/weg-bochum#logo-saved");
        assertThat(admin.get("/admin/agenturen/weg-bochum").body()).contains("id=\"logo-saved\"");
        assertThat(admin.get("/admin/agenturen/weg-bochum").body()).as("a reload").doesNotContain("id=\"logo-saved\"");
        assertThat(admin.get("/admin/agenturen/weg-bochum?logo").body()).as("the old address")
            .doesNotContain("id=\"logo-saved\"", "Die Änderungen sind gespeichert.");
        HttpResponse<byte[]> served = new Http(server, json).getBytes("/agenturen/weg-bochum/logo");
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(served.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(served.body()).isEqualTo(png);
        assertThat(admin.get("/admin/agenturen/weg-bochum").body()).contains("src=\"/agenturen/weg-bochum/logo\"",
            "alt=\"Logo: ", "Logo entfernen");

        byte[] jpeg = image("jpg");
        admin.postMultipart("/admin/agenturen/weg-bochum/logo", Map.of("_csrf", csrf), "logo", "b.jpg", "image/jpeg", jpeg);
        assertThat(new Http(server, json).getBytes("/agenturen/weg-bochum/logo").headers().firstValue("Content-Type"))
            .hasValue("image/jpeg");
        HttpResponse<String> removed = admin.postForm("/admin/agenturen/weg-bochum/logo/entfernen", Map.of());
        assertThat(removed.statusCode()).isEqualTo(303);
        assertThat(removed.headers().firstValue("Location")).hasValue("/admin/agenturen/weg-bochum#logo-saved");
        assertThat(admin.get("/admin/agenturen/weg-bochum").body()).contains("id=\"logo-saved\"");
        assertThat(admin.get("/admin/agenturen/weg-bochum").body()).doesNotContain("id=\"logo-saved\"");
        assertThat(new Http(server, json).getBytes("/agenturen/weg-bochum/logo").statusCode()).isEqualTo(404);
    }

    /**
     * A logo is served to every visitor: what a camera or an editor wrote beside its image (a person's name, the GPS
     * position, the camera, a thumbnail) is not stored, whoever uploads it; its pixels are as uploaded.
     */
    @Test
    void aLogosMetadataIsNeitherStoredNorServed() {
        Http admin = as("agency-admin", "admin@digitalcheck.example.org");
        Http staff = as("logo-en-staff", "staff@en-agentur.example.org");
        try {
            for (byte[] tagged : List.of(TaggedImages.jpeg(), TaggedImages.png())) {
                assertThat(admin.postMultipart("/admin/agenturen/wf-herne/logo", Map.of("_csrf", admin.csrfToken()),
                    "logo", "logo", "image/jpeg", tagged).statusCode()).isEqualTo(303);
                assertThat(staff.postMultipart("/agentur/logo", Map.of("_csrf", staff.csrfToken()),
                    "logo", "logo", "image/png", tagged).statusCode()).isEqualTo(303);
                for (String agency : List.of("wf-herne", "en-agentur")) {
                    byte[] served = new Http(server, json).getBytes("/agenturen/" + agency + "/logo").body();
                    assertThat(logos.logo(agency).orElseThrow().content()).as("stored as served").isEqualTo(served);
                    for (String text : List.of(TaggedImages.PERSON, TaggedImages.PLACE, TaggedImages.CAMERA, "Exif",
                        "tEXt", "iTXt")) {
                        assertThat(TaggedImages.contains(served, text)).as(agency + ": " + text).isFalse();
                    }
                    assertThat(TaggedImages.pixels(served)).isEqualTo(TaggedImages.pixels(tagged));
                }
            }
        } finally {
            logos.removeLogo("wf-herne");
            logos.removeLogo("en-agentur");
        }
    }

    /**
     * A multipart post whose {@code logo} part is a plain form field, not a file (a script, a hand-made form): the form
     * again with the logo's field error in the person's language, nothing changed — not the generic "bad request"
     * page. The same on the admin's agency page.
     */
    @Test
    void aLogoSentAsAPlainFieldComesBackToTheFormWithTheFieldError() {
        Http staff = as("logo-en-staff", "staff@en-agentur.example.org");
        Http admin = as("agency-admin", "admin@digitalcheck.example.org");
        byte[] png = image("png");
        assertThat(staff.postMultipart("/agentur/logo", Map.of("_csrf", staff.csrfToken()), "logo", "logo.png",
            "image/png", png).statusCode()).isEqualTo(303);
        try {
            for (String value : List.of("not a file", "")) {
                // ?lang= as the language switch sets it (the English post below keeps English for the session)
                HttpResponse<String> german = staff.postMultipart("/agentur/logo?lang=de",
                    Map.of("_csrf", staff.csrfToken(), "logo", value), null, null, null, null);
                assertThat(german.statusCode()).as(value).isEqualTo(422);
                assertThat(german.body()).as(value).contains("Bitte wählen Sie eine Bilddatei aus.",
                        "action=\"/agentur/logo\"", "name=\"leadEmail\"", "aria-invalid=\"true\"")
                    .doesNotContain("Die Anfrage", "name=\"shortName\"");
                HttpResponse<String> english = staff.postMultipart("/agentur/logo?lang=en",
                    Map.of("_csrf", staff.csrfToken(), "logo", value), null, null, null, null);
                assertThat(english.statusCode()).as(value).isEqualTo(422);
                assertThat(english.body()).as(value).contains("Please choose an image file.");
                assertThat(logos.logo("en-agentur").orElseThrow().content()).as("unchanged").isEqualTo(png);

                HttpResponse<String> refused = admin.postMultipart("/admin/agenturen/wf-herne/logo",
                    Map.of("_csrf", admin.csrfToken(), "logo", value), null, null, null, null);
                assertThat(refused.statusCode()).as(value).isEqualTo(422);
                assertThat(refused.body()).as(value).contains("Bitte wählen Sie eine Bilddatei aus.",
                    "name=\"shortName\"");
            }
            assertThat(logos.logo("en-agentur").orElseThrow().content()).isEqualTo(png);
        } finally {
            logos.removeLogo("en-agentur");
        }
    }

    @Test
    void staffChangeTheLogoOfTheirOwnAgencyOnly() {
        Http staff = as("logo-do-staff", "staff@dortmund.example.org");
        byte[] png = image("png");
        HttpResponse<String> uploaded = staff.postMultipart("/agentur/logo", Map.of("_csrf", staff.csrfToken()),
            "logo", "dortmund.png", "image/png", png);
        assertThat(uploaded.statusCode()).isEqualTo(303);
        assertThat(logos.logo("wf-dortmund").orElseThrow().content()).isEqualTo(png);
        // "saved" once, on the page the post leads to (a Flash note: "?logo" in the address said so for any link)
        assertThat(uploaded.headers().firstValue("Location")).hasValue("/agentur#logo-saved");
        assertThat(staff.get("/agentur").body()).contains("src=\"/agenturen/wf-dortmund/logo\"", "id=\"logo-saved\"");
        assertThat(staff.get("/agentur").body()).as("a reload").doesNotContain("id=\"logo-saved\"");
        assertThat(staff.get("/agentur?logo").body()).as("the old address")
            .doesNotContain("id=\"logo-saved\"", "Die Änderungen sind gespeichert.");
        // the admin's pages of other agencies are not theirs
        assertThat(staff.postMultipart("/admin/agenturen/en-agentur/logo", Map.of("_csrf", staff.csrfToken()),
            "logo", "x.png", "image/png", png).statusCode()).isEqualTo(403);
        assertThat(logos.hasLogo("en-agentur")).isFalse();
        HttpResponse<String> removed = staff.postForm("/agentur/logo/entfernen", Map.of());
        assertThat(removed.statusCode()).isEqualTo(303);
        assertThat(logos.hasLogo("wf-dortmund")).isFalse();
        assertThat(removed.headers().firstValue("Location")).hasValue("/agentur#logo-saved");
        assertThat(staff.get("/agentur").body()).contains("id=\"logo-saved\"");
        assertThat(staff.get("/agentur").body()).doesNotContain("id=\"logo-saved\"");
    }
}
