package de.digitalcheck.portal.demo;

import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.accounts.DemoUsers;
import de.digitalcheck.portal.booking.Calendars;
import de.digitalcheck.portal.booking.Coaches;
import de.digitalcheck.portal.routing.Agency;
import de.digitalcheck.portal.routing.AgencyAdministration;
import de.digitalcheck.portal.routing.AgencyProfile;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * The demo agencies and territories of the Ruhr network (SPEC §11) and the demo users of the directory. Loaded only where
 * {@code portal.demo-data} is true: the embedded default and the tests, never production.
 */
@Singleton
@Requires(property = "portal.demo-data", value = "true")
public class DemoData {

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    record DemoAgency(String id, String name, String shortName, String slug, String address, List<String> territories) {

        /** A made-up number with the area code of the agency's town (every agency had Dortmund's). */
        String phone() {
            String areaCode = switch (slug) {
                case "bochum" -> "234";
                case "hagen" -> "2331";
                case "herne" -> "2323";
                case "en-agentur" -> "2302";
                case "kreis-unna" -> "2303";
                case "nrw-invest" -> "211";
                default -> "231";
            };
            return "+49 " + areaCode + " 000000";
        }
    }

    static final List<DemoAgency> AGENCIES = List.of(
        new DemoAgency("wf-dortmund", "Wirtschaftsförderung Dortmund", "WF Dortmund", "dortmund",
            "Grüne Straße 2-8, 44147 Dortmund", List.of("05913000")),
        new DemoAgency("weg-bochum", "WirtschaftsEntwicklungsGesellschaft Bochum", "Bochum Wirtschaftsentwicklung", "bochum",
            "Viktoriastraße 10, 44787 Bochum", List.of("05911000")),
        new DemoAgency("wf-hagen", "Wirtschaftsförderung Hagen", "HAGENagentur", "hagen",
            "Körnerstraße 25, 58095 Hagen", List.of("05914000")),
        new DemoAgency("wf-herne", "Wirtschaftsförderung Herne", "WFG Herne", "herne",
            "Westring 303, 44629 Herne", List.of("05916000")),
        new DemoAgency("en-agentur", "Wirtschaftsförderungsagentur Ennepe-Ruhr „EN-Agentur“", "EN-Agentur", "en-agentur",
            "Bahnhofstraße 56, 58452 Witten", List.of("05954")),
        new DemoAgency("wfg-kreis-unna", "Wirtschaftsförderungsgesellschaft für den Kreis Unna", "WFG Kreis Unna", "kreis-unna",
            "Friedrich-Ebert-Straße 19, 59425 Unna", List.of("05978")),
        new DemoAgency("nrw-invest", "NRW.INVEST", "NRW.INVEST", "nrw-invest",
            "Völklinger Straße 4, 40219 Düsseldorf", List.of("05")));

    /** A coach of the demo data who is no sign-in user of the README: the directory's entry and the profile. */
    record DemoCoach(DemoUsers.DemoUser user, String expertise, List<String> modes) {

        String email() {
            return user.email();
        }

        String name() {
            return user.name();
        }
    }

    private static DemoCoach coach(String email, String name, String agencyId, String expertise, List<String> modes) {
        return new DemoCoach(DemoUsers.coach(email, name, agencyId), expertise, modes);
    }

    /**
     * With the demo users' coaches ({@link DemoUsers}: one each in Dortmund and the EN-Agentur) two or three coaches
     * per agency (SPEC §11).
     */
    static final List<DemoCoach> COACHES = List.of(
        coach("lena.lorenz@dortmund.example.org", "Lena Lorenz", "wf-dortmund",
            "Digitalisierung im Handwerk, E-Commerce", List.of("VIDEO", "ON_SITE")),
        coach("jonas.jansen@en-agentur.example.org", "Jonas Jansen", "en-agentur",
            "IT-Sicherheit, Cloud", List.of("VIDEO", "ON_SITE", "PHONE")),
        coach("bettina.brandt@bochum.example.org", "Bettina Brandt", "weg-bochum",
            "Prozessdigitalisierung, ERP", List.of("VIDEO", "ON_SITE")),
        coach("mehmet.yilmaz@bochum.example.org", "Mehmet Yılmaz", "weg-bochum",
            "Künstliche Intelligenz, Daten", List.of("VIDEO", "AT_AGENCY")),
        coach("hanna.hoffmann@hagen.example.org", "Hanna Hoffmann", "wf-hagen",
            "Industrie 4.0, Produktion", List.of("VIDEO", "ON_SITE")),
        coach("peter.pohl@hagen.example.org", "Peter Pohl", "wf-hagen",
            "IT-Sicherheit, Datenschutz", List.of("VIDEO", "PHONE")),
        coach("sabine.schulte@herne.example.org", "Sabine Schulte", "wf-herne",
            "Online-Marketing, E-Commerce", List.of("VIDEO", "ON_SITE")),
        coach("tim.tewes@herne.example.org", "Tim Tewes", "wf-herne",
            "Cloud, digitale Zusammenarbeit", List.of("VIDEO", "AT_AGENCY")),
        coach("ute.urban@kreis-unna.example.org", "Ute Urban", "wfg-kreis-unna",
            "Logistik, Prozessdigitalisierung", List.of("VIDEO", "ON_SITE")),
        coach("kai.kemper@kreis-unna.example.org", "Kai Kemper", "wfg-kreis-unna",
            "IT-Sicherheit, Förderprogramme", List.of("VIDEO", "PHONE")),
        coach("nadine.neumann@nrw-invest.example.org", "Nadine Neumann", "nrw-invest",
            "Förderprogramme, Digitalstrategie", List.of("VIDEO", "PHONE")),
        coach("oliver.otto@nrw-invest.example.org", "Oliver Otto", "nrw-invest",
            "Künstliche Intelligenz, Industrie 4.0", List.of("VIDEO", "ON_SITE")));

