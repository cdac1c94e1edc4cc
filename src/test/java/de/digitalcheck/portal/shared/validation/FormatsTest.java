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

    /**
     * Addresses no mail can reach: dots first, last or twice in the local part, a domain label with a hyphen first or
     * last, an underscore or nothing in it, a dot at the end (they were taken, and their mails failed in the outbox).
     */
    @ParameterizedTest
    @ValueSource(strings = {"x@example..org", ".x@example.org", "x.@example.org", "a..b@example.org", "x@-example.org",
        "x@example-.org", "x@.example.org", "x@example.org.", "x@exa_mple.org", "x@example.org-", "x@example.-org",
        "x@ex ample.org", "x@example.o-"})
    void refusesAddressesThatNoMailCanReach(String email) {
        assertThat(Formats.isEmail(email)).isFalse();
    }

    /**
     * Spaces beyond ASCII's and invisible characters anywhere: a no-break, narrow no-break, ideographic or line
     * separator space, a zero-width space or joiner, a soft hyphen, a direction mark, a byte-order mark, a control
     * character ({@code \s} covered ASCII's spaces only, and the local part took them).
     */
    @ParameterizedTest
    @ValueSource(strings = {"mia\u00A0muster@example.org", "mia\u202Fm@example.org", "mia\u3000m@example.org",
        "mia\u2028m@example.org", "mia\u200Bmuster@example.org", "mia\u200D@example.org", "mi\u00ADa@example.org",
        "mia\u200E@example.org", "\uFEFFmia@example.org", "mia\u0007@example.org", "mia\u0085m@example.org",
        "mia@exam\u00A0ple.org", "mia@exam\u200Bple.org", "mia@example.org\u00A0"})
    void refusesSpaceLikeAndInvisibleCharactersAnywhere(String email) {
        assertThat(Formats.isEmail(email)).as(email.codePoints().mapToObj(Integer::toHexString).toList().toString())
            .isFalse();
        assertThat(email.matches(Formats.EMAIL)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"x@ex-ample.org", "x@1und1.de", "x.y.z@a.b.c.example", "x@xn--bckerei-9wa.example",
        "jürgen@müller.de", "x@example.co.uk"})
    void takesDotsAndHyphensWhereTheyBelong(String email) {
        assertThat(Formats.isEmail(email)).isTrue();
    }

    /**
     * A long hostile input is decided (possessive runs: no backtracking over its parts; a pattern that backtracked
     * exponentially would not finish within the generous bound).
     */
    @org.junit.jupiter.api.Test
    void decidesLongHostileInput() {
        String hostile = "a@" + "a-".repeat(120) + "!";
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30), () -> {
            for (int i = 0; i < 1000; i++) {
                assertThat(Formats.isEmail(hostile)).isFalse();
                assertThat(Formats.isEmail("a".repeat(60) + "." + "a".repeat(3) + "@" + "b.".repeat(90) + "-")).isFalse();
            }
        });
    }

    @org.junit.jupiter.api.Test
    void refusesLocalPartsOver64AndAddressesOver254() {
        assertThat(Formats.isEmail("a".repeat(64) + "@example.org")).isTrue();
        assertThat(Formats.isEmail("a".repeat(65) + "@example.org")).isFalse();
        String labels = ("b".repeat(62) + ".").repeat(3) + "b".repeat(59); // 248 characters, labels of 62 and 59
        assertThat(Formats.isEmail("a@" + labels + ".org")).isTrue(); // 254
        assertThat(Formats.isEmail("ab@" + labels + ".org")).isFalse(); // 255
        assertThat(Formats.isEmail("a@" + "b".repeat(63) + ".org")).as("a label of 63").isTrue();
        assertThat(Formats.isEmail("a@" + "b".repeat(64) + ".org")).as("a label of 64").isFalse();
        assertThat(Formats.isEmail("")).isFalse();
    }

    /**
     * A limit per address counts one mailbox however its address is spelled: case, spaces of any kind, invisible
     * characters, full-width letters, a {@code +} subaddress, a trailing dot or the Unicode form of the domain. The
     * bookings' limit was walked around with {@code name+1@example.org}.
     */
    @ParameterizedTest
    @ValueSource(strings = {"mia.muster@example.org", "Mia.Muster@Example.ORG", " mia.muster@example.org\t",
        "mia.muster+1@example.org", "MIA.MUSTER+Termine+2@example.org", "mia.muster+@example.org",
        "\u00a0mia.muster@example.org\u202f", "mia.mu\u200bster@example.org", "mia.mu\u00adster@example.org",
        "\uff4dia.muster@\uff45xample.org", "mia.muster@example.org.", "mia.muster@EXAMPLE.org..",
        "\u200emia.muster@example.org"})
    void countsOneMailboxHoweverItsAddressIsSpelled(String email) {
        assertThat(Formats.mailbox(email)).isEqualTo("mia.muster@example.org");
    }

    @org.junit.jupiter.api.Test
    void countsOtherMailboxesApart() {
        // the local part's dots stay (only some providers ignore them), and so does a hyphen (no subaddress sign here)
        assertThat(Formats.mailbox("miamuster@example.org")).isNotEqualTo(Formats.mailbox("mia.muster@example.org"));
        assertThat(Formats.mailbox("mia-1@example.org")).isEqualTo("mia-1@example.org");
        assertThat(Formats.mailbox("mia@example.org")).isNotEqualTo(Formats.mailbox("mia@example.de"));
        // one domain in its Unicode and its ASCII form; the Kelvin sign is a k, a decomposed umlaut the composed one
        assertThat(Formats.mailbox("Jürgen@Bücher.example")).isEqualTo(Formats.mailbox("jürgen@xn--bcher-kva.example"))
            .isEqualTo("jürgen@xn--bcher-kva.example");
        assertThat(Formats.mailbox("ju\u0308rgen@\u212Aiel.example")).isEqualTo("jürgen@kiel.example");
        assertThat(Formats.mailbox(null)).isEmpty();
        assertThat(Formats.mailbox("no address")).isEqualTo("noaddress");
    }
}
