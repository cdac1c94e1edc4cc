package de.digitalcheck.portal.booking;

import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.routing.AgencyAdministration;
import de.digitalcheck.portal.shared.security.Role;
import de.digitalcheck.portal.support.BookableAgency;
import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.SignedInTests;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An agency's staff share its appointment types: a save of a type's form read before someone else's save of that type
 * undid it unseen (the last save won: a type one of them had switched off was bookable again once the other saved a
 * new name from a page opened earlier). It answers 409 now, stores nothing, shows what is saved now and keeps what was
 * typed; saving that page again replaces it knowingly. A form without a version the portal gave out is 400 alike.
 */
@MicronautTest(transactional = false)
class AppointmentTypeStaleFormIntegrationTest extends SignedInTests {

    @Inject
    AgencyAdministration agencies;
    @Inject
    Accounts accounts;
    @Inject
    Calendars calendars;
    @Inject
    Coaches coachProfiles;

    BookableAgency a;
    Http first;
    Http second;
    String url;

    @BeforeAll
    void people() {
        a = BookableAgency.create(agencies, accounts, calendars, coachProfiles, 2);
        accounts.addUnlessPresent(List.of(
            new Accounts.NewAccount("staff1@" + a.agencyId() + ".example.org", "Erika Erste", Role.AGENCY_STAFF, a.agencyId()),
            new Accounts.NewAccount("staff2@" + a.agencyId() + ".example.org", "Zora Zweite", Role.AGENCY_STAFF, a.agencyId())));
        first = as("stale-type-1-" + a.agencyId(), "staff1@" + a.agencyId() + ".example.org");
        second = as("stale-type-2-" + a.agencyId(), "staff2@" + a.agencyId() + ".example.org");
        url = "/agentur/terminarten/" + a.typeId();
    }

    AppointmentType type() {
        return calendars.typesOf(a.agencyId()).stream().filter(t -> t.id().equals(a.typeId())).findFirst().orElseThrow();
    }

    /** The type's form as its edit page holds it now, read by {@code staff} (what a browser posts unchanged). */
    Map<String, Object> form(Http staff) {
        String page = staff.get(url).body();
        AppointmentType t = type();
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("nameDe", t.nameDe());
        form.put("nameEn", t.nameEn());
        form.put("durationMinutes", String.valueOf(t.durationMinutes()));
        form.put("mode", t.mode().name());
        form.put("travelBufferMinutes", String.valueOf(t.travelBufferMinutes()));
        form.put("coachIds", t.coachIds());
        if (t.active()) {
            form.put("active", "on");
        }
        form.put("version", Http.hidden(page, url, "version"));
        return form;
    }

