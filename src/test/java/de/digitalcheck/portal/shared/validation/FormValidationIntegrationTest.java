package de.digitalcheck.portal.shared.validation;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A form record's broken constraints become the portal's field errors, in the order a page shows them. */
@MicronautTest(transactional = false)
class FormValidationIntegrationTest {

    @Serdeable
    record Sample(
        @NotBlank(message = "error.required") @Size(max = 5, message = "error.name.tooLong") String name,
        @Pattern(regexp = Formats.EMAIL, message = "error.email.format") String email,
        @Size(max = 3, message = "error.name.tooLong") @Pattern(regexp = "\\d*", message = "error.employees.number")
        String code) {
    }

    @Serdeable
    record WithoutKey(@NotBlank String name) {
    }

    @Serdeable
    record WithNote(@Size(max = 5, message = "error.name.tooLong") String name,
                    @MultiLine @Size(max = 5, message = "error.name.tooLong") String note) {
    }

    @Test
    void everyTextKeepsTheCharacterRuleBeforeItsOtherErrorsAndSizesCountCodePoints() {
        assertThat(validation.errors(new WithNote("A\u0000B GmbH", "a\n\tb"))).containsExactly(
            FieldError.of("name", TextRules.SINGLE_LINE_KEY), FieldError.of("name", "error.name.tooLong", 5));
        assertThat(validation.errors(new WithNote("a\nb", "a\u0000"))).containsExactly(
            FieldError.of("name", TextRules.SINGLE_LINE_KEY), FieldError.of("note", TextRules.MULTI_LINE_KEY));
        assertThat(validation.errors(new WithNote("😀".repeat(5), "😀".repeat(5)))).as("five emoji are five characters")
            .isEmpty();
        assertThat(validation.errors(new WithNote("😀".repeat(6), ""))).containsExactly(
            FieldError.of("name", "error.name.tooLong", 5));
    }

    @Inject
    FormValidation validation;

    @Test
    void eachBrokenConstraintIsAFieldErrorInTheOrderOfTheFieldsAndOfTheirConstraints() {
        assertThat(validation.errors(new Sample(" ", "kaputt", "abcd"))).containsExactly(
            FieldError.of("name", "error.required"),
            FieldError.of("email", "error.email.format"),
            FieldError.of("code", "error.name.tooLong", 3),
            FieldError.of("code", "error.employees.number"));
    }

    @Test
    void aRequiredTextOfInvisibleSpacesIsMissingAndAVisibleOneIsNot() {
        // no-break, narrow no-break, zero-width spaces and a joiner: Bean Validation's @NotBlank finds them filled
        for (String invisible : new String[] {"\u00A0", "\u00A0\u202F", "\u200B\u200B", "\u2060\u200D", "\u3000"}) {
            assertThat(validation.errors(new Sample(invisible, "", ""))).as(invisible.codePoints().boxed().toList().toString())
                .containsExactly(FieldError.of("name", "error.required"));
        }
        assertThat(validation.errors(new Sample("\u00A0Jo\u200B", "", ""))).as("a name with them around letters").isEmpty();
        assertThat(validation.errors(new WithNote("\u00A0", ""))).as("a text that is not required may show nothing")
            .isEmpty();
    }

    @Test
    void theLongestLengthAllowedIsTheMessagesArgument() {
        assertThat(validation.errors(new Sample("abcdef", "", "1"))).containsExactly(
            FieldError.of("name", "error.name.tooLong", 5));
    }

    @Test
    void anEmptyOptionalValueAndAValidFormHaveNoErrors() {
        assertThat(validation.errors(new Sample("Erika", "", ""))).isEmpty();
        assertThat(validation.errors(new Sample("Erika", "erika@example.org", "12"))).isEmpty();
    }

    @Test
    void fieldsAreNamedAsThePageNamesThem() {
        assertThat(validation.errors(new Sample("", "x", "1"), component -> "contact." + component))
            .extracting(FieldError::field).containsExactly("contact.name", "contact.email");
    }

    @Test
    void aConstraintWithoutAMessageKeyOfThePortalIsAProgrammingError() {
        assertThatThrownBy(() -> validation.errors(new WithoutKey("")))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("WithoutKey");
    }

    @Test
    void formValuesAreKeptWithoutSurroundingWhitespaceAndNeverNull() {
        assertThat(FormValidation.text(null)).isEmpty();
        assertThat(FormValidation.text("  Erika Muster \n")).isEqualTo("Erika Muster");
    }
}
