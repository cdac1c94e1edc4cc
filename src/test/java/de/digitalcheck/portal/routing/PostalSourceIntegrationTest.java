package de.digitalcheck.portal.routing;

import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.SignedInTests;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The postal-code table is OpenStreetMap data under the ODbL 1.0, which asks for its source wherever its content is
 * shown: the routing API named it, but the pages that list its municipalities and districts (the admin's territory
 * search, the agency's territories, the check's choice of municipality) did not. Each now says where the names come
 * from and links the licence; a page that shows none of them does not.
 */
@MicronautTest(transactional = false)
class PostalSourceIntegrationTest extends SignedInTests {

    private static final String LINK = "href=\"/lizenzen#odbl\"";
    private static final String GERMAN = "Postleitzahlen und Gemeinden: © OpenStreetMap-Mitwirkende, Open Database License (ODbL) 1.0.";

    Map<String, Http> users;

    @BeforeAll
    void users() {
        users = everyDemoUser("postal-source-");
    }

    @Test
    void theAdminsTerritorySearchNamesTheSourceOfItsResults() {
        Http admin = users.get("admin");
        assertThat(admin.get("/admin/gebiete?agencyId=en-agentur&suche=Witten").body()).contains("Ennepe-Ruhr-Kreis",
            GERMAN, LINK);
        assertThat(admin.get("/admin/gebiete?agencyId=en-agentur&suche=Witten&lang=en").body()).contains(
            "Postal codes and municipalities: © OpenStreetMap contributors, Open Database License (ODbL) 1.0.",
            "Licence and source", LINK);
        admin.get("/admin?lang=de");
        // no search, no names from the table: no source either
        assertThat(admin.get("/admin/gebiete").body()).doesNotContain(LINK);
    }

    @Test
    void theAgencysTerritoriesNameTheirSource() {
        assertThat(users.get("en-staff").get("/agentur").body()).contains("Ennepe-Ruhr-Kreis", GERMAN, LINK);
    }

    @Test
    void theChecksChoiceOfMunicipalityNamesItsSource() {
        Http company = new Http(server, json);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", "Quelle GmbH");
        form.put("postalCode", "40472");
        form.put("sector", "C");
        form.put("employees", "42");
        form.put("companyType", "OWN_PRODUCTS");
        company.get("/check");
        HttpResponse<String> choice = company.postForm("/check", form);
        assertThat(choice.body()).contains("Ratingen (Kreis Mettmann)", GERMAN, LINK);
    }
}
