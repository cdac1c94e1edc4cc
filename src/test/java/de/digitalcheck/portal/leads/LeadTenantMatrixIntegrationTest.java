package de.digitalcheck.portal.leads;

import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.leads.internal.AccessTokens;
import de.digitalcheck.portal.leads.internal.LeadAssignment;
import de.digitalcheck.portal.leads.internal.LeadStages;
import de.digitalcheck.portal.leads.internal.LeadWork;
import de.digitalcheck.portal.readiness.Questionnaires;
import de.digitalcheck.portal.shared.security.Role;
import de.digitalcheck.portal.support.CompletedChecks;
import de.digitalcheck.portal.support.Database;
import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.SignedInTests;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tenant matrix of issue 13: every lead-related page, export and API route, called by staff of agency A (Dortmund),
 * a coach of A the lead is not assigned to, the coach it is assigned to, staff and a coach of agency B (EN-Agentur), a
 * network admin, an anonymous caller, and tokens of A (valid, revoked, expired, made to read only) and of B. Each answer is what the rules
 * say (the webhook settings included: staff of B change only their own) — 200 (or 303 after a write) for whom the object is, 404 for another tenant (or a list without the object), 401
 * for the API without a valid token, 403 or the sign-in page for a wrong role (and for a change with a token made to
 * read) — and after every refused write nothing
 * changed: lead A's stage, assignee, version and audit trail, lead B, and the tokens.
 */
@MicronautTest(transactional = false)
class LeadTenantMatrixIntegrationTest extends SignedInTests {

    /** ALLOW: the caller's object; HIDDEN: another tenant's (404, or a list without it); OWN: the caller acts on its
     *  own agency's settings (agency A's stay as they were); DENY: a refusal (401, 403 or the sign-in page). */
    enum Rule { ALLOW, HIDDEN, OWN, DENY }

    static final String COMPANY = "Tenant Matrix A GmbH";
    static final String TOKEN_NAME = "Matrix-Token-A";

    @Inject
    Questionnaires questionnaires;
    @Inject
    Accounts accounts;
    @Inject
    AccessTokens tokens;
    @Inject
    LeadAssignment assignment;
    @Inject
    de.digitalcheck.portal.leads.internal.Webhooks webhooks;
    @Inject
    de.digitalcheck.portal.leads.internal.WebhookDispatcher dispatcher;
    @Inject
    de.digitalcheck.portal.leads.internal.LeadForwarding forwarding;
    @Inject
    javax.sql.DataSource dataSource;

    final Map<String, Http> actors = new LinkedHashMap<>();
    final Map<String, String[]> headers = new LinkedHashMap<>();
    Database db;
    String leadA;
    String leadB;
    String leadToForward;
    /** A lead of A that A's staff forwarded to Bochum before the matrix: A's departure. */
    String leadAway;
    /** A lead of the network's fallback queue (Berlin): only a network admin closes it. */
    String leadFallback;
    String staffA;
    String tokenIdB;
    String spareTokenA;

    /** A route: how to call it for an actor, who it is for, and whether it writes. */
    record Route(String name, Function<String, HttpResponse<String>> call, Map<String, Rule> rules, boolean list,
                 boolean writes) {
        Rule rule(String actor) {
            return rules.getOrDefault(actor, Rule.DENY);
        }
    }

    /** A token of staff A made to read only: A's lists and leads, but no change. */
    static final String READ_TOKEN = "read token A";

