package de.digitalcheck.portal.demo;

import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.routing.Agencies;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Without {@code portal.demo-data} (production's default) there are no demo agencies and no demo coaches. */
@MicronautTest(transactional = false)
@Property(name = "portal.demo-data", value = "false")
class DemoDataOffIntegrationTest {

    @Inject
    ApplicationContext context;
    @Inject
    Accounts accounts;
    @Inject
    Agencies agencies;

    @Test
    void nothingOfTheDemoLoads() {
        assertThat(context.containsBean(DemoData.class)).isFalse();
        for (DemoData.DemoCoach coach : DemoData.COACHES) {
            assertThat(accounts.byEmail(coach.email())).isEmpty();
        }
        assertThat(accounts.byEmail("coach@dortmund.example.org")).isEmpty();
        assertThat(agencies.find("weg-bochum")).isEmpty();
    }
}
