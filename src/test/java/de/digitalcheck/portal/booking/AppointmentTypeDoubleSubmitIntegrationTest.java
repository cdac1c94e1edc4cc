package de.digitalcheck.portal.booking;

import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.routing.AgencyAdministration;
import de.digitalcheck.portal.shared.security.Role;
import de.digitalcheck.portal.support.AtOnce;
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
 * The new appointment type's form sent twice — a double click, a post repeated after its answer was lost —
 * added two types of the same name, which companies then both saw. The form now carries a key of its own that becomes
 * the type's id: sent again it adds nothing; sent again with something else typed it is {@code 409}, nothing stored, and
 * the page edits the type it added. Each new form adds its own type.
 */
@MicronautTest(transactional = false)
class AppointmentTypeDoubleSubmitIntegrationTest extends SignedInTests {

    static final String NEW = "/agentur/terminarten/neu";

    @Inject
    AgencyAdministration agencies;
    @Inject
    Accounts accounts;
    @Inject
    Calendars calendars;
    @Inject
    Coaches coachProfiles;

    BookableAgency a;
    Http staff;

    @BeforeAll
    void people() {
        a = BookableAgency.create(agencies, accounts, calendars, coachProfiles, 1);
        accounts.addUnlessPresent(List.of(new Accounts.NewAccount("staff@" + a.agencyId() + ".example.org",
            "Erika Erste", Role.AGENCY_STAFF, a.agencyId())));
        staff = as("double-type-" + a.agencyId(), "staff@" + a.agencyId() + ".example.org");
    }

    /**
     * The new type's form as its page gives it, with the name {@code nameDe} (and an English name made from it: two
     * bookable types of one agency never share one, AppointmentTypeNamesIntegrationTest).
     */
    Map<String, Object> newForm(String nameDe) {
        String page = staff.get(NEW).body();
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("key", Http.hidden(page, NEW, "key"));
        form.put("nameDe", nameDe);
        form.put("nameEn", "Talk: " + nameDe);
        form.put("durationMinutes", "45");
        form.put("mode", "PHONE");
        form.put("travelBufferMinutes", "0");
        form.put("coachIds", List.of(a.coachIds().get(0)));
        form.put("active", "on");
        return form;
    }

    List<AppointmentType> named(String nameDe) {
        return calendars.typesOf(a.agencyId()).stream().filter(t -> t.nameDe().equals(nameDe)).toList();
    }

    @Test
    void theFormSentTwiceAddsOneTypeAndEachNewFormItsOwn() {
        Map<String, Object> form = newForm("Telefonat");
        assertThat((String) form.get("key")).matches("[0-9a-f-]{36}");
        assertThat(staff.postForm(NEW, form).statusCode()).isEqualTo(303);
        assertThat(staff.postForm(NEW, form).statusCode()).isEqualTo(303);
        assertThat(named("Telefonat")).hasSize(1).first().satisfies(t -> assertThat(t.id()).isEqualTo(form.get("key")));

        Map<String, Object> another = newForm("Telefonat");
        assertThat(another.get("key")).isNotEqualTo(form.get("key"));
        // a new form is a new type, so of the same name it is refused as another type's name
        assertThat(staff.postForm(NEW, another).statusCode()).isEqualTo(422);
        assertThat(named("Telefonat")).hasSize(1);
        another.put("nameDe", "Telefonat (lang)");
        another.put("nameEn", "Long phone call");
        assertThat(staff.postForm(NEW, another).statusCode()).isEqualTo(303);
        assertThat(named("Telefonat (lang)")).hasSize(1).first()
            .satisfies(t -> assertThat(t.id()).isEqualTo(another.get("key")));
    }

