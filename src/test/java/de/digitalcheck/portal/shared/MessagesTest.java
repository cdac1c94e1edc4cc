package de.digitalcheck.portal.shared;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class MessagesTest {

    @Test
    void germanAndEnglishHaveTheSameKeysAndNoEmptyText() throws IOException {
        Properties de = load("/i18n/messages_de.properties");
        Properties en = load("/i18n/messages_en.properties");
        Properties fallback = load("/i18n/messages.properties");
        assertThat(de.stringPropertyNames()).isNotEmpty().isEqualTo(en.stringPropertyNames());
        assertThat(fallback).isEqualTo(de);
        de.forEach((k, v) -> assertThat((String) v).as("de " + k).isNotBlank());
        en.forEach((k, v) -> assertThat((String) v).as("en " + k).isNotBlank());
    }

    /**
     * Every font the portal ships (pages and PDF report) is named on the licences page in both languages, and its
     * licence text ships beside it: a font added for the report (Noto Emoji) once went unnamed there.
     */
    @Test
    void theLicencesPageNamesEveryShippedFontAndItsLicenceShipsWithIt() throws Exception {
        java.nio.file.Path fonts = java.nio.file.Path.of(MessagesTest.class.getResource("/fonts").toURI());
        java.util.List<String> families;
        try (var files = java.nio.file.Files.list(fonts)) {
            families = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".ttf"))
                .map(n -> n.substring(0, n.indexOf('-'))).distinct().toList();
        }
        assertThat(families).contains("FiraSans", "NotoEmoji");
        for (String file : new String[] {"/i18n/messages.properties", "/i18n/messages_de.properties", "/i18n/messages_en.properties"}) {
            String text = load(file).getProperty("licences.fonts").replace(" ", "");
            for (String family : families) {
                assertThat(text).as(file + " licences.fonts names " + family).contains(family);
                assertThat(fonts.resolve("OFL-" + family + ".txt")).as("licence of " + family).exists();
            }
        }
    }

    /** Texts are message formats, which swallow a straight apostrophe ("agency's" shows as "agencys"): use ’. */
    @Test
    void noTextHasAStraightApostrophe() throws IOException {
        for (String file : new String[] {"/i18n/messages.properties", "/i18n/messages_de.properties", "/i18n/messages_en.properties"}) {
            load(file).forEach((k, v) -> assertThat((String) v).as(file + " " + k).doesNotContain("'"));
        }
    }

    /** German quotes open with „ and close with “, never with a straight " (a mail once said „Besuch im Unternehmen"). */
    @Test
    void germanQuotesCloseWithTheGermanClosingQuote() throws IOException {
        for (String file : new String[] {"/i18n/messages.properties", "/i18n/messages_de.properties"}) {
            load(file).forEach((k, v) -> assertThat((String) v).as(file + " " + k)
                .doesNotContainPattern("„[^“]*\"").doesNotContainPattern("„[^“]*$"));
        }
    }

    /**
     * English quotes are “…” and apostrophes ’, as in most English texts: a few said "My company" with straight quotes
     * (the self-check's contact hint, the subject of the "My company" mail), and the questionnaires' English texts wrote
     * "customers' data" beside the messages' "company’s" on the same result page.
     */
    @Test
    void englishTextsUseTypographicQuotesAndApostrophes() throws IOException {
        load("/i18n/messages_en.properties").forEach((k, v) -> assertThat((String) v).as("en " + k).doesNotContain("\""));
        for (String version : new String[] {"/questionnaires/v1.yaml", "/questionnaires/v2.yaml"}) {
            try (var in = MessagesTest.class.getResourceAsStream(version)) {
                String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                java.util.regex.Matcher text = java.util.regex.Pattern.compile("(?:en|de): \"([^\"]*)\"").matcher(yaml);
                int texts = 0;
                while (text.find()) {
                    texts++;
                    assertThat(text.group(1)).as(version).doesNotContain("'");
                }
                assertThat(texts).as(version).isGreaterThan(100);
            }
        }
    }

    /**
     * English texts call a funding scheme a "programme", as the result page's "Matching funding programmes" does (a
     * computer program stays a "program"): the questionnaires' advice said "Use funding programs for training" right
     * under that heading.
     */
    @Test
    void englishTextsCallFundingSchemesProgrammes() throws IOException {
        load("/i18n/messages_en.properties").forEach((k, v) -> assertThat((String) v).as("en " + k)
            .doesNotContainPattern("(?i)funding programs?\\b"));
        for (String version : new String[] {"/questionnaires/v1.yaml", "/questionnaires/v2.yaml"}) {
            try (var in = MessagesTest.class.getResourceAsStream(version)) {
                String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertThat(yaml).as(version).doesNotContainPattern("(?i)funding programs?\\b").contains("funding programmes");
            }
        }
    }

    /**
     * English texts name the state in English, write a percentage without a space ("25%"; German keeps "25 %") and
     * spell -ize as most of the English texts do (the questionnaires: "digitalization", "analyze"), never -ise.
     */
    @Test
    void englishTextsSayNorthRhineWestphaliaWritePercentagesWithoutASpaceAndSpellWithIze() throws IOException {
        Properties en = load("/i18n/messages_en.properties");
        java.util.regex.Pattern ise = java.util.regex.Pattern.compile(ISE);
        en.forEach((k, v) -> assertThat((String) v).as("en " + k).doesNotContain("Nordrhein-Westfalen")
            .doesNotContainPattern("(\\d|\\}) %").doesNotContainPattern(ise));
        assertThat(en.getProperty("result.state.05")).isEqualTo("North Rhine-Westphalia");
        assertThat(en.getProperty("result.table.weight.value")).isEqualTo("{0}%");
        assertThat(load("/i18n/messages_de.properties").getProperty("result.table.weight.value")).isEqualTo("{0} %");
        for (String version : new String[] {"/questionnaires/v1.yaml", "/questionnaires/v2.yaml"}) {
            try (var in = MessagesTest.class.getResourceAsStream(version)) {
                String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                java.util.regex.Matcher english = java.util.regex.Pattern.compile("en: \"([^\"]*)\"").matcher(yaml);
                while (english.find()) {
                    assertThat(english.group(1)).as(version).doesNotContainPattern(ise)
                        .doesNotContainPattern("\\d %").doesNotContain("Nordrhein-Westfalen");
                }
            }
        }
    }

    /**
     * An English mail's text goes on after its greeting ("Hello Mia,") with a new paragraph, which starts with a
     * capital letter or a name (they went on "your appointment …", as German does after "Guten Tag …,"); and what
     * happened to an appointment "has been" moved or cancelled, never "is moved" or "is cancelled".
     */
    @Test
    void englishMailsStartAfterTheGreetingWithACapitalAndSayWhatHasBeenDone() throws IOException {
        Properties en = load("/i18n/messages_en.properties");
        java.util.regex.Pattern greeting = java.util.regex.Pattern.compile("^(Hello|Dear)[^\n]*,\n\n(.)");
        int mails = 0;
        for (String key : en.stringPropertyNames()) {
            String text = en.getProperty(key);
            java.util.regex.Matcher m = greeting.matcher(text);
            if (m.find()) {
                mails++;
                // or a name put in ("{5} has forwarded …"), which starts with a capital itself
                assertThat(m.group(2)).as("en " + key).matches("[A-Z{]");
            }
            // the mails and the notes of a change just made, not the texts of one to come ("until it is cancelled")
            if (key.startsWith("booking.mail.") || key.matches("(booking|appointment)\\.(moved|cancelled)(\\..+)?")) {
                assertThat(text).as("en " + key).doesNotContainPattern("\\b(is|was) (moved|cancelled)\\b");
            }
        }
        assertThat(mails).as("the English mails with a greeting").isGreaterThanOrEqualTo(23);
    }

    /** British -ise spellings of words the English texts spell with -ize. */
    private static final String ISE = "(?i)\\b\\w*(organis|digitalis|anonymis|recognis|prioritis|optimis|utilis|realis|"
        + "minimis|maximis|standardis|specialis|summaris|authoris|categoris|customis|personalis|visualis|synchronis|"
        + "subsidis|finalis|initialis|normalis)(e|es|ed|ing|ation|ations|er|ers)\\b";

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (var in = MessagesTest.class.getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
