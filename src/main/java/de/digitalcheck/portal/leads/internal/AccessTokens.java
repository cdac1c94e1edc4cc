package de.digitalcheck.portal.leads.internal;

import de.digitalcheck.portal.accounts.AccountChanged;
import de.digitalcheck.portal.routing.AgencyMember;
import de.digitalcheck.portal.routing.AgencyTeam;
import de.digitalcheck.portal.shared.NoSuchThing;
import de.digitalcheck.portal.shared.security.ApiTokens;
import de.digitalcheck.portal.shared.security.Role;
import de.digitalcheck.portal.shared.security.Tokens;
import de.digitalcheck.portal.shared.time.PortalTime;
import de.digitalcheck.portal.shared.validation.FieldError;
import de.digitalcheck.portal.shared.validation.ValidationException;
import de.digitalcheck.portal.shared.validation.TextRules;
import io.micronaut.core.annotation.Nullable;
import de.digitalcheck.portal.shared.persistence.DatabaseErrors;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Personal access tokens of agency staff for the agency API (SPEC §9): {@code dc_pat_} and 256 random bits, shown once
 * and stored as their SHA-256 hash, scoped to the agency and acting as the account that created them, each with an
 * expiry (at most {@link #MAX_DAYS} days ahead, at the end of that day in Berlin) and a last-used time written at most
 * once a minute. A token opens the API only while it is neither revoked nor expired and its account is still an
 * enabled staff member of its agency; it reads the agency's leads, and changes them only if made to ({@link #CHANGE}).
 * A move of its account to another agency or role revokes it ({@link #onAccountChanged}).
 */
@Singleton
public class AccessTokens {

    public static final int MAX_NAME = 100;
    public static final int MAX_DAYS = 366;
    /** A token that reads the agency's leads and forwards only. */
    public static final String READ = "READ";
    /** A token that may change the agency's leads as well. */
    public static final String CHANGE = "CHANGE";
    /** What a token may do, as the form offers it. */
    public static final List<String> ACCESS = List.of(READ, CHANGE);
    static final Duration USE_RESOLUTION = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(AccessTokens.class);

    private final ApiTokenRows rows;
    private final AgencyTeam team;
    private final Clock clock;

    AccessTokens(ApiTokenRows rows, AgencyTeam team, Clock clock) {
        this.rows = rows;
        this.team = team;
        this.clock = clock;
    }

    /** A token just made: its row and the secret, to be shown once. */
    public record Created(ApiTokenRow row, String token) {
    }

    /** Whom a token authenticates. */
    public record Holder(String tokenId, String agencyId, String accountId, String accountName, boolean mayChange) {
    }

    /**
     * As {@link #create(String, String, String, String, String, String, String)} for a token that may change leads,
     * without a form key (no second post to catch).
     */
    @Transactional
    public Created create(String agencyId, String accountId, String accountName, @Nullable String name,
                          @Nullable String expires) {
        return create(agencyId, accountId, accountName, name, expires, CHANGE, null);
    }

    /**
     * Makes a token for the signed-in staff member.
     *
     * @param access  what it may do: {@link #READ} or {@link #CHANGE}, as the form names them
     * @param formKey the key of the form it was posted with ({@link #newFormKey()}; null: none): a form makes one token,
     *                a second post of it (a double click, a reload of the page that showed the token) makes none
     * @throws ValidationException a missing or too long name, a missing, malformed, past or too distant expiry, no access
     *         chosen; nothing stored
     * @throws AlreadyCreated this form made a token already: nothing stored
     */
    @Transactional
    public Created create(String agencyId, String accountId, String accountName, @Nullable String name,
                          @Nullable String expires, @Nullable String access, @Nullable String formKey) {
        String key = formKey == null || !Tokens.isWellFormed(formKey) ? null : formKey;
        if (key != null) {
            Optional<ApiTokenRow> made = rows.findByAgencyIdAndFormKey(agencyId, key);
            if (made.isPresent()) {
                throw new AlreadyCreated(made.get());
            }
        }
        List<FieldError> errors = new ArrayList<>();
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty()) {
            errors.add(FieldError.of("name", "tokens.name.required"));
        } else if (!TextRules.isSingleLine(cleanName)) {
            errors.add(FieldError.of("name", TextRules.SINGLE_LINE_KEY));
        } else if (TextRules.tooLong(cleanName, MAX_NAME)) {
            errors.add(FieldError.of("name", "tokens.name.tooLong"));
        }
        LocalDate today = PortalTime.today(clock);
        LocalDate until = expiry(expires, today, errors);
        if (access == null || !ACCESS.contains(access)) {
            errors.add(FieldError.of("access", "tokens.access.required"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String token = ApiTokens.PREFIX + Tokens.newToken();
        ApiTokenRow row;
        try {
            row = rows.save(new ApiTokenRow(UUID.randomUUID().toString(), Tokens.hash(token), agencyId, accountId,
                accountName, cleanName, now, until.plusDays(1).atStartOfDay(PortalTime.ZONE).toInstant(), null, null,
                key, access));
        } catch (DataAccessException e) {
            // the same form posted twice at the same moment (a double click): the other post made the token
            if (key == null || !DatabaseErrors.duplicateKey(e)) {
                throw e;
            }
            throw new AlreadyCreated(rows.lockByFormKey(agencyId, key).orElseThrow(() -> e));
        }
        return new Created(row, token);
    }

    /** A new key for a token form (see {@link #create(String, String, String, String, String, String, String)}). */
    public static String newFormKey() {
        return Tokens.newToken();
    }

    /** The form was posted before and made {@code token}, whose secret was shown then and is not known any more. */
    public static class AlreadyCreated extends RuntimeException {

        private final transient ApiTokenRow token;

        AlreadyCreated(ApiTokenRow token) {
            super("this form made a token already", null, false, false);
            this.token = token;
        }

        public ApiTokenRow token() {
            return token;
        }
    }

    private static LocalDate expiry(@Nullable String expires, LocalDate today, List<FieldError> errors) {
        String clean = expires == null ? "" : expires.strip();
        if (clean.isEmpty()) {
            errors.add(FieldError.of("expires", "tokens.expires.required"));
            return null;
        }
        LocalDate date = PortalTime.typedDate(clean).orElse(null);
        if (date == null) {
            errors.add(FieldError.of("expires", "tokens.expires.malformed"));
            return null;
        }
        if (!date.isAfter(today)) {
            errors.add(FieldError.of("expires", "tokens.expires.past"));
        } else if (date.isAfter(latest(today))) {
            // the day in the reader's language (Messages formats a LocalDate): it was German on the English page too
            errors.add(FieldError.of("expires", "tokens.expires.tooLate", latest(today)));
        }
        return date;
    }

    /** The last day a token made today may be valid: one year ahead. */
    public static LocalDate latest(LocalDate today) {
        return today.plusYears(1);
    }

    @Transactional(readOnly = true)
    public List<ApiTokenRow> ofAgency(String agencyId) {
        return rows.ofAgency(agencyId);
    }

    /**
     * Revokes one of the agency's tokens (any staff member of the agency may: a colleague's leaked token must be
     * stoppable). Revoking a revoked token changes nothing.
     *
     * @throws NoSuchThing if the agency has no such token
     */
    @Transactional
    public void revoke(String agencyId, String tokenId) {
        ApiTokenRow row = rows.findById(tokenId).filter(t -> t.id().equals(tokenId) && t.agencyId().equals(agencyId))
            .orElseThrow(UnknownToken::new);
        if (row.revokedAt() == null) {
            rows.revoke(tokenId, agencyId, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        }
    }

    /**
     * A person's tokens end with their place: moved to another agency, given another role or their invitation
     * withdrawn, every token they made for an agency they are not staff of now is revoked, in the change's transaction,
     * as a revocation on the tokens page revokes it. {@link #authenticate} refused them while the person was away, but
     * they came back to life when the person was moved back (an old token on a laptop, a CRM's configuration: working
     * again without anyone deciding so), and the agency's list showed them as valid meanwhile. A change of neither
     * agency nor role revokes nothing: a disabled person's tokens work again when the person is enabled again.
     */
    @EventListener
    void onAccountChanged(AccountChanged event) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        int revoked = event.removed() || event.role() != Role.AGENCY_STAFF || event.agencyId() == null
            ? rows.revokeOfAccount(event.accountId(), now)
            : rows.revokeOfAccountElsewhere(event.accountId(), event.agencyId(), now);
        if (revoked > 0) {
            LOG.info("Revoked {} API token(s) of account {}: its agency or role changed", revoked, event.accountId());
        }
    }

    /**
     * Who the presented token authenticates, if anyone: the token is well-formed, known, neither revoked nor expired,
     * and its account is still an enabled staff member of its agency. Notes the use (at most once a minute).
     */
    @Transactional
    public Optional<Holder> authenticate(@Nullable String presented) {
        if (presented == null || !presented.startsWith(ApiTokens.PREFIX)
            || !Tokens.isWellFormed(presented.substring(ApiTokens.PREFIX.length()))) {
            return Optional.empty(); // refused before any database access
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Optional<ApiTokenRow> row = rows.findByTokenHash(Tokens.hash(presented))
            .filter(t -> t.usable(now))
            .filter(t -> activeStaff(t.agencyId(), t.accountId()));
        row.ifPresent(t -> {
            if (t.lastUsedAt() == null || t.lastUsedAt().isBefore(now.minus(USE_RESOLUTION))) {
                rows.used(t.id(), now, now.minus(USE_RESOLUTION));
            }
        });
        return row.map(t -> new Holder(t.id(), t.agencyId(), t.accountId(), t.accountName(), t.mayChange()));
    }

    private boolean activeStaff(String agencyId, String accountId) {
        return team.members(agencyId).stream().anyMatch(m -> m.accountId().equals(accountId) && active(m));
    }

    private static boolean active(AgencyMember member) {
        return !member.disabled() && Role.AGENCY_STAFF.name().equals(member.role());
    }

    /**
     * The ids of the agency's tokens whose holder is no longer an enabled staff member of it (disabled, moved to
     * another agency, no longer staff): they authenticate nobody ({@link #authenticate}), whatever their dates say.
     */
    @Transactional(readOnly = true)
    public java.util.Set<String> withoutActiveHolder(String agencyId) {
        java.util.Set<String> active = new java.util.HashSet<>();
        team.members(agencyId).stream().filter(AccessTokens::active).forEach(m -> active.add(m.accountId()));
        java.util.Set<String> gone = new java.util.HashSet<>();
        rows.ofAgency(agencyId).stream().filter(t -> !active.contains(t.accountId())).forEach(t -> gone.add(t.id()));
        return gone;
    }

    /** No such token in the agency. */
    public static class UnknownToken extends NoSuchThing {
        public UnknownToken() {
            super("no such token");
        }
    }
}
