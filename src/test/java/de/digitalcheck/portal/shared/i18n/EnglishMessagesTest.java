package de.digitalcheck.portal.shared.i18n;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The English texts are sentences: no "Please a whole number…" with the verb left out. */
class EnglishMessagesTest {

    @Test
    void noPleaseWithoutAVerb() throws IOException {
        Properties en = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/i18n/messages_en.properties")) {
            en.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Pattern missingVerb = Pattern.compile("\\bPlease (a|an|at|the|no|only|up to|one|between|\\{\\d\\})\\b");
        assertThat(en.stringPropertyNames()).filteredOn(k -> missingVerb.matcher(en.getProperty(k)).find()).isEmpty();
        assertThat(en.getProperty("error.calendar.number")).isEqualTo("Please enter a whole number from {0} to {1}.");
        assertThat(en.getProperty("error.calendar.tooMany")).isEqualTo("Please enter at most {0} lines.");
    }
}
