package de.digitalcheck.portal.leads;

import de.digitalcheck.portal.readiness.Questionnaires;
import de.digitalcheck.portal.support.CompletedChecks;
import de.digitalcheck.portal.support.Http;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboards and the admin's view of every agency's inbox (issue 13): staff see their own agency's figures
 * (another agency's leads never count), admins any agency's or the network's; the charts are SVG images with a title,
 * a description and a table; admins open any agency's inbox with its filters and CSV, staff and coaches none of it.
 */
@MicronautTest(transactional = false)
class DashboardPagesIntegrationTest extends de.digitalcheck.portal.support.SignedInTests {

    @Inject
    Questionnaires questionnaires;

    Map<String, Http> users;

    @BeforeAll
    void users() {
        users = everyDemoUser("dashboard-");
    }

    private void lead(String company, String postalCode, String email) {
        CompletedChecks.of(questionnaires.current()).named(company).at(postalCode).contact("Dirk Dash", email)
            .sharedWithAgency().submit(new Http(server, json));
    }

    private static long total(String page) {
        Matcher m = Pattern.compile("Anfragen</dt>\\s*<dd class=\"kern-description-list-item__value\">(\\d+)</dd>")
            .matcher(page);
        assertThat(m.find()).as("the total is shown").isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void staffSeeTheirAgencysFiguresAsAccessibleChartsAndNoOtherAgencysLeads() {
        long enBefore = total(users.get("en-staff").get("/agentur/kennzahlen").body());
        long doBefore = total(users.get("do-staff").get("/agentur/kennzahlen").body());
        lead("Kennzahl Kupfer GmbH", "44135", "kupfer@dashboard.example.org");
        lead("Kennzahl Kobalt GmbH", "44137", "kobalt@dashboard.example.org");
        HttpResponse<String> page = users.get("do-staff").get("/agentur/kennzahlen");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(total(page.body())).isEqualTo(doBefore + 2);
        assertThat(total(users.get("en-staff").get("/agentur/kennzahlen").body())).as("not EN's").isEqualTo(enBefore);
        assertThat(page.body()).contains("role=\"img\"", "<title id=\"weeks-title\">Anfragen je Woche</title>",
            "<desc id=\"weeks-desc\">", "aria-labelledby=\"levels-title levels-desc\"", "Als Tabelle anzeigen",
            "Durchschnittlicher Reifegrad je Bereich", "Ganzes Netzwerk", "Zeit bis zum Erstkontakt (Median)")
            .contains("Ergebnisse der Termine")
            .doesNotContain("error-summary", "<script>");
        assertThat(users.get("do-staff").get("/agentur").body()).contains("href=\"/agentur/kennzahlen\"");
        assertThat(users.get("do-coach").get("/agentur/kennzahlen").statusCode()).isIn(401, 403);
        assertThat(new Http(server, json).get("/agentur/kennzahlen").statusCode()).isIn(302, 303, 401);
    }

    /** The values of the levels' chart, in its bars and in its table. */
    private static java.util.List<String> levelValues(String page) {
        String levels = page.substring(page.indexOf("id=\"levels-heading\""));
        levels = levels.substring(0, levels.indexOf("</section>"));
        java.util.List<String> values = new java.util.ArrayList<>();
        Matcher m = Pattern.compile("<text font-size=\"14\"[^>]*>([^<]*)</text>|<td class=\"kern-table__cell\"[^>]*>([^<]*)</td>")
            .matcher(levels);
        while (m.find()) {
            values.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return values;
    }

    /**
     * The English dashboard writes its decimals as English does ("2.0"): it showed the German "2,0" in the average
     * levels' bars and table (and "1,5 hours" as the median time to first contact).
     */
    @Test
    void theEnglishDashboardWritesDecimalsWithAPointAndTheGermanOneWithAComma() {
        lead("Kennzahl Komma GmbH", "44135", "komma@dashboard.example.org");
        Http staff = users.get("do-staff");
        try {
            java.util.List<String> english = levelValues(staff.get("/agentur/kennzahlen?lang=en").body());
            assertThat(english).hasSizeGreaterThanOrEqualTo(24).anyMatch(v -> v.matches("\\d\\.\\d"))
                .allMatch(v -> v.matches("\\d\\.\\d|–"));
            java.util.List<String> german = levelValues(staff.get("/agentur/kennzahlen?lang=de").body());
            assertThat(german).hasSizeGreaterThanOrEqualTo(24).anyMatch(v -> v.matches("\\d,\\d"))
                .allMatch(v -> v.matches("\\d,\\d|–"));
        } finally {
            staff.get("/?lang=de");
        }
    }

    /**
     * The levels' chart counts the self-checks without a noun bent to the number: it said "dunkel die 1 Selbstchecks
     * aus Ihrem Gebiet" / "the 1 self-checks of your territory" for an agency with one check.
     */
    @Test
    void theLevelsChartCountsTheSelfChecksInEveryNumber() {
        Http staff = users.get("do-staff");
        assertThat(staff.get("/agentur/kennzahlen").body()).containsPattern("<desc id=\"levels-desc\">[^<]*"
            + "\\(Zahl der Selbstchecks: \\d+ aus Ihrem Gebiet, \\d+ im ganzen Netzwerk\\)");
        assertThat(users.get("admin").get("/admin/kennzahlen").body()).containsPattern("<desc id=\"levels-desc\">[^<]*"
            + "im ganzen Netzwerk \\(Zahl der Selbstchecks: \\d+\\)");
        try {
            assertThat(staff.get("/agentur/kennzahlen?lang=en").body()).containsPattern("<desc id=\"levels-desc\">[^<]*"
                + "\\(number of self-checks: \\d+ in your territory, \\d+ in the whole network\\)");
        } finally {
            staff.get("/?lang=de");
        }
    }

    @Test
    void adminsSeeAnyAgencyOrTheNetworkAndStaffDoNot() {
        Http admin = users.get("admin");
        HttpResponse<String> network = admin.get("/admin/kennzahlen");
        assertThat(network.statusCode()).isEqualTo(200);
        assertThat(network.body()).contains("Ganzes Netzwerk", "name=\"agency\"");
        assertThat(admin.get("/admin/kennzahlen?agency=en-agentur").body()).contains("EN-Agentur", "Ganzes Netzwerk")
            .doesNotContain("Ihre Wirtschaftsförderung");
        assertThat(admin.get("/admin/kennzahlen?agency=").statusCode()).as("none chosen: the network").isEqualTo(200);
        assertThat(users.get("do-staff").get("/admin/kennzahlen").statusCode()).isEqualTo(403);
    }

    /**
     * The admin's dashboard of an agency names the agency in the levels' chart: it said "dunkel Ihr Gebiet … aus Ihrem
     * Gebiet" to an admin, whose territory it is not. The agency's staff still read "Ihr Gebiet".
     */
    @Test
    void theAdminsDashboardOfAnAgencyNamesItsTerritoryNotTheAdminsOwn() {
        Http admin = users.get("admin");
        String page = admin.get("/admin/kennzahlen?agency=en-agentur").body();
        Matcher desc = Pattern.compile("<desc id=\"levels-desc\">([^<]*)</desc>").matcher(page);
        assertThat(desc.find()).isTrue();
        assertThat(desc.group(1)).contains("dunkel das Gebiet von EN-Agentur", "aus dem Gebiet von EN-Agentur")
            .doesNotContain("Ihr Gebiet", "Ihrem Gebiet");
        try {
            assertThat(admin.get("/admin/kennzahlen?agency=en-agentur&lang=en").body()).containsPattern(
                "<desc id=\"levels-desc\">[^<]*dark the territory of EN-Agentur[^<]*in the territory of EN-Agentur")
                .doesNotContain("your territory");
        } finally {
            admin.get("/?lang=de");
        }
        assertThat(users.get("en-staff").get("/agentur/kennzahlen").body())
            .containsPattern("<desc id=\"levels-desc\">[^<]*dunkel Ihr Gebiet");
    }

    /**
     * An agency in the address that does not exist, or more than one, is {@code 400} with the reason in the reader's
     * language and the network's figures (as the inbox refuses a filter value it does not know with {@code 400}): it
     * was a bare 404 "page not found" for a page that exists.
     */
    @Test
    void aWrongOrRepeatedAgencyOnTheAdminsDashboardIsRefusedWithTheReason() {
        Http admin = users.get("admin");
        HttpResponse<String> unknown = admin.get("/admin/kennzahlen?agency=nope");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("id=\"error-summary\"", "Angabe in der Adresse nicht verstanden",
            "Die Wirtschaftsförderung in der Adresse gibt es nicht (oder nicht mehr)", "name=\"agency\"")
            .containsPattern("<title>Angabe in der Adresse nicht verstanden – Kennzahlen");
        assertThat(total(unknown.body())).as("the network's figures").isEqualTo(total(admin.get("/admin/kennzahlen").body()));
        HttpResponse<String> repeated = admin.get("/admin/kennzahlen?agency=en-agentur&agency=wf-dortmund");
        assertThat(repeated.statusCode()).isEqualTo(400);
        assertThat(repeated.body()).contains("Die Adresse nennt mehr als eine Wirtschaftsförderung");
        assertThat(admin.get("/admin/kennzahlen?agency=en-agentur&agency=en-agentur").statusCode())
            .as("the same one twice is still two").isEqualTo(400);
        try {
            HttpResponse<String> english = admin.get("/admin/kennzahlen?agency=nope&lang=en");
            assertThat(english.statusCode()).isEqualTo(400);
            assertThat(english.body()).contains("The agency in the address does not exist");
        } finally {
            admin.get("/?lang=de");
        }
        assertThat(admin.get("/admin/kennzahlen?agency=en-agentur").body()).doesNotContain("error-summary");
    }

    /**
     * The fallback queue's choice of an agency's inbox ({@code /admin/leads/agentur?agency=}) with an agency that does
     * not exist, none, or more than one: {@code 400} with the reason in the reader's language and the fallback queue's
     * page with its chooser, as the dashboard's {@code agency=} (it was a bare 404 "page not found").
     */
    @Test
    void aWrongMissingOrRepeatedAgencyInTheAdminsInboxChoiceIsRefusedWithTheReason() {
        Http admin = users.get("admin");
        HttpResponse<String> unknown = admin.get("/admin/leads/agentur?agency=nope");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("id=\"error-summary\"", "Angabe in der Adresse nicht verstanden",
                "Die Wirtschaftsförderung in der Adresse gibt es nicht (oder nicht mehr)",
                "action=\"/admin/leads/agentur\"", "name=\"agency\"", "value=\"wf-dortmund\"")
            .containsPattern("<title>Angabe in der Adresse nicht verstanden – Anfragen ohne zuständige");
        HttpResponse<String> repeated = admin.get("/admin/leads/agentur?agency=en-agentur&agency=wf-dortmund");
        assertThat(repeated.statusCode()).isEqualTo(400);
        assertThat(repeated.body()).contains("Die Adresse nennt mehr als eine Wirtschaftsförderung");
        assertThat(admin.get("/admin/leads/agentur?agency=en-agentur&agency=en-agentur").statusCode())
            .as("the same one twice is still two").isEqualTo(400);
        for (String none : java.util.List.of("/admin/leads/agentur", "/admin/leads/agentur?agency=",
            "/admin/leads/agentur?agency=%20")) {
            HttpResponse<String> missing = admin.get(none);
            assertThat(missing.statusCode()).as(none).isEqualTo(400);
            assertThat(missing.body()).as(none).contains("Die Adresse nennt keine Wirtschaftsförderung");
        }
        try {
            HttpResponse<String> english = admin.get("/admin/leads/agentur?agency=nope&lang=en");
            assertThat(english.statusCode()).isEqualTo(400);
            assertThat(english.body())
                .contains("The agency in the address does not exist", "Leads without a responsible agency")
                .doesNotContain("Die Wirtschaftsförderung");
        } finally {
            admin.get("/?lang=de");
        }
        // a known one, also with blanks around it, still opens its inbox; the queue's own page has no note
        HttpResponse<String> chosen = admin.get("/admin/leads/agentur?agency=%20en-agentur%20");
        assertThat(chosen.statusCode()).isEqualTo(303);
        assertThat(chosen.headers().firstValue("Location")).hasValue("/admin/agenturen/en-agentur/leads");
        assertThat(admin.get("/admin/leads").body()).doesNotContain("error-summary");
        assertThat(users.get("do-staff").get("/admin/leads/agentur?agency=nope").statusCode()).isEqualTo(403);
    }

    @Test
    void adminsOpenEveryAgencysInboxWithItsFiltersAndCsv() {
        lead("Admin Sicht Dortmund AG", "44139", "sicht-do@dashboard.example.org");
        lead("Admin Sicht Witten AG", "58452", "sicht-en@dashboard.example.org");
        Http admin = users.get("admin");
        HttpResponse<String> chosen = admin.get("/admin/leads/agentur?agency=wf-dortmund");
        assertThat(chosen.statusCode()).isEqualTo(303);
        assertThat(chosen.headers().firstValue("Location")).hasValue("/admin/agenturen/wf-dortmund/leads");
        String inbox = admin.get("/admin/agenturen/wf-dortmund/leads").body();
        assertThat(inbox).contains("Admin Sicht Dortmund AG", "/admin/agenturen/wf-dortmund/leads/")
            .doesNotContain("Admin Sicht Witten AG");
        assertThat(admin.get("/admin/agenturen/wf-dortmund/leads?status=WON").body()).doesNotContain("Admin Sicht Dortmund AG");
        assertThat(admin.get("/admin/agenturen/wf-dortmund/leads?status=EVIL").statusCode()).isEqualTo(400);
        assertThat(admin.get("/admin/agenturen/nope/leads").statusCode()).isEqualTo(404);
        byte[] csv = admin.getBytes("/admin/agenturen/en-agentur/leads.csv").body();
        assertThat(new String(csv, java.nio.charset.StandardCharsets.UTF_8)).contains("Admin Sicht Witten AG")
            .doesNotContain("Admin Sicht Dortmund AG");
        assertThat(admin.get("/admin/leads").body()).contains("action=\"/admin/leads/agentur\"");
        assertThat(users.get("do-staff").get("/admin/agenturen/wf-dortmund/leads").statusCode()).isEqualTo(403);
        assertThat(users.get("en-staff").getBytes("/admin/agenturen/wf-dortmund/leads.csv").statusCode()).isEqualTo(403);
    }

    /** The options of the inbox's "Zuständig" filter, as value=label. */
    private static java.util.List<String> assigneeOptions(String page) {
        Matcher select = Pattern.compile("<select[^>]*id=\"f-assignee\"[^>]*>(.*?)</select>", Pattern.DOTALL)
            .matcher(page);
        assertThat(select.find()).as("the assignee filter").isTrue();
        java.util.List<String> options = new java.util.ArrayList<>();
        Matcher m = Pattern.compile("<option value=\"([^\"]*)\"[^>]*>([^<]*)</option>").matcher(select.group(1));
        while (m.find()) {
            options.add(m.group(1) + "=" + m.group(2));
        }
        return options;
    }

    /**
     * The admin's view of an agency's inbox offers the agency's people in the "Zuständig" filter, as its staff see them,
     * and no "mir": it offered "mir" (the admin, to whom no lead of the agency is ever assigned: an empty inbox) and
     * none of the agency's people. {@code assignee=me} is no filter of the admin's page (400, as any value it does not
     * offer); an agency's person is.
     */
    @Test
    void theAdminsInboxFiltersByTheAgencysPeopleAndNotByMe() {
        Http admin = users.get("admin");
        java.util.List<String> staffs = assigneeOptions(users.get("do-staff").get("/agentur/leads").body());
        assertThat(staffs).contains("me=mir", "-=niemandem");
        assertThat(staffs).anyMatch(o -> o.contains("Doris Dortmund")).anyMatch(o -> o.contains("Dominik Coach"));
        HttpResponse<String> page = admin.get("/admin/agenturen/wf-dortmund/leads");
        assertThat(page.statusCode()).isEqualTo(200);
        java.util.List<String> admins = assigneeOptions(page.body());
        assertThat(admins).as("the staff's choice without \"mir\"")
            .isEqualTo(staffs.stream().filter(o -> !o.startsWith("me=")).toList());
        assertThat(admins).noneMatch(o -> o.contains("Nora Netzwerk") || o.contains("Emil Ennepe"));
        String doris = staffs.stream().filter(o -> o.contains("Doris Dortmund")).findFirst().orElseThrow().split("=")[0];
        HttpResponse<String> byDoris = admin.get("/admin/agenturen/wf-dortmund/leads?assignee=" + doris);
        assertThat(byDoris.statusCode()).isEqualTo(200);
        assertThat(byDoris.body()).containsPattern("<option value=\"" + doris + "\"\\s+selected=\"selected\"");
        assertThat(admin.get("/admin/agenturen/wf-dortmund/leads?assignee=me").statusCode()).isEqualTo(400);
        assertThat(admin.getBytes("/admin/agenturen/wf-dortmund/leads.csv?assignee=me").statusCode()).isEqualTo(400);
        assertThat(admin.getBytes("/admin/agenturen/wf-dortmund/leads.csv?assignee=" + doris).statusCode())
            .isEqualTo(200);
        assertThat(admin.get("/admin/agenturen/en-agentur/leads?assignee=" + doris).statusCode())
            .as("another agency's person").isEqualTo(400);
        assertThat(users.get("do-staff").get("/agentur/leads?assignee=me").statusCode()).as("staff keep \"mir\"")
            .isEqualTo(200);
    }
}