    /**
     * The profiles of the README's coaches ({@link DemoUsers}, who sign in): they meet companies in person too, so that
     * each of their agencies' demo types has them among its coaches.
     */
    static final java.util.Map<String, DemoProfile> README_COACHES = java.util.Map.of(
        "coach@en-agentur.example.org", new DemoProfile("Digitalisierungsstrategie, Förderprogramme",
            List.of("VIDEO", "ON_SITE", "PHONE")),
        "coach@dortmund.example.org", new DemoProfile("Produktion, Industrie 4.0",
            List.of("VIDEO", "ON_SITE", "AT_AGENCY")));

    /** A demo coach's focus topics and meeting modes. */
    record DemoProfile(String expertise, List<String> modes) {
    }

    private final AgencyAdministration agencies;
    private final Accounts accounts;
    private final Calendars calendars;
    private final Coaches coaches;

    DemoData(AgencyAdministration agencies, Accounts accounts, Calendars calendars, Coaches coaches) {
        this.agencies = agencies;
        this.accounts = accounts;
        this.calendars = calendars;
        this.coaches = coaches;
    }

    /**
     * Idempotent: adds what is missing through each module's own API, in one transaction. Coaches get their booking
     * data through the event the directory publishes for every new account; a demo coach gets the profile, hours and
     * appointment types only when their account is added, so what was changed since stays as it is.
     */
    @EventListener
    @Transactional
    void onStartup(StartupEvent event) {
        int added = 0;
        for (DemoAgency demo : AGENCIES) {
            AgencyProfile profile = new AgencyProfile(demo.name(), demo.shortName(), "kontakt@" + demo.slug() + ".example.org",
                demo.phone(), "https://" + demo.slug() + ".example.org", demo.address(),
                String.valueOf(Agency.DEFAULT_FIRST_CONTACT_DAYS));
            if (agencies.addUnlessPresent(demo.id(), profile, demo.territories())) {
                added++;
            }
        }
        if (added > 0) {
            LOG.info("Loaded {} demo agencies with their territories", added);
        }
        accounts.addUnlessPresent(DemoUsers.ALL.stream()
            .map(u -> new Accounts.NewAccount(u.email(), u.name(), u.role(), u.agencyId())).toList());
        List<DemoCoach> missing = COACHES.stream().filter(c -> accounts.byEmail(c.email()).isEmpty()).toList();
        accounts.addUnlessPresent(missing.stream()
            .map(c -> new Accounts.NewAccount(c.email(), c.name(), c.user().role(), c.user().agencyId())).toList());
        List<String> newCoachIds = new ArrayList<>();
        for (DemoCoach coach : missing) {
            String id = accounts.byEmail(coach.email()).orElseThrow().id();
            coaches.update(id, coach.name(), coach.expertise(), coach.modes(), List.of());
            newCoachIds.add(id);
        }
        if (!missing.isEmpty()) {
            LOG.info("Loaded {} demo coaches", missing.size());
        }
        // the README's coaches: a profile nobody has filled in yet (just added, or from before their demo profile) gets
        // theirs; without modes they could be booked for nothing
        for (DemoUsers.DemoUser user : DemoUsers.ALL) {
            DemoProfile demo = README_COACHES.get(user.email());
            var account = demo == null ? null : accounts.byEmail(user.email()).orElse(null);
            if (account != null && coaches.profile(account.id())
                .filter(p -> p.expertise().isEmpty() && p.modes().isEmpty()).isPresent()) {
                coaches.update(account.id(), account.name(), demo.expertise(), demo.modes(), List.of());
                newCoachIds.add(account.id());
            }
        }
        // issue 14: appointment types and working hours for the demo agencies' coaches, so that one can book at once
        calendars.addDemoUnlessPresent(AGENCIES.stream().map(DemoAgency::id).toList(), newCoachIds);
    }
}
