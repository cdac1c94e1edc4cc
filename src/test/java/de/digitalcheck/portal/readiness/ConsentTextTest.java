package de.digitalcheck.portal.readiness;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consent text's version rule: every stored consent names the version of the text agreed to, so a change of the
 * wording must raise {@link AgencyLeads#CONSENT_VERSION}. The fingerprint below is the wording of that version; when
 * the wording changes, raise the version (the year and month of the change) and then the fingerprint.
 */
class ConsentTextTest {

    static final String VERSION = "2026-12-2";
    static final String FINGERPRINT = "870fd3575faa5adb6b4a770cb175db60ad342c432af18bbd7bf65afb24e81010";

    static final String[] KEYS = {"consent.receives", "consent.checkbox", "consent.receives.team", "consent.checkbox.team"};

    @Test
    void theConsentWordingIsTheOneOfItsVersion() throws Exception {
        assertThat(AgencyLeads.CONSENT_VERSION).as("a changed consent text raises the version").isEqualTo(VERSION);
        assertThat(fingerprint()).as("the consent wording changed: raise AgencyLeads.CONSENT_VERSION, then this "
            + "test's VERSION and FINGERPRINT").isEqualTo(FINGERPRINT);
    }

    @Test
    void theTextPromisesOnlyWhatTheResultPageCollects() throws IOException {
        // the result page's form asks for a name and an email, no phone number
        assertThat(load("/i18n/messages_de.properties").getProperty("consent.receives"))
            .contains("Ihren Namen und Ihre E-Mail-Adresse").doesNotContain("Telefon");
        assertThat(load("/i18n/messages_en.properties").getProperty("consent.receives"))
            .contains("your name and email address").doesNotContain("phone");
        assertThat(load("/i18n/messages_de.properties").getProperty("consent.receives.team"))
            .contains("Ihren Namen und Ihre E-Mail-Adresse").doesNotContain("Telefon");
        assertThat(load("/i18n/messages_en.properties").getProperty("consent.receives.team"))
            .contains("your name and email address").doesNotContain("phone");
    }

    /** Where no territory covers the location the network's team answers: its texts name no agency that would. */
    @Test
    void theFallbackQueuesConsentNamesTheNetworksTeamNotAnAgency() throws IOException {
        for (String key : new String[] {"consent.receives.team", "consent.checkbox.team", "consent.title.team"}) {
            assertThat(load("/i18n/messages_de.properties").getProperty(key)).as(key).contains("das Team von {0}")
                .doesNotContain("Wirtschaftsförderung");
            assertThat(load("/i18n/messages_en.properties").getProperty(key)).as(key).contains("the team of {0}")
                .doesNotContain("agency");
        }
    }

    @Test
    void theBookingsConsentNamesTheResultABookingFromACheckShares() throws IOException {
        // a booking made from a check makes a lead with the check's result and report: its text must say so
        assertThat(load("/i18n/messages_de.properties").getProperty("booking.consent")).contains("Termin", "Ergebnis");
        assertThat(load("/i18n/messages_en.properties").getProperty("booking.consent")).contains("appointment", "result");
        assertThat(de.digitalcheck.portal.booking.Bookings.CONSENT_TEXT_VERSION).as("raised with the wording")
            .isEqualTo("booking-share-2");
    }

    static String fingerprint() throws IOException, NoSuchAlgorithmException {
        StringBuilder all = new StringBuilder();
        for (String file : new String[] {"/i18n/messages_de.properties", "/i18n/messages_en.properties"}) {
            Properties texts = load(file);
            for (String key : KEYS) {
                all.append(key).append('=').append(texts.getProperty(key)).append('\n');
            }
        }
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
            .digest(all.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (var in = ConsentTextTest.class.getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
