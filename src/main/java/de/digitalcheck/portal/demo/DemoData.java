package de.digitalcheck.portal.demo;

import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.accounts.DemoUsers;
import de.digitalcheck.portal.booking.Calendars;
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

    private final AgencyAdministration agencies;
    private final Accounts accounts;
    private final Calendars calendars;

    DemoData(AgencyAdministration agencies, Accounts accounts, Calendars calendars) {
        this.agencies = agencies;
        this.accounts = accounts;
        this.calendars = calendars;
    }

    /**
     * Idempotent: adds what is missing through each module's own API, in one transaction. Coaches get their booking
     * data through the event the directory publishes for every new account.
     */
    @EventListener
    @Transactional
    void onStartup(StartupEvent event) {
        int added = 0;
        for (DemoAgency demo : AGENCIES) {
            AgencyProfile profile = new AgencyProfile(demo.name(), demo.shortName(), "kontakt@" + demo.slug() + ".example.org",
                "+49 231 000000", "https://" + demo.slug() + ".example.org", demo.address(),
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
        // issue 14: appointment types and working hours for the demo agencies' coaches, so that one can book at once
        calendars.addDemoUnlessPresent(AGENCIES.stream().map(DemoAgency::id).toList());
    }
}