    @BeforeAll
    void tenants() throws Exception {
        db = new Database(dataSource);
        Http company = new Http(server, json);
        leadA = (String) ((Map<?, ?>) CompletedChecks.of(questionnaires.current()).named(COMPANY).at("44135")
            .contact("Tina Tenant", "tina@tenant-a.example.org").sharedWithAgency().submit(company).document().get("lead"))
            .get("id");
        leadB = (String) ((Map<?, ?>) CompletedChecks.of(questionnaires.current()).named("Tenant Matrix B GmbH").at("58452")
            .contact("Tom Tenant", "tom@tenant-b.example.org").sharedWithAgency().submit(company).document().get("lead"))
            .get("id");
        leadToForward = (String) ((Map<?, ?>) CompletedChecks.of(questionnaires.current()).named("Tenant Matrix F GmbH")
            .at("44135").contact("Fred Forward", "fred@tenant-f.example.org").sharedWithAgency().submit(company).document()
            .get("lead")).get("id");
        leadAway = (String) ((Map<?, ?>) CompletedChecks.of(questionnaires.current()).named("Tenant Matrix W GmbH")
            .at("44135").contact("Wanda Weg", "wanda@tenant-w.example.org").sharedWithAgency().submit(company).document()
            .get("lead")).get("id");
        leadFallback = (String) ((Map<?, ?>) CompletedChecks.of(questionnaires.current()).named("Tenant Matrix Berlin GmbH")
            .at("10115").contact("Bert Berlin", "bert@tenant-fallback.example.org").sharedWithAgency().submit(company)
            .document().get("lead")).get("id");
        Map<String, Http> demo = everyDemoUser("tenant-matrix-");
        accounts.addUnlessPresent(List.of(new Accounts.NewAccount("coach2@dortmund.example.org", "Zora Zweitcoach",
            Role.COACH, "wf-dortmund")));
        staffA = accounts.byEmail("staff@dortmund.example.org").orElseThrow().id();
        String staffB = accounts.byEmail("staff@en-agentur.example.org").orElseThrow().id();
        String assignee = accounts.byEmail("coach@dortmund.example.org").orElseThrow().id();
        assignment.assign("wf-dortmund", leadA, 0, assignee, null, new LeadWork.Actor(staffA, "Doris Dortmund"));
        forwarding.forward("wf-dortmund", false, leadAway, 0, "weg-bochum", "Matrix", new LeadWork.Actor(staffA,
            "Doris Dortmund"));

        String until = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(20).toString();
        String tokenA = tokens.create("wf-dortmund", staffA, "Doris Dortmund", TOKEN_NAME, until).token();
        AccessTokens.Created b = tokens.create("en-agentur", staffB, "Emil Ennepe", "Matrix-Token-B", until);
        tokenIdB = b.row().id();
        spareTokenA = tokens.create("wf-dortmund", staffA, "Doris Dortmund", "Matrix-spare", until).row().id();
        AccessTokens.Created revoked = tokens.create("wf-dortmund", staffA, "Doris Dortmund", "Matrix-revoked", until);
        tokens.revoke("wf-dortmund", revoked.row().id());
        AccessTokens.Created expired = tokens.create("wf-dortmund", staffA, "Doris Dortmund", "Matrix-expired", until);
        String readA = tokens.create("wf-dortmund", staffA, "Doris Dortmund", "Matrix-read", until, AccessTokens.READ, null)
            .token();
        db.execute("UPDATE api_token SET expires_at = ? WHERE id = ?",
            java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60)), expired.row().id());

        dispatcher.awaitWakeUps(); // the consents' lead events relayed before the matrix counts A's deliveries
        webhooks.remove("en-agentur");
        webhooks.setUrl("wf-dortmund", "http://127.0.0.1:9/tenant-matrix-hook");

        actors.put("staff A", demo.get("do-staff"));
        actors.put("coach A (not assignee)", as("tenant-matrix-coach2", "coach2@dortmund.example.org"));
        actors.put("assignee coach A", demo.get("do-coach"));
        actors.put("staff B", demo.get("en-staff"));
        actors.put("coach B", demo.get("en-coach"));
        actors.put("network admin", demo.get("admin"));
        actors.put("anonymous", new Http(server, json));
        for (Map.Entry<String, String> token : Map.of("token A", tokenA, "token B", b.token(),
            "revoked token A", revoked.token(), "expired token A", expired.token(), READ_TOKEN, readA).entrySet()) {
            actors.put(token.getKey(), new Http(server, json));
            headers.put(token.getKey(), new String[] {"Authorization", "Bearer " + token.getValue()});
        }
    }

    /** The version of the secret on the actor's own webhook page (the rotation form's), empty where there is none. */
    String secretVersion(String actor) {
        try {
            return Http.hidden(actors.get(actor).get("/agentur/leads", auth(actor)).body(), "/agentur/webhook/rotieren", "version");
        } catch (IllegalStateException e) {
            return "";
        }
    }

    String[] auth(String actor) {
        return headers.getOrDefault(actor, new String[0]);
    }

    int version(String lead) {
        return ((Number) db.value("SELECT lock_version FROM agency_lead WHERE id = ?", lead)).intValue();
    }

    String nextStage() {
        String stage = (String) db.value("SELECT stage FROM agency_lead WHERE id = ?", leadA);
        return LeadStages.next(stage).get(0);
    }

    List<Route> routes() {
        Map<String, Rule> staff = Map.of("staff A", Rule.ALLOW, "staff B", Rule.HIDDEN);
        Map<String, Rule> coach = Map.of("assignee coach A", Rule.ALLOW, "coach A (not assignee)", Rule.HIDDEN,
            "coach B", Rule.HIDDEN);
        Map<String, Rule> api = Map.of("token A", Rule.ALLOW, READ_TOKEN, Rule.ALLOW, "token B", Rule.HIDDEN);
        // a token made to read only: refused with 403 before the lead is looked at
        Map<String, Rule> apiChange = Map.of("token A", Rule.ALLOW, "token B", Rule.HIDDEN);
        String assignee = accounts.byEmail("coach@dortmund.example.org").orElseThrow().id();
        List<Route> routes = new ArrayList<>();
        routes.add(new Route("GET /agentur/leads", a -> actors.get(a).get("/agentur/leads", auth(a)), staff, true, false));
        routes.add(new Route("GET /agentur/leads?assignee={coach A}",
            a -> actors.get(a).get("/agentur/leads?assignee=" + assignee, auth(a)),
            staff, true, false));
        routes.add(new Route("GET /agentur/leads.csv", a -> actors.get(a).get("/agentur/leads.csv", auth(a)), staff, true, false));
        routes.add(new Route("GET /agentur/leads/{id}", a -> actors.get(a).get("/agentur/leads/" + leadA, auth(a)), staff,
            false, false));
        routes.add(new Route("POST /agentur/leads/{id}/status", a -> actors.get(a).postForm("/agentur/leads/" + leadA
            + "/status", Map.of("stage", nextStage(), "version", String.valueOf(version(leadA)), "note", "Matrix"), auth(a)),
            staff, false, true));
        routes.add(new Route("POST /agentur/leads/{id}/zuweisen", a -> actors.get(a).postForm("/agentur/leads/" + leadA
            + "/zuweisen", Map.of("assignee", assignee, "version", String.valueOf(version(leadA)), "note", "Matrix"), auth(a)),
            staff, false, true));
        routes.add(new Route("GET /agentur/api-zugaenge", a -> actors.get(a).get("/agentur/api-zugaenge", auth(a)), staff,
            true, false));
        routes.add(new Route("POST /agentur/api-zugaenge", a -> actors.get(a).postForm("/agentur/api-zugaenge",
            Map.of("name", "Matrix-created", "expires", LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(5).toString(),
                "access", "READ"),
            auth(a)), Map.of("staff A", Rule.ALLOW, "staff B", Rule.ALLOW), false, true));
        routes.add(new Route("POST /agentur/api-zugaenge/{id}/widerrufen (A's spare token)", a -> actors.get(a).postForm(
            "/agentur/api-zugaenge/" + spareTokenA + "/widerrufen", Map.of(), auth(a)), staff, false, true));
        Map<String, Rule> webhook = Map.of("staff A", Rule.ALLOW, "staff B", Rule.OWN);
        routes.add(new Route("POST /agentur/webhook", a -> actors.get(a).postForm("/agentur/webhook",
            Map.of("url", "http://127.0.0.1:9/hook-" + a.replace(' ', '-')), auth(a)), webhook, false, true));
        routes.add(new Route("POST /agentur/webhook/rotieren", a -> actors.get(a).postForm("/agentur/webhook/rotieren",
            Map.of("version", secretVersion(a)), auth(a)), webhook, false, true));
        routes.add(new Route("POST /agentur/webhook/test", a -> actors.get(a).postForm("/agentur/webhook/test",
            Map.of(), auth(a)), webhook, false, true));
        routes.add(new Route("POST /agentur/webhook/erneut-senden", a -> actors.get(a).postForm(
            "/agentur/webhook/erneut-senden", Map.of("since", "30"), auth(a)), webhook, false, true));
        // the addresses of a lead form's answer loaded again from the address bar: the lead's page (303), for A only
        for (String form : List.of("status", "zuweisen", "weiterleiten")) {
            routes.add(new Route("GET /agentur/leads/{id}/" + form, a -> actors.get(a).get("/agentur/leads/" + leadA + "/"
                + form, auth(a)), staff, false, false));
        }
        // the addresses of the webhook forms' answers loaded again from the address bar: the settings page (303)
        for (String address : List.of("/agentur/webhook", "/agentur/webhook/rotieren", "/agentur/webhook/test",
            "/agentur/webhook/erneut-senden")) {
            routes.add(new Route("GET " + address, a -> actors.get(a).get(address, auth(a)), webhook, false, false));
        }
        routes.add(new Route("POST /agentur/webhook/entfernen", a -> actors.get(a).postForm("/agentur/webhook/entfernen",
            Map.of(), auth(a)), webhook, false, true));
        routes.add(new Route("GET /coach/leads", a -> actors.get(a).get("/coach/leads", auth(a)), coach, true, false));
        routes.add(new Route("GET /coach/leads/{id}", a -> actors.get(a).get("/coach/leads/" + leadA, auth(a)), coach,
            false, false));
        routes.add(new Route("GET /api/v1/agency/leads", a -> actors.get(a).get("/api/v1/agency/leads?limit=200", auth(a)),
            api, true, false));
        routes.add(new Route("GET /api/v1/agency/forwarded-leads", a -> actors.get(a).get(
            "/api/v1/agency/forwarded-leads?limit=200", auth(a)), api, true, false));
        routes.add(new Route("GET /api/v1/agency/leads/{id}", a -> actors.get(a).get("/api/v1/agency/leads/" + leadA,
            auth(a)), api, false, false));
        routes.add(new Route("PATCH /api/v1/agency/leads/{id}", a -> {
            String[] h = auth(a);
            String[] all = java.util.Arrays.copyOf(h, h.length + 4);
            all[h.length] = "Content-Type";
            all[h.length + 1] = "application/json";
            all[h.length + 2] = "If-Match";
            all[h.length + 3] = "\"" + version(leadA) + "\"";
            return actors.get(a).send("PATCH", "/api/v1/agency/leads/" + leadA, "{\"status\":\"" + nextStage() + "\"}", all);
        }, apiChange, false, true));
        routes.add(new Route("GET /agentur/leads/{id}/bericht.pdf", a -> actors.get(a).get("/agentur/leads/" + leadA
            + "/bericht.pdf", auth(a)), staff, false, false));
        routes.add(new Route("GET /agentur/leads/weitergeleitet", a -> actors.get(a).get(
            "/agentur/leads/weitergeleitet?anfrage=" + leadAway, auth(a)),
            Map.of("staff A", Rule.OWN, "staff B", Rule.OWN),
            false, false));
        // the fallback queue's lead: a network admin closes it; every other caller is refused and changes nothing
        routes.add(new Route("POST /admin/leads/{id}/status", a -> actors.get(a).postForm("/admin/leads/" + leadFallback
            + "/status", Map.of("stage", "REJECTED", "note", "Matrix", "version", String.valueOf(version(leadFallback))),
            auth(a)), Map.of("network admin", Rule.ALLOW), false, true));
        // last: staff A's forward moves this lead to Bochum; every other caller is refused and changes nothing
        routes.add(new Route("POST /agentur/leads/{id}/weiterleiten", a -> actors.get(a).postForm("/agentur/leads/"
            + leadToForward + "/weiterleiten", Map.of("agency", "weg-bochum", "reason", "Matrix",
            "version", String.valueOf(version(leadToForward))), auth(a)), staff, false, true));
        return routes;
    }

    @Test
    void everyLeadRouteAnswersEachTenantAndCallerAsTheRulesSay() {
        List<String> failures = new ArrayList<>();
        int cells = 0;
        for (Route route : routes()) {
            for (String actor : actors.keySet()) {
                String before = snapshot();
                HttpResponse<String> answer = route.call().apply(actor);
                String outcome = judge(route, actor, answer);
                if (outcome != null) {
                    failures.add(route.name() + " as " + actor + ": " + outcome);
                }
                if (route.writes() && route.rule(actor) != Rule.ALLOW && !before.equals(snapshot())) {
                    // OWN: B's settings may change, never A's, nor A's lead
                    failures.add(route.name() + " as " + actor + " changed something: " + before + " → " + snapshot());
                }
                cells++;
            }
        }
        System.out.println("Lead tenant matrix: " + routes().size() + " routes × " + actors.size() + " callers = "
            + cells + " calls");
        assertThat(failures).isEmpty();
        assertThat(cells).isEqualTo(31 * 12);
        assertThat(db.value("SELECT stage FROM agency_lead WHERE id = ?", leadFallback))
            .as("closed by the network admin only").isEqualTo("REJECTED");
        assertThat(db.value("SELECT agency_id FROM agency_lead WHERE id = ?", leadFallback))
            .as("still the fallback queue's").isNull();
        assertThat(db.value("SELECT agency_id FROM agency_lead WHERE id = ?", leadToForward))
            .as("forwarded by A's staff only").isEqualTo("weg-bochum");
        assertThat(db.value("SELECT COUNT(*) FROM webhook_endpoint WHERE agency_id = 'wf-dortmund'").toString())
            .as("A's endpoint was removed by A's staff, last").isEqualTo("0");
        assertThat(db.rows("SELECT agency_id, account_id FROM api_token WHERE name = 'Matrix-created' ORDER BY agency_id"))
            .as("a token is made in the creator's own agency only").containsExactly(
                Map.of("agency_id", "en-agentur", "account_id", accounts.byEmail("staff@en-agentur.example.org")
                    .orElseThrow().id()), Map.of("agency_id", "wf-dortmund", "account_id", staffA));
        assertThat(db.value("SELECT revoked_at FROM api_token WHERE id = ?", tokenIdB)).as("B's token untouched").isNull();
        assertThat(version(leadB)).as("agency B's lead was never changed").isZero();
        assertThat(db.value("SELECT COUNT(*) FROM lead_audit WHERE lead_id = ?", leadB).toString()).isEqualTo("0");
        assertThat(version(leadA)).as("A's lead: the assignment, then each allowed write once").isEqualTo(4);
        assertThat(db.value("SELECT revoked_at FROM api_token WHERE id = ?", spareTokenA)).as("revoked by A's staff").isNotNull();
    }

    /** What is wrong with the answer, or null. */
    private String judge(Route route, String actor, HttpResponse<String> answer) {
        int status = answer.statusCode();
        String location = answer.headers().firstValue("Location").orElse("");
        String body = answer.body() == null ? "" : answer.body();
        String marker = route.name().contains("api-zugaenge") ? TOKEN_NAME
            : route.name().contains("forwarded-leads") ? leadAway : route.name().startsWith("GET /api") ? leadA : COMPANY;
        boolean api = route.name().contains(" /api/");
        if (route.name().matches("GET /agentur/leads/\\{id}/(status|zuweisen|weiterleiten)")
            && route.rule(actor) == Rule.ALLOW) {
            return status == 303 && location.equals("/agentur/leads/" + leadA) ? null
                : "expected 303 to the lead's page, got " + status + " " + location;
        }
        if (route.name().startsWith("GET /agentur/webhook") && route.rule(actor) != Rule.DENY) {
            return status == 303 && location.equals("/agentur/leads#webhook-title") ? null
                : "expected 303 to the webhook's settings, got " + status + " " + location;
        }
        return switch (route.rule(actor)) {
            case ALLOW -> route.writes() ? (status == 303 || status == 200 ? null : "expected a change, got " + status + " " + body)
                : status == 200 && (route.name().endsWith(".pdf") ? body.startsWith("%PDF") : body.contains(marker)) ? null
                : "expected 200 with the object, got " + status;
            // a filter naming another tenant's person is an unknown filter value: 400, as for any id not of the agency
            case HIDDEN -> route.list() ? ((status == 200 || status == 400 && route.name().contains("assignee="))
                && !body.contains(marker) ? null
                : "expected 200 without the other tenant's object, got " + status)
                : status == 404 ? null : "expected 404, got " + status;
            // 409: B's own state refuses it (a button of B's webhook, which B has not)
            case OWN -> status == 200 || status == 303 || status == 404 || status == 409 ? null
                : "expected its own agency's answer, got " + status;
            case DENY -> {
                if (api && actor.equals(READ_TOKEN)) {
                    yield status == 403 && body.contains("Dieses Token darf nur lesen.") && !body.contains(COMPANY)
                        ? null : "expected 403 for a token made to read, got " + status + " " + body;
                }
                boolean tokenless = actor.equals("anonymous") || actor.contains("token");
                if (api && tokenless) {
                    yield status == 401 && answer.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer")
                        ? null : "expected 401 with WWW-Authenticate: Bearer, got " + status;
                }
                yield status == 403 || status == 401 || (status == 303 && location.startsWith("/anmelden"))
                    ? (body.contains(COMPANY) || body.contains(TOKEN_NAME) ? "refused but leaked the object" : null)
                    : "expected a refusal, got " + status + " " + location;
            }
        };
    }

    private String snapshot() {
        return db.rows("SELECT stage, assignee_id, lock_version FROM agency_lead WHERE id = ?", leadA) + " audit="
            + db.value("SELECT COUNT(*) FROM lead_audit WHERE lead_id = ?", leadA) + " revoked="
            + db.value("SELECT COUNT(*) FROM api_token WHERE revoked_at IS NOT NULL") + " tokens="
            + db.value("SELECT COUNT(*) FROM api_token") + " endpointA="
            + db.rows("SELECT url, secret, previous_secret, enabled FROM webhook_endpoint WHERE agency_id = 'wf-dortmund'")
            + " deliveriesA=" + db.value("SELECT COUNT(*) FROM webhook_delivery WHERE agency_id = 'wf-dortmund'")
            + " forward=" + db.rows("SELECT agency_id, lock_version FROM agency_lead WHERE id = ?", leadToForward)
            + " fallback=" + db.rows("SELECT stage, closed_at, lock_version FROM agency_lead WHERE id = ?", leadFallback)
            + " B="
            + db.rows("SELECT stage, assignee_id, lock_version FROM agency_lead WHERE id = ?", leadB);
    }

    @Test
    void theMatrixCoversEveryLeadRouteOfTheRouteTable() {
        Set<String> covered = new java.util.HashSet<>();
        routes().forEach(r -> covered.add(r.name().split(" \\(")[0].replace("?assignee=me", "")));
        List<String> lead = new ArrayList<>();
        routeTable.uriRoutes().forEach(r -> {
            String t = r.getUriMatchTemplate().toString();
            if (r.getHttpMethod() != io.micronaut.http.HttpMethod.HEAD && (t.startsWith("/agentur/leads") || t.startsWith("/coach/leads") || t.startsWith("/api/v1/agency")
                || t.startsWith("/agentur/api-zugaenge") || t.startsWith("/agentur/webhook"))
                && !t.equals("/agentur/leads{.format}")) {
                lead.add(r.getHttpMethod() + " " + t);
            }
        });
        assertThat(covered).as("routes of the route table").containsAll(lead);
    }

    @Inject
    io.micronaut.web.router.Router routeTable;
}
