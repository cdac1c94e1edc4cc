package de.digitalcheck.portal.routing;

import org.junit.jupiter.api.Test;

import java.net.IDN;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The id a short name makes: letters and digits of any script count; Latin short names make the ids they always made;
 * others make "xn--" and their Punycode, told apart as their letters are, always short, lower-case ASCII.
 */
class AgencyShortNamesTest {

    /** Lower-case ASCII letters, digits and dashes, at most 40: safe in an address, one key on H2 and MariaDB. */
    private static void urlSafe(String id) {
        assertThat(id).matches("[a-z0-9-]{1,40}").doesNotStartWith("-").doesNotEndWith("-");
    }

    @Test
    void punycodeIsTheOneOfRfc3492() {
        // the RFC's own samples (7.1: Chinese, Arabic) and the familiar ones of internationalized domain names
        assertThat(Punycode.encode("\u4ed6\u4eec\u4e3a\u4ec0\u4e48\u4e0d\u8bf4\u4e2d\u6587"))
            .isEqualTo("ihqwcrb4cv8a8dqg056pqjye");
        assertThat(Punycode.encode("\u0644\u064a\u0647\u0645\u0627\u0628\u062a\u0643\u0644\u0645\u0648\u0634"
            + "\u0639\u0631\u0628\u064a\u061f")).isEqualTo("egbpdaj6bu4bxfgehfvwxn");
        assertThat(Punycode.encode("bücher")).isEqualTo("bcher-kva");
        assertThat(Punycode.encode("abc")).isEqualTo("abc-");
        // as Java's IDN writes a domain name's label (the labels here need no mapping of their own)
        for (String label : List.of("日本", "ελλαδα", "россия", "मराठी", "한국", "中文-2", "ab-日本")) {
            assertThat("xn--" + Punycode.encode(label)).as(label).isEqualTo(IDN.toASCII(label, IDN.ALLOW_UNASSIGNED));
        }
    }

    @Test
    void latinShortNamesMakeTheIdsTheyAlwaysMade() {
        assertThat(AgencyShortNames.id("EN-Agentur")).isEqualTo("en-agentur");
        assertThat(AgencyShortNames.id("  WF Gevelsberg Süd ")).isEqualTo("wf-gevelsberg-sued");
        assertThat(AgencyShortNames.id("Café & Co.")).isEqualTo("cafe-co");
        assertThat(AgencyShortNames.id("Münster")).isEqualTo("muenster");
        assertThat(AgencyShortNames.id("Munster")).isEqualTo("munster");
        assertThat(AgencyShortNames.id("L".repeat(79) + "A")).isEqualTo("l".repeat(40));
        assertThat(AgencyShortNames.id("!!!")).isEmpty();
        assertThat(AgencyShortNames.id("")).isEmpty();
        assertThat(AgencyShortNames.id(null)).isEmpty();
        // what Unicode does not decompose is spelled, as ä is; an umlaut typed as two code points is the umlaut
        assertThat(AgencyShortNames.id("Łódź Øresund")).isEqualTo("lodz-oeresund");
        assertThat(AgencyShortNames.id("Ma\u0308rkisch")).isEqualTo("maerkisch");
        // a full-width "ＥＮ" is "EN"; invisible characters are nothing, not a gap
        assertThat(AgencyShortNames.id("ＥＮ-Agentur")).isEqualTo("en-agentur");
        assertThat(AgencyShortNames.id("EN-Agen\u00adtur\u200b")).isEqualTo("en-agentur");
    }

    @Test
    void lettersOfAnyScriptMakeAnIdThatIsSafeInAnAddress() {
        assertThat(AgencyShortNames.id("日本")).isEqualTo("xn--wgv71a");
        assertThat(AgencyShortNames.id("Ελλάδα")).isEqualTo(IDN.toASCII("ελλαδα"));
        for (String shortName : List.of("日本", "Ελλάδα", "Россия", "मराठी", "دبي 2", "עברית", "EN 日本", "한국",
            "中".repeat(80), "Ω".repeat(80))) {
            assertThat(AgencyShortNames.hasLetterOrDigit(shortName)).as(shortName).isTrue();
            urlSafe(AgencyShortNames.id(shortName));
            assertThat(AgencyShortNames.id(shortName)).as(shortName).startsWith("xn--");
        }
        assertThat(AgencyShortNames.hasLetterOrDigit("!!! – ***")).isFalse();
        assertThat(AgencyShortNames.hasLetterOrDigit("\u200b\u00ad")).isFalse();
        assertThat(AgencyShortNames.hasLetterOrDigit("٣")).as("an Arabic-Indic digit").isTrue();
    }

    @Test
    void shortNamesThatDifferOnlyByCaseSpacesDashesOrAccentsOfGreekMakeOneId() {
        assertThat(AgencyShortNames.id("ΕΛΛΑΔΑ")).isEqualTo(AgencyShortNames.id("  Ελλάδα "));
        assertThat(AgencyShortNames.id("РОССИЯ")).isEqualTo(AgencyShortNames.id("россия"));
        assertThat(AgencyShortNames.id("日本 - 東京")).isEqualTo(AgencyShortNames.id("日本東京".substring(0, 2) + "–東京"));
        assertThat(AgencyShortNames.id("日本東京")).isNotEqualTo(AgencyShortNames.id("日本 東京"));
        assertThat(AgencyShortNames.id("ΟΔΟΣ")).isEqualTo(AgencyShortNames.id("οδος"));
    }

    @Test
    void differentShortNamesOfOtherScriptsMakeDifferentIds() {
        List<String> names = List.of("日本", "中国", "日本2", "日本 2", "Ελλάδα", "Ελλάς", "Россия", "Росия", "Май", "Маи",
            "कि", "क", "が", "か", "EN 日本", "en", "xn--wgv71a", "中".repeat(80), "中".repeat(79) + "国",
            "中".repeat(40) + "国" + "中".repeat(39));
        Set<String> ids = new HashSet<>();
        for (String name : names) {
            assertThat(ids.add(AgencyShortNames.id(name))).as(name + " → " + AgencyShortNames.id(name)).isTrue();
        }
        // an ASCII id never holds two dashes in a row, so no Latin short name makes one of these
        assertThat(AgencyShortNames.id("xn--wgv71a")).isEqualTo("xn-wgv71a");
    }
}