    @Test
    void theFormSentAtTheSameMomentAddsOneType() throws Exception {
        Map<String, Object> form = newForm("Gleichzeitig");
        List<HttpResponse<String>> answers = AtOnce.times(4, () -> staff.postForm(NEW, form));
        assertThat(answers).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(303));
        assertThat(named("Gleichzeitig")).hasSize(1);
    }

    /**
     * Two new forms of one name sent at the same moment, and an edit that renames another type to it: each checked the
     * names before the other had stored its type, and the agency ended up with bookable types of one name. Their saves
     * now take turns (the agency's row locked first): one gets in, the others get the field errors a later save gets.
     */
    @Test
    void twoFormsOfOneNameAtTheSameMomentAddOneTypeAndTheOthersGetTheNamesErrors() throws Exception {
        for (int round = 0; round < 6; round++) {
            String name = "Zugleich " + round;
            Map<String, Object> first = newForm(name);
            Map<String, Object> second = newForm(name);
            Map<String, Object> rename = newForm("Umbenannt " + round);
            assertThat(staff.postForm(NEW, rename).statusCode()).isEqualTo(303);
            String edit = "/agentur/terminarten/" + rename.get("key");
            Map<String, Object> renamed = new LinkedHashMap<>(rename);
            renamed.remove("key");
            renamed.put("version", Http.hidden(staff.get(edit).body(), edit, "version"));
            renamed.put("nameDe", name);
            renamed.put("nameEn", "Talk: " + name);

            List<HttpResponse<String>> answers = AtOnce.all(List.of(() -> staff.postForm(NEW + "?lang=de", first),
                () -> staff.postForm(NEW + "?lang=de", second), () -> staff.postForm(edit + "?lang=de", renamed)));
            assertThat(answers).as("round " + round).filteredOn(r -> r.statusCode() == 303).hasSize(1);
            assertThat(answers).as("round " + round).filteredOn(r -> r.statusCode() != 303).hasSize(2)
                .allSatisfy(r -> {
                    assertThat(r.statusCode()).isEqualTo(422);
                    assertThat(r.body()).contains("id=\"type-nameDe-error\"", "id=\"type-nameEn-error\"",
                        "Eine buchbare Terminart mit diesem deutschen Namen gibt es schon",
                        "Eine buchbare Terminart mit diesem englischen Namen gibt es schon");
                });
            assertThat(named(name)).as("round " + round).hasSize(1);
            assertThat(calendars.typesOf(a.agencyId()).stream().filter(t -> t.nameEn().equals("Talk: " + name)))
                .hasSize(1);
        }
    }

    @Test
    void theFormSentAgainWithSomethingElseIs409AndEditsTheTypeItAdded() {
        Map<String, Object> form = newForm("Beratung");
        assertThat(staff.postForm(NEW, form).statusCode()).isEqualTo(303);
        form.put("durationMinutes", "90");
        HttpResponse<String> refused = staff.postForm(NEW, form);
        assertThat(refused.statusCode()).isEqualTo(409);
        String edit = "/agentur/terminarten/" + form.get("key");
        assertThat(refused.body()).contains("<title>Schon angelegt – Terminart bearbeiten – ", "id=\"type-added\"",
                "Mit diesem Formular wurde die Terminart bereits angelegt", "action=\"" + edit + "\"", "value=\"90\"")
            .doesNotContain("name=\"key\"", "error-summary");
        assertThat(named("Beratung")).hasSize(1).first().satisfies(t -> assertThat(t.durationMinutes()).isEqualTo(45));

        // saving the page it answered changes the added type
        Map<String, Object> again = new LinkedHashMap<>(form);
        again.remove("key");
        again.put("version", Http.hidden(refused.body(), edit, "version"));
        assertThat(staff.postForm(edit, again).statusCode()).isEqualTo(303);
        assertThat(named("Beratung")).hasSize(1).first().satisfies(t -> assertThat(t.durationMinutes()).isEqualTo(90));
    }

    @Test
    void aKeyThatIsAnotherAgencysTypeOrNoUuidGetsTheTypeAnIdOfItsOwn() {
        BookableAgency other = BookableAgency.create(agencies, accounts, calendars, coachProfiles, 1);
        Map<String, Object> form = newForm("Fremder Schlüssel");
        form.put("key", other.typeId());
        assertThat(staff.postForm(NEW, form).statusCode()).isEqualTo(303);
        assertThat(named("Fremder Schlüssel")).hasSize(1).first()
            .satisfies(t -> assertThat(t.id()).isNotEqualTo(other.typeId()));
        assertThat(calendars.typesOf(other.agencyId())).extracting(AppointmentType::nameDe).doesNotContain("Fremder Schlüssel");

        Map<String, Object> noUuid = newForm("Ohne Schlüssel");
        noUuid.put("key", "'; DROP TABLE appointment_type; --");
        assertThat(staff.postForm(NEW, noUuid).statusCode()).isEqualTo(303);
        noUuid.remove("key");
        noUuid.remove("active"); // switched off: a second one of the same name may be added
        assertThat(staff.postForm(NEW, noUuid).statusCode()).isEqualTo(303);
        assertThat(named("Ohne Schlüssel")).hasSize(2).allSatisfy(t -> assertThat(t.id()).matches("[0-9a-f-]{36}"));
    }

    @Test
    void theFirstLoadHasNoAlert() {
        String page = staff.get(NEW).body();
        assertThat(page).contains("<title>Neue Terminart – ", "name=\"key\"")
            .doesNotContain("type-added", "type-unversioned", "stale-alert", "Schon angelegt");
    }
}
