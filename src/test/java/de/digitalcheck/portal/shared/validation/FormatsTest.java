package de.digitalcheck.portal.shared.validation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which addresses the forms and the API take: RFC 5322's unquoted ones, letters beyond ASCII included. */
class FormatsTest {

    @ParameterizedTest
    @ValueSource(strings = {"mia@muster.example", "o'brien@example.org", "a{b}@example.org", "x%zz@example.org",
        "p|q^r`s~t@example.org", "first.last+tag@sub.example.org", "müller@bäckerei.example", "a/b=c?d!e*f&g#h$@x.de"})
    void takesAddressesAsRfc5322WritesThemUnquoted(String email) {
        assertThat(Formats.isEmail(email)).isTrue();
        assertThat(email).matches(Formats.EMAIL);
    }

    /** Characters an address has only quoted or as its delimiters: a mail to it would fail or go elsewhere. */
    @ParameterizedTest
    @ValueSource(strings = {"a\"b@example.org", "a<b@example.org", "a>b@example.org", "a(b)@example.org",
        "a[b]@example.org", "a\\b@example.org", "a,b@example.org", "a;b@example.org", "a:b@example.org",
        "a b@example.org", "a@b@example.org", "ab@example", "@example.org", "ab@example.o", "mia@ex<ample.org"})
    void refusesAddressesWithQuotedOrDelimitingCharacters(String email) {
        assertThat(Formats.isEmail(email)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void refusesLocalPartsOver64AndAddressesOver254() {
        assertThat(Formats.isEmail("a".repeat(64) + "@example.org")).isTrue();
        assertThat(Formats.isEmail("a".repeat(65) + "@example.org")).isFalse();
        assertThat(Formats.isEmail("a@" + "b".repeat(248) + ".org")).isTrue(); // 254
        assertThat(Formats.isEmail("a@" + "b".repeat(249) + ".org")).isFalse();
        assertThat(Formats.isEmail("")).isFalse();
    }
}
