package de.digitalcheck.portal.demo;

import de.digitalcheck.portal.accounts.Account;
import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.booking.AppointmentType;
import de.digitalcheck.portal.booking.CalendarSettings;
import de.digitalcheck.portal.booking.Calendars;
import de.digitalcheck.portal.booking.Coaches;
import de.digitalcheck.portal.routing.AgencyAdministration;
import de.digitalcheck.portal.shared.security.Role;
import de.digitalcheck.portal.support.BookableAgency;
import de.digitalcheck.portal.support.Http;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC §11: every demo agency has two or three coaches with a profile and hours, and appointment types a company can
 * book in the coming weeks; loading the demo data again adds nothing.
 */
@MicronautTest(transactional = false)
class DemoDataIntegrationTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    DemoData demoData;
    @Inject
    Accounts accounts;
    @Inject
    Calendars calendars;
    @Inject
    de.digitalcheck.portal.booking.Coaches coachProfiles;
    @Inject
    Coaches coaches;
    @Inject
    AgencyAdministration agencies;
    @Inject
    de.digitalcheck.portal.routing.Agencies directory;

    /** Each demo agency has a number of its own town (all had Dortmund's, Bochum's page showed a Dortmund number). */
    @Test
    void everyDemoAgencyHasAPhoneNumberOfItsOwn() {
        List<String> phones = DemoData.AGENCIES.stream()
            .map(a -> directory.find(a.id()).orElseThrow().phone()).toList();
        assertThat(phones).doesNotHaveDuplicates().allSatisfy(p -> assertThat(p).startsWith("+49 "));
        assertThat(directory.find("weg-bochum").orElseThrow().phone()).startsWith("+49 234 ");
        assertThat(directory.find("wf-dortmund").orElseThrow().phone()).startsWith("+49 231 ");
    }

    @Test
    void everyDemoAgencyHasTwoOrThreeCoachesWithFreeSlotsInTheNextTwoWeeks() {
        Http company = new Http(server, json);
        LocalDate from = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(1);
        for (DemoData.DemoAgency agency : DemoData.AGENCIES) {
            List<Account> ofAgency = accounts.ofAgency(agency.id(), Role.COACH);
            assertThat(ofAgency).as(agency.id()).hasSizeBetween(2, 3)
                .allSatisfy(a -> assertThat(a.email()).endsWith(".example.org"));
            List<Object> types = company.list(company.get("/api/v1/appointment-types?agency=" + agency.id()));
            assertThat(types).as(agency.id()).isNotEmpty();
            Set<Object> coachesWithSlots = new HashSet<>();
            for (Object type : types) {
                Map<String, Object> slots = company.map(company.get("/api/v1/slots?agency=" + agency.id() + "&type="
                    + ((Map<?, ?>) type).get("id") + "&from=" + from + "&to=" + from.plusDays(13)));
                List<?> free = (List<?>) slots.get("slots");
                assertThat(free).as(agency.id() + " " + type).isNotEmpty();
                free.forEach(s -> coachesWithSlots.add(((Map<?, ?>) s).get("coachId")));
            }
            assertThat(coachesWithSlots).as(agency.id()).hasSameSizeAs(ofAgency);
        }
        for (DemoData.DemoCoach demo : DemoData.COACHES) {
            Account account = accounts.byEmail(demo.email()).orElseThrow();
            assertThat(account.name()).isEqualTo(demo.name());
            assertThat(coaches.profile(account.id()).orElseThrow().expertise()).isNotEmpty();
            assertThat(calendars.settings(account.id())).isNotEqualTo(CalendarSettings.NEW);
        }
        // the README's demo coaches keep their names and have a profile with modes (else nobody could book them)
        assertThat(accounts.byEmail("coach@en-agentur.example.org").orElseThrow().name()).isEqualTo("Carla Coach");
        assertThat(accounts.byEmail("coach@dortmund.example.org").orElseThrow().name()).isEqualTo("Dominik Coach");
        for (String email : DemoData.README_COACHES.keySet()) {
            assertThat(coaches.profile(accounts.byEmail(email).orElseThrow().id()).orElseThrow().modes()).as(email)
                .isNotEmpty();
        }
    }

    /**
     * Every demo type is offered only by coaches who meet companies in its mode, and by at least one (its slots are
     * above): the visit at the company has a visiting coach in every agency, and no coach is listed for a mode they do
     * not offer.
     */
    @Test
    void everyDemoTypeIsOfferedByCoachesOfItsModeOnly() {
        for (DemoData.DemoAgency agency : DemoData.AGENCIES) {
            List<AppointmentType> types = calendars.typesOf(agency.id());
            assertThat(types).as(agency.id()).extracting(AppointmentType::mode)
                .contains(de.digitalcheck.portal.booking.MeetingMode.VIDEO, de.digitalcheck.portal.booking.MeetingMode.ON_SITE);
            for (AppointmentType type : types) {
                assertThat(type.coachIds()).as(agency.id() + " " + type.nameDe()).isNotEmpty()
                    .allSatisfy(c -> assertThat(coaches.profile(c).orElseThrow().modes()).contains(type.mode()));
            }
        }
    }

    @Test
    void loadingAgainAddsNothing() {
        Map<String, List<String>> before = snapshot();
        demoData.onStartup(null);
        assertThat(snapshot()).isEqualTo(before);
    }

    /** Per agency: its coaches' emails and its types with the coaches offering them. */
    private Map<String, List<String>> snapshot() {
        Map<String, List<String>> state = new java.util.TreeMap<>();
        for (DemoData.DemoAgency agency : DemoData.AGENCIES) {
            List<String> rows = new java.util.ArrayList<>();
            accounts.ofAgency(agency.id(), Role.COACH).forEach(a -> rows.add(a.email()));
            for (AppointmentType t : calendars.typesOf(agency.id())) {
                rows.add(t.id() + " " + t.nameDe() + " " + t.coachIds().stream().sorted().toList());
            }
            state.put(agency.id(), rows);
        }
        return state;
    }

    @Test
    void aDemoCoachAddedToAnAgencyWithTypesJoinsThemOnce() {
        // an embedded database from before the demo coaches: the agency has types, the coach is new
        BookableAgency agency = BookableAgency.create(agencies, accounts, calendars, coachProfiles, 1);
        accounts.addUnlessPresent(List.of(new Accounts.NewAccount("late@" + agency.agencyId() + ".example.org",
            "Late Coach", Role.COACH, agency.agencyId()), new Accounts.NewAccount("phone@" + agency.agencyId()
            + ".example.org", "Phone Coach", Role.COACH, agency.agencyId())));
        String late = accounts.byEmail("late@" + agency.agencyId() + ".example.org").orElseThrow().id();
        String phone = accounts.byEmail("phone@" + agency.agencyId() + ".example.org").orElseThrow().id();
        coaches.update(late, "Late Coach", "", List.of("VIDEO"), List.of());
        coaches.update(phone, "Phone Coach", "", List.of("PHONE"), List.of());

        assertThat(calendars.addDemoUnlessPresent(List.of(agency.agencyId()), List.of(late, phone))).isZero();
        assertThat(calendars.addDemoUnlessPresent(List.of(agency.agencyId()), List.of(late, phone))).isZero();

        // the agency's type is a video talk: the coach who only phones does not join it
        assertThat(calendars.typesOf(agency.agencyId())).singleElement()
            .satisfies(t -> assertThat(t.coachIds()).containsExactlyInAnyOrder(agency.coachIds().get(0), late));
        assertThat(calendars.settings(late).weekly()).isNotEmpty();
        // the agency's own coach keeps the hours it had
        assertThat(calendars.settings(agency.coachIds().get(0)).bufferBefore()).isEqualTo(15);
        assertThat(calendars.settings(agency.coachIds().get(0)).weekly()).hasSize(7);
    }
}
