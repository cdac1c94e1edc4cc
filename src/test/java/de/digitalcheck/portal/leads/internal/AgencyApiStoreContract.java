package de.digitalcheck.portal.leads.internal;

import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.routing.AgencyAdministration;
import de.digitalcheck.portal.routing.AgencyProfile;
import de.digitalcheck.portal.routing.AgencyTeam;
import de.digitalcheck.portal.shared.security.Role;
import de.digitalcheck.portal.shared.security.Tokens;
import de.digitalcheck.portal.shared.validation.ValidationException;
import de.digitalcheck.portal.support.Database;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The agency API's data layer on H2 and on MySQL/MariaDB (subclasses): personal access tokens (shown once, stored
 * hashed, expiring, revocable, dead with a disabled account, last use noted at most once a minute, nothing stored on
 * bad input) and the cursor query (every lead of the agency exactly once in (updated_at, id) order, ties included;
 * filters; no other agency's lead).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AgencyApiStoreContract {

    @Inject
    ApiTokenRows tokenRows;
    @Inject
    AgencyTeam team;
    @Inject
    Accounts accounts;
    @Inject
    AgencyAdministration agencies;
    @Inject
    LeadRows leads;
    @Inject
    LeadFeed feed;
    @Inject
    javax.sql.DataSource dataSource;

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
    String agency;
    String otherAgency;
    String staff;
    String coach;
    Database db;

    @BeforeAll
    void agencyWithStaff() {
        db = new Database(dataSource);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        agency = "api-" + suffix;
        otherAgency = "api-other-" + suffix;
        for (String id : List.of(agency, otherAgency)) {
            agencies.addUnlessPresent(id, new AgencyProfile("API Test " + id, "AT " + id, "kontakt@at.example.org",
                "+49 231 000000", "https://at.example.org", "Teststraße 1, 44135 Dortmund", "2"), List.of());
        }
        accounts.addUnlessPresent(List.of(
            new Accounts.NewAccount("staff-" + suffix + "@at.example.org", "Sina Staff", Role.AGENCY_STAFF, agency),
            new Accounts.NewAccount("coach-" + suffix + "@at.example.org", "Cem Coach", Role.COACH, agency)));
        staff = accounts.byEmail("staff-" + suffix + "@at.example.org").orElseThrow().id();
        coach = accounts.byEmail("coach-" + suffix + "@at.example.org").orElseThrow().id();
    }

    AccessTokens tokens() {
        return new AccessTokens(tokenRows, team, clock);
    }

    @Inject
    AccessTokens transactionalTokens;

    /**
     * One form key, one token: two posts of the same form at the same moment (a double click) make one token, the other
     * is told which — also where the second insert waits for the first one's commit and its own snapshot is older.
     */
    @Test
    void aFormKeyMakesOneTokenEvenPostedTwiceAtOnce() throws Exception {
        String key = AccessTokens.newFormKey();
        String expires = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).plusDays(20).toString();
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Object>> posts = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                posts.add(pool.submit(() -> {
                    start.await();
                    try {
                        return transactionalTokens.create(agency, staff, "Sina Staff", "Doppelt", expires,
                            AccessTokens.READ, key);
                    } catch (AccessTokens.AlreadyCreated e) {
                        return e;
                    }
                }));
            }
            Object a = posts.get(0).get();
            Object b = posts.get(1).get();
            assertThat(List.of(a, b)).filteredOn(AccessTokens.Created.class::isInstance).hasSize(1);
            assertThat(List.of(a, b)).filteredOn(AccessTokens.AlreadyCreated.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((AccessTokens.AlreadyCreated) e).token().name()).isEqualTo("Doppelt"));
        } finally {
            pool.shutdown();
        }
        assertThat(db.value("SELECT COUNT(*) FROM api_token WHERE agency_id = ? AND form_key = ?", agency, key)
            .toString()).isEqualTo("1");
        AccessTokens.Created other = transactionalTokens.create(agency, staff, "Sina Staff", "Anderes Formular", expires,
            AccessTokens.CHANGE, AccessTokens.newFormKey());
        assertThat(other.row().formKey()).as("another form makes another token").isNotEqualTo(key);
        assertThat(transactionalTokens.create(otherAgency, staff, "Sina Staff", "Andere Agentur", expires,
            AccessTokens.READ, key).row()
            .agencyId()).as("a key is per agency").isEqualTo(otherAgency);
    }

    @Test
    void aNewTokenIsPrefixedRandomAndStoredOnlyAsItsHash() {
        AccessTokens.Created created = tokens().create(agency, staff, "Sina Staff", "  CRM  ", "2027-03-01");
        assertThat(created.token()).matches("dc_pat_[A-Za-z0-9_-]{43}");
        assertThat(tokens().create(agency, staff, "Sina Staff", "CRM 2", "2027-03-01").token())
            .isNotEqualTo(created.token());
        Map<String, Object> row = db.rows("SELECT * FROM api_token WHERE id = ?", created.row().id()).get(0);
        assertThat(row.get("token_hash")).isEqualTo(Tokens.hash(created.token()));
        assertThat(row.values().stream().map(String::valueOf)).noneMatch(v -> v.contains(created.token().substring(7)));
        assertThat(row.get("name")).isEqualTo("CRM");
        assertThat(created.row().expiresAt()).as("valid to the end of the day, Berlin time")
            .isEqualTo(Instant.parse("2027-03-01T23:00:00Z"));
    }

    @Test
    void aTokenAuthenticatesItsAgencyAndAccountAndNotesItsUseAtMostOnceAMinute() {
        AccessTokens.Created created = tokens().create(agency, staff, "Sina Staff", "Use", "2027-01-31");
        AccessTokens.Holder holder = tokens().authenticate(created.token()).orElseThrow();
        assertThat(holder).isEqualTo(new AccessTokens.Holder(created.row().id(), agency, staff, "Sina Staff", true));
        Instant first = lastUsed(created);
        assertThat(first).isEqualTo(clock.instant());
        clock.advance(Duration.ofSeconds(30));
        tokens().authenticate(created.token()).orElseThrow();
        assertThat(lastUsed(created)).as("not written again within a minute").isEqualTo(first);
        clock.advance(Duration.ofSeconds(31));
        tokens().authenticate(created.token()).orElseThrow();
        assertThat(lastUsed(created)).isEqualTo(clock.instant());
    }

    @Test
    void revokedExpiredUnknownAndMalformedTokensAuthenticateNobody() {
        AccessTokens.Created revoked = tokens().create(agency, staff, "Sina Staff", "Revoked", "2027-01-31");
        assertThatThrownBy(() -> tokens().revoke(otherAgency, revoked.row().id()))
            .as("another agency cannot revoke it").isInstanceOf(AccessTokens.UnknownToken.class);
        assertThat(tokens().authenticate(revoked.token())).isPresent();
        tokens().revoke(agency, revoked.row().id());
        assertThat(tokens().authenticate(revoked.token())).isEmpty();

        AccessTokens.Created expiring = tokens().create(agency, staff, "Sina Staff", "Expiring", "2026-12-02");
        assertThat(tokens().authenticate(expiring.token())).isPresent();
        MutableClock later = new MutableClock(Instant.parse("2026-12-02T23:00:00Z"));
        assertThat(new AccessTokens(tokenRows, team, later).authenticate(expiring.token())).as("expired").isEmpty();

        assertThat(tokens().authenticate("dc_pat_" + Tokens.newToken())).as("unknown").isEmpty();
        assertThat(tokens().authenticate(revoked.token().substring(7))).as("without prefix").isEmpty();
        assertThat(tokens().authenticate("dc_pat_' OR 1=1 --")).as("malformed").isEmpty();
        assertThat(tokens().authenticate(null)).isEmpty();
    }

    @Test
    void aDisabledAccountsTokensStopWorkingAndACoachCannotHoldOne() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        accounts.addUnlessPresent(List.of(new Accounts.NewAccount("leaver-" + suffix + "@at.example.org", "Lea Leaver",
            Role.AGENCY_STAFF, agency)));
        String leaver = accounts.byEmail("leaver-" + suffix + "@at.example.org").orElseThrow().id();
        AccessTokens.Created created = tokens().create(agency, leaver, "Lea Leaver", "Leaver", "2027-01-31");
        assertThat(tokens().authenticate(created.token())).isPresent();
        assertThat(tokens().withoutActiveHolder(agency)).doesNotContain(created.row().id());
        accounts.setDisabled(leaver, true, agency);
        assertThat(tokens().authenticate(created.token())).isEmpty();
        assertThat(tokens().withoutActiveHolder(agency)).as("the token list says it is not in force")
            .contains(created.row().id());
        accounts.setDisabled(leaver, false, agency);
        assertThat(tokens().authenticate(created.token())).isPresent();
        assertThat(tokens().withoutActiveHolder(agency)).doesNotContain(created.row().id());

        AccessTokens.Created ofCoach = tokens().create(agency, coach, "Cem Coach", "Coach", "2027-01-31");
        assertThat(tokens().authenticate(ofCoach.token())).as("only staff act through the API").isEmpty();
        assertThat(tokens().withoutActiveHolder(agency)).contains(ofCoach.row().id());
    }

    /**
     * A staff member moved to another agency, or given another role, lost their tokens only for as long as they were
     * away: moved back, every token lived again, and the agency's list showed them as valid meanwhile. Their tokens are
     * revoked by the change now, in its transaction, and stay so; a colleague's tokens, and a change of neither agency
     * nor role (a save of the same values, disabling and enabling), revoke nothing.
     */
    @Test
    void aMoveToAnotherAgencyOrRoleRevokesThePersonsTokensForGood() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        accounts.addUnlessPresent(List.of(
            new Accounts.NewAccount("mover-" + suffix + "@at.example.org", "Mo Mover", Role.AGENCY_STAFF, agency),
            new Accounts.NewAccount("changer-" + suffix + "@at.example.org", "Cha Changer", Role.AGENCY_STAFF, agency),
            new Accounts.NewAccount("stayer-" + suffix + "@at.example.org", "Sta Stayer", Role.AGENCY_STAFF, agency)));
        String mover = accounts.byEmail("mover-" + suffix + "@at.example.org").orElseThrow().id();
        String changer = accounts.byEmail("changer-" + suffix + "@at.example.org").orElseThrow().id();
        String stayer = accounts.byEmail("stayer-" + suffix + "@at.example.org").orElseThrow().id();
        String expires = java.time.LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(30).toString();
        AccessTokens.Created moved = transactionalTokens.create(agency, mover, "Mo Mover", "Mover", expires);
        AccessTokens.Created movedToo = transactionalTokens.create(agency, mover, "Mo Mover", "Mover 2", expires);
        AccessTokens.Created changed = transactionalTokens.create(agency, changer, "Cha Changer", "Changer", expires);
        AccessTokens.Created stays = transactionalTokens.create(agency, stayer, "Sta Stayer", "Stayer", expires);

        accounts.changeRole(mover, Role.AGENCY_STAFF.name(), otherAgency);
        accounts.changeRole(changer, Role.COACH.name(), agency);
        accounts.changeRole(stayer, Role.AGENCY_STAFF.name(), agency); // the same agency and role: no change
        accounts.setDisabled(stayer, true, null);
        accounts.setDisabled(stayer, false, null);
        for (AccessTokens.Created gone : List.of(moved, movedToo, changed)) {
            assertThat(transactionalTokens.authenticate(gone.token())).as(gone.row().name()).isEmpty();
            assertThat(stateOf(gone)).as(gone.row().name() + ", as the agency's list shows it").isEqualTo("revoked");
        }
        assertThat(transactionalTokens.authenticate(stays.token())).isPresent();
        assertThat(stateOf(stays)).isEqualTo("active");

        // back where they were: the tokens stay revoked
        accounts.changeRole(mover, Role.AGENCY_STAFF.name(), agency);
        accounts.changeRole(changer, Role.AGENCY_STAFF.name(), agency);
        for (AccessTokens.Created gone : List.of(moved, movedToo, changed)) {
            assertThat(transactionalTokens.authenticate(gone.token())).as(gone.row().name() + " after the way back")
                .isEmpty();
            assertThat(stateOf(gone)).isEqualTo("revoked");
        }
        // a token made after the way back works
        AccessTokens.Created fresh = transactionalTokens.create(agency, mover, "Mo Mover", "Mover neu", expires);
        assertThat(transactionalTokens.authenticate(fresh.token())).isPresent();
    }

    private String stateOf(AccessTokens.Created token) {
        return transactionalTokens.ofAgency(agency).stream().filter(t -> t.id().equals(token.row().id())).findFirst()
            .orElseThrow().state(Instant.now());
    }

    @Test
    void badInputIsRefusedWithEveryReasonAndStoresNothing() {
        long before = db.count("api_token");
        Map<String, List<String>> cases = Map.of(
            "", List.of("tokens.name.required", "tokens.expires.required"),
            "x".repeat(101) + "|2027-01-01", List.of("tokens.name.tooLong"),
            "CRM|2026-12-01", List.of("tokens.expires.past"),
            "CRM|2027-12-02", List.of("tokens.expires.tooLate"),
            "CRM|morgen", List.of("tokens.expires.malformed"),
            "CRM|31.02.2027", List.of("tokens.expires.malformed"));
        cases.forEach((input, keys) -> {
            String[] parts = input.split("\\|", -1);
            String expires = parts.length > 1 ? parts[1] : "";
            assertThatThrownBy(() -> tokens().create(agency, staff, "Sina Staff", parts[0], expires))
                .as(input).isInstanceOfSatisfying(ValidationException.class, e ->
                    assertThat(e.errors().stream().map(f -> f.key()).toList()).containsExactlyElementsOf(keys));
        });
        assertThat(tokens().create(agency, staff, "Sina Staff", "Ein Jahr", "01.12.2027").row().expiresAt())
            .as("a year ahead, in German notation").isEqualTo(Instant.parse("2027-12-01T23:00:00Z"));
        // what the token may do: chosen, and one of the two
        for (String access : java.util.Arrays.asList(null, "", "read", "ADMIN", "READ,CHANGE")) {
            assertThatThrownBy(() -> tokens().create(agency, staff, "Sina Staff", "CRM", "2027-01-01", access, null))
                .as(String.valueOf(access)).isInstanceOfSatisfying(ValidationException.class, e ->
                    assertThat(e.errors().stream().map(f -> f.key()).toList())
                        .containsExactly("tokens.access.required"));
        }
        assertThat(db.count("api_token")).isEqualTo(before + 1);
    }

    /** A token made to read authenticates as one that may not change leads; one made to change, as one that may. */
    @Test
    void aTokenCarriesWhatItMayDo() {
        AccessTokens.Created reader = tokens().create(agency, staff, "Sina Staff", "Auswertung", "2027-01-31",
            AccessTokens.READ, null);
        AccessTokens.Created writer = tokens().create(agency, staff, "Sina Staff", "CRM", "2027-01-31",
            AccessTokens.CHANGE, null);
        assertThat(reader.row().mayChange()).isFalse();
        assertThat(tokens().authenticate(reader.token()).orElseThrow().mayChange()).isFalse();
        assertThat(tokens().authenticate(writer.token()).orElseThrow().mayChange()).isTrue();
        assertThat(db.value("SELECT token_access FROM api_token WHERE id = ?", reader.row().id())).isEqualTo("READ");
        assertThat(tokens().ofAgency(agency)).filteredOn(t -> t.id().equals(writer.row().id())).singleElement()
            .extracting(ApiTokenRow::tokenAccess).isEqualTo("CHANGE");
    }

    @Test
    void theCursorWalksEveryLeadOfTheAgencyOnceInUpdatedAtAndIdOrderTiesIncluded() {
        String feedAgency = "feed-" + UUID.randomUUID().toString().substring(0, 8);
        Instant base = Instant.parse("2026-11-01T08:00:00Z");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            Instant updated = base.plusSeconds(60L * (i / 3)); // three leads share each instant
            String id = lead(feedAgency, i % 2 == 0 ? "NEW" : "CONTACTED", updated);
            expected.add(updated.toEpochMilli() + "|" + id);
        }
        lead("feed-other-" + feedAgency, "NEW", base);
        expected.sort(null);
        List<String> walked = new ArrayList<>();
        LeadFeed.Cursor cursor = null;
        int pages = 0;
        do {
            LeadFeed.Page<LeadRow> page = feed.page(feedAgency, null, null, cursor, 5);
            page.items().forEach(l -> walked.add(l.updatedAt().toEpochMilli() + "|" + l.id()));
            cursor = page.next() == null ? null
                : feed.decode(feed.encode(page.next(), new LeadFeed.Scope(feedAgency, null, null))).orElseThrow().cursor();
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(pages).isEqualTo(3);
        assertThat(walked).containsExactlyElementsOf(expected);

        assertThat(feed.page(feedAgency, "CONTACTED", null, null, 50).items()).hasSize(6)
            .allMatch(l -> l.stage().equals("CONTACTED"));
        assertThat(feed.page(feedAgency, null, base.plusSeconds(180), null, 50).items()).hasSize(4)
            .allMatch(l -> !l.updatedAt().isBefore(base.plusSeconds(180)));
        assertThat(feed.page(feedAgency, null, null, null, 13).next()).as("no next page after the last").isNull();
    }

    @Test
    void aCursorThatThePortalDidNotMakeIsRefused() {
        assertThat(feed.decode("not-base64!")).isEmpty();
        assertThat(feed.decode("")).isEmpty();
        assertThat(feed.decode(java.util.Base64.getUrlEncoder().encodeToString("12:x' OR 1=1".getBytes())))
            .isEmpty();
        assertThat(feed.decode(java.util.Base64.getUrlEncoder().encodeToString(
            ("9999999999999999999:" + UUID.randomUUID()).getBytes()))).isEmpty();
        LeadFeed.Cursor c = new LeadFeed.Cursor(Instant.parse("2026-11-01T08:00:00.123Z"), UUID.randomUUID().toString());
        LeadFeed.Scope scope = new LeadFeed.Scope("wf-dortmund", "CONTACTED", Instant.parse("2026-10-01T00:00:00.123456789Z"));
        String made = feed.encode(c, scope);
        assertThat(feed.decode(made)).contains(new LeadFeed.Bound(c, scope));
        LeadFeed.Scope open = new LeadFeed.Scope("en-agentur", null, null);
        assertThat(feed.decode(feed.encode(c, open))).as("no filters").contains(new LeadFeed.Bound(c, open));
        assertThat(feed.decodeDeparture(made)).as("a list's cursor is no departures' cursor").isEmpty();
        assertThat(feed.decodeDeparture(feed.encodeDeparture(c, open))).contains(new LeadFeed.Bound(c, open));
        String payload = made.substring(0, made.indexOf('.'));
        assertThat(feed.decode(payload)).as("a well-formed position without the signature").isEmpty();
        String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
            ("1764494043512:" + c.id()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(feed.decode(forged + made.substring(made.indexOf('.')))).as("another position, the old signature")
            .isEmpty();
        String otherAgency = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
            (c.updatedAt().toEpochMilli() + ":" + c.id() + ":1790812800.123456789:CONTACTED:en-agentur")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(feed.decode(otherAgency + made.substring(made.indexOf('.'))))
            .as("the same position for another agency, the old signature").isEmpty();
        assertThat(feed.decode("MTc2NDQ5NDA0MzUxMjoyYjFmMGM1NS01ZDBlLTRhNTItOWE1My0zZjVhM2MwZTllNzE"))
            .as("the example of docs/api.md before, without its signature").isEmpty();
        assertThat(feed.decode("MTc2NDQ5NDA0MzUxMjoyYjFmMGM1NS01ZDBlLTRhNTItOWE1My0zZjVhM2MwZTllNzE6Ok5FVzp3Zi1kb3J0bXVuZA"
            + ".joKyUsj08pmJ0HF2BCkzLKfTTA4h1rITtJ1UplJ2dJA"))
            .as("the example of docs/api.md, signed under another secret than this portal's").isEmpty();
    }

    private Instant lastUsed(AccessTokens.Created created) {
        return tokenRows.findById(created.row().id()).orElseThrow().lastUsedAt();
    }

    private String lead(String agencyId, String stage, Instant updated) {
        String id = UUID.randomUUID().toString();
        leads.save(new LeadRow(id, agencyId, null, LeadRow.OPEN, "CHECK", null, "Feed GmbH", "44135", "Dortmund",
            "05913000", "C", 10, "TRADE", "Fee Feed", "fee@feed.example.org", null, 2.0, 2, "v1", "de", updated,
            updated, null, updated, updated, stage, null, null, null, null, null, 0));
        return id;
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
