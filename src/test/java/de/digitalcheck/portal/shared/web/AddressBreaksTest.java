package de.digitalcheck.portal.shared.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hint's web address breaks after "/", "." and the like ({@code <wbr>}), not inside a word; the rest of the text is
 * escaped as {@code th:text} escapes it, and gets no break opportunity of its own.
 */
class AddressBreaksTest {

    @Test
    void anAddressBreaksAfterSlashesAndDotsButNotBetweenTheSchemesSlashes() {
        assertThat(AddressBreaks.html("Zum Beispiel https://crm.example.org/hooks/digitalcheck"))
            .isEqualTo("Zum Beispiel https://<wbr>crm.<wbr>example.<wbr>org/<wbr>hooks/<wbr>digitalcheck");
        assertThat(AddressBreaks.html("http://a-b.example.org/x?y=1&z=2#top"))
            .isEqualTo("http://<wbr>a-<wbr>b.<wbr>example.<wbr>org/<wbr>x?<wbr>y=<wbr>1&amp;<wbr>z=<wbr>2#<wbr>top");
    }

    @Test
    void theSentencesPunctuationIsNoPartOfTheAddress() {
        assertThat(AddressBreaks.html("Siehe https://example.org/a. Danach (https://example.org/b), fertig!"))
            .isEqualTo("Siehe https://<wbr>example.<wbr>org/<wbr>a. Danach (https://<wbr>example.<wbr>org/<wbr>b), "
                + "fertig!");
    }

    @Test
    void textOutsideAddressesIsEscapedAndLeftAlone() {
        assertThat(AddressBreaks.html("z. B. 1.500 Zeichen, und/oder <b>fett</b> & \"so\""))
            .isEqualTo("z. B. 1.500 Zeichen, und/oder &lt;b&gt;fett&lt;/b&gt; &amp; &quot;so&quot;")
            .doesNotContain("<wbr>");
        assertThat(AddressBreaks.html("https://example.org/<script>alert(1)</script>"))
            .doesNotContain("<script>").startsWith("https://<wbr>example.<wbr>org/&lt;script&gt;alert(1)");
        assertThat(AddressBreaks.html(null)).isNull();
        assertThat(AddressBreaks.html("")).isEmpty();
    }

    /**
     * An e-mail address in a sentence or a contact line is an address: marked ({@code .dc-address}: never hyphenated,
     * breaking where it must) and breakable after "@" and each "."; the sentence's full stop stays outside, and what is
     * around it is escaped.
     */
    @Test
    void anEmailAddressIsMarkedAsAnAddressAndBreaksAfterTheAtSignAndItsDots() {
        assertThat(AddressBreaks.html("Der Bericht ist unterwegs an rita.r@giesserei.example.org."))
            .isEqualTo("Der Bericht ist unterwegs an <span class=\"dc-address\">rita.<wbr>r@<wbr>giesserei.<wbr>example."
                + "<wbr>org</span>.");
        assertThat(AddressBreaks.html("Tina Termin · t+x@m\u00fcller-bau.example.org · +49 231 1234"))
            .isEqualTo("Tina Termin · <span class=\"dc-address\">t+x@<wbr>m\u00fcller-bau.<wbr>example.<wbr>org</span>"
                + " · +49 231 1234");
        assertThat(AddressBreaks.html("an „a&b@example.org“ <i>"))
            .isEqualTo("an „<span class=\"dc-address\">a&amp;b@<wbr>example.<wbr>org</span>“ &lt;i&gt;");
        // no address: no mark (an at sign alone, a domain without a dot)
        assertThat(AddressBreaks.html("Treffen @ 10 Uhr, root@localhost")).doesNotContain("dc-address", "<wbr>");
        // a web address keeps its own breaks, also with an at sign in it
        assertThat(AddressBreaks.html("https://example.org/@team")).isEqualTo("https://<wbr>example.<wbr>org/<wbr>@team");
    }
}
