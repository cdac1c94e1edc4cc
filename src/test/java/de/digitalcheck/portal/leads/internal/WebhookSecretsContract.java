package de.digitalcheck.portal.leads.internal;

import de.digitalcheck.portal.routing.AgencyAdministration;
import de.digitalcheck.portal.routing.AgencyProfile;
import de.digitalcheck.portal.support.AtOnce;
import jakarta.inject.Inject;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An agency's webhook secrets when two staff members act at the same moment, on H2 and MySQL/MariaDB (subclasses):
 * rotations and address changes take turns on the endpoint's row, so the secret each one was shown signs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WebhookSecretsContract {

    @Inject
    Webhooks webhooks;
    @Inject
    EndpointRows endpoints;
    @Inject
    SecretSealing sealing;
    @Inject
    AgencyAdministration agencies;

    @RepeatedTest(5)
    void rotationsAndAddressChangesAtTheSameMomentLoseNoSecret() throws Exception {
        String agency = "hook-" + UUID.randomUUID().toString().substring(0, 8);
        agencies.addUnlessPresent(agency, new AgencyProfile("Hook Test " + agency, "HT " + agency, "kontakt@ht.example.org",
            "+49 231 000000", "https://ht.example.org", "Teststraße 1, 44135 Dortmund", "2"), List.of());
        String first = webhooks.setUrl(agency, "https://127.0.0.1:9/hooks/1").orElseThrow();

        int rotations = 6;
        List<Callable<Object>> calls = new ArrayList<>();
        for (int i = 0; i < rotations; i++) {
            calls.add(() -> webhooks.rotate(agency));
        }
        for (int i = 0; i < 2; i++) {
            String url = "https://127.0.0.1:9/hooks/moved-" + i;
            calls.add(() -> webhooks.setUrl(agency, url));
        }
        List<Object> answers = AtOnce.all(calls);
        List<Object> secrets = answers.subList(0, rotations);
        assertThat(answers.subList(rotations, answers.size()))
            .as("an address change on an existing endpoint shows no secret").containsOnly(Optional.empty());

        EndpointRow stored = endpoints.findById(agency).orElseThrow();
        List<String> signing = stored.signingSecrets(Instant.now(), sealing);
        assertThat(signing).as("current and previous secret").hasSize(2);
        assertThat(secrets).as("the last rotation's secret signs").contains(signing.get(0));
        // taking turns, the last rotation saw the one before it: its previous secret is a rotation's, not the first
        assertThat(secrets).as("the rotation before the last one still signs").contains(signing.get(1));
        assertThat(signing.get(1)).isNotEqualTo(first);
        assertThat(stored.url()).startsWith("https://127.0.0.1:9/hooks/moved-");
    }
}
