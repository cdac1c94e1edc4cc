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

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (var in = MessagesTest.class.getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