    @Test
    void aSaveOnTopOfAnothersChangeIsRefusedWithBothShownUntilSavedAgain() {
        Map<String, Object> old = form(first);
        assertThat((String) old.get("version")).as("the form carries its version").hasSize(22);

        // the colleague switches the type off and takes the second coach off it meanwhile
        Map<String, Object> change = form(second);
        change.remove("active");
        change.put("coachIds", List.of(a.coachIds().get(0)));
        assertThat(second.postForm(url, change).statusCode()).isEqualTo(303);

        // the first saves a new name from the page opened before
        old.put("nameDe", "Erstgespräch am Telefon");
        HttpResponse<String> refused = first.postForm(url, old);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("<title>Inzwischen geändert – Terminart bearbeiten – ", "id=\"stale-alert\"",
                "Jemand anderes hat diese Angaben geändert", "Buchung", "nicht buchbar", "Angeboten von",
                "value=\"Erstgespräch am Telefon\"")
            .doesNotContain("error-summary");
        assertThat(type().nameDe()).isEqualTo("Erstgespräch");
        assertThat(type().active()).as("the colleague's change stays").isFalse();
        assertThat(type().coachIds()).containsExactly(a.coachIds().get(0));

        // the refused page carries what is saved now: saving it again replaces it knowingly
        String again = Http.hidden(refused.body(), url, "version");
        assertThat(again).isNotEqualTo(old.get("version")).isEqualTo(Http.hidden(second.get(url).body(), url, "version"));
        old.put("version", again);
        assertThat(first.postForm(url, old).statusCode()).isEqualTo(303);
        assertThat(type().nameDe()).isEqualTo("Erstgespräch am Telefon");
        assertThat(type().active()).isTrue();

        // an old form that asks for exactly what is saved now: nothing to refuse
        Map<String, Object> same = form(first);
        Map<String, Object> travel = form(second);
        travel.put("travelBufferMinutes", "15");
        assertThat(second.postForm(url, travel).statusCode()).isEqualTo(303);
        same.put("travelBufferMinutes", "15");
        assertThat(first.postForm(url, same).statusCode()).isEqualTo(303);

        // in English
        Map<String, Object> stale = form(first);
        Map<String, Object> duration = form(second);
        duration.put("durationMinutes", "45");
        assertThat(second.postForm(url, duration).statusCode()).isEqualTo(303);
        stale.put("nameEn", "Phone call");
        HttpResponse<String> english = first.postForm(url + "?lang=en", stale);
        assertThat(english.statusCode()).isEqualTo(409);
        assertThat(english.body()).contains("Changed in the meantime", "Duration (minutes)", "45")
            .doesNotContain("Inzwischen geändert");
        first.get("/agentur/terminarten?lang=de");
        assertThat(type().nameEn()).isEqualTo("First talk");
        assertThat(type().durationMinutes()).isEqualTo(45);
    }

    /**
     * A change of a type without its version, or with one the portal never gave out, would be saved unchecked over
     * whatever anyone saved since: 400 saying so, nothing stored, what is saved now where it differs shown and the
     * input kept under the version of what is saved now. Another agency's type is still not found; a new type has no
     * version to carry.
     */
    @Test
    void aChangeWithoutAWellFormedVersionIsRefusedWith400AndNothingStored() {
        Map<String, Object> form = form(first);
        AppointmentType before = type();
        String saved = Http.hidden(first.get(url).body(), url, "version");
        form.put("nameDe", "Ohne Version");
        for (String version : new String[] {null, "", "kaputt", "x".repeat(23), "<script>alert(1)</script>"}) {
            Map<String, Object> posted = new LinkedHashMap<>(form);
            if (version == null) {
                posted.remove("version");
            } else {
                posted.put("version", version);
            }
            HttpResponse<String> refused = first.postForm(url, posted);
            assertThat(refused.statusCode()).as("version " + version).isEqualTo(400);
            assertThat(refused.body()).as("version " + version).contains("<title>Nicht gespeichert – Terminart bearbeiten",
                    "id=\"type-unversioned\"", "(das verborgene Feld „version“)", "Name (deutsch)", before.nameDe(),
                    "value=\"Ohne Version\"")
                .doesNotContain("error-summary", "<script>alert(1)");
            assertThat(Http.hidden(refused.body(), url, "version")).as("what is saved now").isEqualTo(saved);
            assertThat(type()).as("nothing stored").isEqualTo(before);
        }
        Map<String, Object> english = new LinkedHashMap<>(form);
        english.remove("version");
        assertThat(first.postForm(url + "?lang=en", english).body()).contains("Not saved", "(the hidden field “version”)");
        first.get("/agentur/terminarten?lang=de");

        String dortmund = calendars.typesOf("wf-dortmund").get(0).id();
        assertThat(first.postForm("/agentur/terminarten/" + dortmund, english).statusCode())
            .as("another agency's type").isEqualTo(404);
        assertThat(calendars.typesOf("wf-dortmund").get(0).nameDe()).isNotEqualTo("Ohne Version");

        Map<String, Object> added = new LinkedHashMap<>(english);
        added.put("nameDe", "Neue Art ohne Version");
        added.put("nameEn", "New kind without a version");
        assertThat(first.postForm("/agentur/terminarten/neu", added).statusCode()).isEqualTo(303);
        assertThat(first.get("/agentur/terminarten/neu").body()).doesNotContain("name=\"version\"");
    }
}
