package de.digitalcheck.portal.shared.validation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextRulesTest {

    @Test
    void aSingleLineTextHoldsNoControlsSeparatorsLoneSurrogatesOrNonCharacters() {
        assertThat(TextRules.isSingleLine("Müller & Söhne GmbH – Ünal 😀 中文")).isTrue();
        for (String bad : new String[] {"A\u0000B", "Evil\nSubject: pwned", "a\rb", "a\tb", "a\u007fb", "a\u0085b",
            "a\u009bb", "a\u2028b", "a\uD800b", "a\uDC00", "a\uFFFEb", "a\uFFFF", "a\uFDD0", "a\uD83F\uDFFF",
            "Invoice \u202Efdp.exe", "a\u202Ab", "a\u2066b\u2069"}) {
            assertThat(TextRules.isSingleLine(bad)).as(bad).isFalse();
        }
    }

    @Test
    void aMultiLineTextMayKeepLineBreaksAndTabsOnly() {
        assertThat(TextRules.isMultiLine("Zeile 1\r\nZeile 2\tTab")).isTrue();
        assertThat(TextRules.isMultiLine("\u0000")).isFalse();
        assertThat(TextRules.isMultiLine("a\u001bb")).isFalse();
        assertThat(TextRules.isMultiLine("a\uD800")).isFalse();
        assertThat(TextRules.isMultiLine("Notiz\n\u202Etxet")).as("a right-to-left override").isFalse();
        assertThat(TextRules.isSingleLine("شركة المعادن \u200F GmbH")).as("right-to-left text and its marks").isTrue();
        Errors errors = new Errors();
        assertThat(TextRules.check("a\u0000", true, "note", errors)).isFalse();
        assertThat(errors.list()).containsExactly(FieldError.of("note", TextRules.MULTI_LINE_KEY));
    }

    @Test
    void aNameNamesSomethingOnlyWithAVisibleCharacter() {
        assertThat(TextRules.namesSomething("Müller & Söhne")).isTrue();
        assertThat(TextRules.namesSomething("3\u00a0M")).isTrue();
        assertThat(TextRules.namesSomething("\u5de5\u5834")).as("any script's letters").isTrue();
        assertThat(TextRules.namesSomething("\u00a0\u200b\u00a0")).as("no-break and zero-width spaces").isFalse();
        assertThat(TextRules.namesSomething("\uD83D\uDE00")).as("an emoji shows").isTrue();
        assertThat(TextRules.namesSomething("\u200d\u0301\u2060")).as("a joiner, a lone accent, a word joiner").isFalse();
        assertThat(TextRules.namesSomething("")).isFalse();
        assertThat(TextRules.namesSomething(null)).isFalse();
    }

    @Test
    void lettersAreCountedInAnyScript() {
        assertThat(TextRules.letters("Am Markt")).isEqualTo(7);
        assertThat(TextRules.letters("Hauptstr. 5a")).isEqualTo(9);
        assertThat(TextRules.letters("Große Straße 1")).isEqualTo(11);
        assertThat(TextRules.letters("\u0423\u043b. 7")).as("Cyrillic").isEqualTo(2);
        assertThat(TextRules.letters("12")).isZero();
        assertThat(TextRules.letters("1-3 / 5.")).isZero();
        assertThat(TextRules.letters("\u0664\u0662")).as("Arabic-Indic digits are no letters").isZero();
        assertThat(TextRules.letters(null)).isZero();
    }

    @Test
    void aNameWithAWebAddressIsRefusedAndADomainLikeNameIsNot() {
        for (String bad : new String[] {"Ihr Konto wird gesperrt – jetzt bestätigen: https://evil.example/login",
            "Kunde, Ihr Paket wartet: http://evil.example/p", "hxxp://x", "ftp://files.example", "://",
            "www.evil.example", "Besuchen Sie WWW.evil.example", "Müller (www.mueller.example)", "Paket:www.x.de",
            "Evil GmbH www.x.de", "\uFF57\uFF57\uFF57.evil.com", "x:\uFF0F\uFF0Fevil", "w\u200Bww.evil.example",
            "\uFF37\uFF37\uFF37\uFF0Eevil\uFF0Eexample", "https\u200B://evil.example"}) {
            assertThat(TextRules.hasWebAddress(bad)).as(bad).isTrue();
        }
        for (String good : new String[] {"Example.com GmbH", "Müller & Söhne GmbH", "Awww.de Tierfutter GmbH",
            "Dr. Wwwalter", "www GmbH", "Zweiwww.Werke", "", "https:/ /x", "\uFF2D\uFF55\uFF4C\uFF4C\uFF45\uFF52 GmbH"}) {
            assertThat(TextRules.hasWebAddress(good)).as(good).isFalse();
        }
        assertThat(TextRules.hasWebAddress(null)).isFalse();
        Errors errors = new Errors();
        assertThat(TextRules.checkName("Example.com GmbH", "company.name", errors)).isTrue();
        assertThat(TextRules.checkName("www.example.com", "company.name", errors)).isFalse();
        assertThat(errors.list()).containsExactly(FieldError.of("company.name", TextRules.WEB_ADDRESS_KEY));
    }

    @Test
    void lengthsAreCodePoints() {
        String emoji = "😀";
        assertThat(TextRules.length(emoji.repeat(200))).isEqualTo(200);
        assertThat(TextRules.tooLong(emoji.repeat(200), 200)).isFalse();
        assertThat(TextRules.tooLong(emoji.repeat(201), 200)).isTrue();
        assertThat(TextRules.tooLong(null, 0)).isFalse();
    }

    /** A textarea's maxlength counts a line break once; the browser sends it as CR LF. */
    @Test
    void aMultiLineTextCountsALineBreakOnceAsTheBrowserDoes() {
        String typed = ("x".repeat(199) + "\r\n").repeat(10); // 2000 as the browser counts, 2010 UTF-16 units
        assertThat(TextRules.tooLongMultiLine(typed, 2000)).isFalse();
        assertThat(TextRules.tooLongMultiLine(typed + "x", 2000)).isTrue();
        assertThat(TextRules.tooLongMultiLine("\r\n".repeat(5), 5)).isFalse();
        assertThat(TextRules.tooLongMultiLine("\r\n".repeat(6), 5)).isTrue();
        // LF, CR LF, CR LF, CR: four breaks
        assertThat(TextRules.tooLongMultiLine("\n\r".repeat(3), 4)).isFalse();
        assertThat(TextRules.tooLongMultiLine("\n\r".repeat(3), 3)).isTrue();
        assertThat(TextRules.tooLongMultiLine("😀".repeat(200) + "\r\n", 201)).isFalse();
        assertThat(TextRules.tooLongMultiLine("😀".repeat(201) + "\r\n", 201)).isTrue();
        assertThat(TextRules.tooLongMultiLine(null, 0)).isFalse();
    }

    @Test
    void numbersAreAsciiDigitsOnly() {
        assertThat(TextRules.asciiInteger("42")).contains(42L);
        assertThat(TextRules.asciiInteger("-7")).contains(-7L);
        assertThat(TextRules.asciiInteger("+7")).contains(7L);
        for (String bad : new String[] {"٤٢", "４２", "4 2", "", "-", "1.5", "9999999999999999999", null}) {
            assertThat(TextRules.asciiInteger(bad)).as(String.valueOf(bad)).isEmpty();
        }
        assertThat(TextRules.asciiInt("3000000000")).isEmpty();
    }

    @Test
    void aWholeNumberBeyondLongIsSaturatedNotRefused() {
        assertThat(TextRules.asciiIntegerSaturated("42")).contains(42L);
        assertThat(TextRules.asciiIntegerSaturated("-0042")).contains(-42L);
        assertThat(TextRules.asciiIntegerSaturated("+" + "0".repeat(40) + "7")).contains(7L);
        assertThat(TextRules.asciiIntegerSaturated("9223372036854775807")).contains(Long.MAX_VALUE);
        assertThat(TextRules.asciiIntegerSaturated("-9223372036854775808")).contains(Long.MIN_VALUE);
        assertThat(TextRules.asciiIntegerSaturated("9223372036854775808")).contains(Long.MAX_VALUE);
        assertThat(TextRules.asciiIntegerSaturated("99999999999999999999999999")).contains(Long.MAX_VALUE);
        assertThat(TextRules.asciiIntegerSaturated("-99999999999999999999999999")).contains(Long.MIN_VALUE);
        assertThat(TextRules.asciiIntegerSaturated("0".repeat(30))).contains(0L);
        for (String bad : new String[] {"٤٢", "４２", "4 2", "", "-", "+", "1.5", "9".repeat(30) + "x", null}) {
            assertThat(TextRules.asciiIntegerSaturated(bad)).as(String.valueOf(bad)).isEmpty();
        }
    }

    @Test
    void aFieldKeepsItsFirstErrorOnly() {
        Errors errors = new Errors().add("employees", "error.type.number").add("employees", "error.required");
        assertThat(errors.list()).containsExactly(FieldError.of("employees", "error.type.number"));
    }
}
