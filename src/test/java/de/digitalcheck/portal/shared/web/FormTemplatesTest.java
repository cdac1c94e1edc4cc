package de.digitalcheck.portal.shared.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every form with a field a person fills in is {@code novalidate}: the portal explains a missing or wrong value itself,
 * in the page's language, at the field and in the error summary. Without it the browser stops the form with its own
 * bubble ("Bitte füllen Sie dieses Feld aus.", "Geben Sie einen gültigen Wert ein." for a date typed half), in the
 * browser's language, which a screen reader may not announce and the page's error summary never shows.
 */
class FormTemplatesTest {

    private static final Path VIEWS = Path.of("src/main/resources/views");
    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL);
    /** A field: an input other than a hidden one, a select, a text area, or one of the field fragments. */
    private static final Pattern FIELD = Pattern.compile(
        "<input\\b(?![^>]*type=\"hidden\")[^>]*>|<select\\b|<textarea\\b|fragments/forms :: (textField|selectField|"
            + "checkboxField|checkboxGroup|radioGroup|textArea|dateField)");

    @Test
    void everyFormWithAFieldLeavesTheCheckingToThePortal() throws IOException {
        List<String> without = new ArrayList<>();
        int forms = 0;
        try (Stream<Path> files = Files.walk(VIEWS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher m = FORM.matcher(read(file));
                while (m.find()) {
                    if (m.group(1).contains("th:replace") || !FIELD.matcher(m.group(2)).find()) {
                        continue; // a fragment's placeholder, or a form of buttons and hidden values only
                    }
                    forms++;
                    if (!m.group(1).contains("novalidate")) {
                        without.add(VIEWS.relativize(file) + ": <form" + m.group(1) + ">");
                    }
                }
            }
        }
        assertThat(forms).as("forms with fields found").isGreaterThan(20);
        assertThat(without).as("forms with fields but without novalidate").isEmpty();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
