package de.digitalcheck.portal.shared.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The note after a save ("Gespeichert", which app.js focuses) is one fragment, {@code saved(shown, id)}: the logo's
 * note beside the logo repeated its three lines with its own id, so a change to the note (its role, its focus) had to
 * be made twice, and was once made to one of them only.
 */
class SavedNoteFragmentTest {

    private static String forms() throws IOException {
        try (InputStream in = SavedNoteFragmentTest.class.getResourceAsStream("/views/fragments/forms.html")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theLogosNoteIsTheSavedFragmentWithItsOwnId() throws IOException {
        String forms = forms();
        assertThat(forms).contains("th:fragment=\"saved(shown, id)\"", "th:id=\"${id}\"")
            .contains("saved(${logoSaved == true}, 'logo-saved')")
            .doesNotContain("id=\"logo-saved\"");
        assertThat(Pattern.compile("kern-alert--success").matcher(forms).results().count())
            .as("one success note in the form fragments").isEqualTo(1);
    }
}
