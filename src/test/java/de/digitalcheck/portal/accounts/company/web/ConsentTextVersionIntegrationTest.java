package de.digitalcheck.portal.accounts.company.web;

import de.digitalcheck.portal.shared.i18n.ConsentTextVersions;
import de.digitalcheck.portal.shared.i18n.Language;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Mein Unternehmen" and the staff's lead detail name the consent text each consent was given to as a person reads it,
 * not by its identifier
 * ("Textfassung 2026-12-2", "Textfassung booking-share-2" read like a date and like code); an identifier of another
 * form is shown as stored.
 */
@MicronautTest(transactional = false)
class ConsentTextVersionIntegrationTest {

    @Inject
    ConsentTextVersions versions;

    @Test
    void versionsReadAsTheMonthOfTheTextAndItsNumber() {
        assertThat(versions.name(Language.DE, "2026-11")).isEqualTo("Einwilligungstext vom November 2026");
        assertThat(versions.name(Language.DE, "2026-12-2"))
            .isEqualTo("Einwilligungstext vom Dezember 2026 (2. Fassung)");
        assertThat(versions.name(Language.DE, "booking-share-2"))
            .isEqualTo("Einwilligungstext der Terminbuchung (2. Fassung)");
        assertThat(versions.name(Language.EN, "2026-12-2")).isEqualTo("consent text of December 2026 (version 2)");
        assertThat(versions.name(Language.EN, "booking-share-3")).isEqualTo("consent text for bookings (version 3)");
        // not a month, or of another form: as stored
        assertThat(versions.name(Language.DE, "2026-13")).isEqualTo("Textfassung 2026-13");
        assertThat(versions.name(Language.DE, "2026-00-2")).isEqualTo("Textfassung 2026-00-2");
        assertThat(versions.name(Language.DE, "api-7")).isEqualTo("Textfassung api-7");
        assertThat(versions.name(Language.EN, "booking-share-x")).isEqualTo("text version booking-share-x");
    }

    @Test
    void theTextsLanguageByItsName() {
        assertThat(versions.languageName(Language.DE, "de")).isEqualTo("Deutsch");
        assertThat(versions.languageName(Language.DE, "en")).isEqualTo("Englisch");
        assertThat(versions.languageName(Language.EN, "de")).isEqualTo("German");
        assertThat(versions.languageName(Language.EN, "fr")).as("another code as stored").isEqualTo("fr");
    }
}
