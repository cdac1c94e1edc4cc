package de.digitalcheck.portal.booking;

import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.accounts.UnknownAccount;
import de.digitalcheck.portal.shared.validation.Errors;
import de.digitalcheck.portal.shared.validation.FieldError;
import de.digitalcheck.portal.shared.validation.ValidationException;
import de.digitalcheck.portal.shared.validation.TextRules;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The coaches' profiles: what each offers, and a coach's changes to their own. */
@Singleton
public class Coaches {

    static final int MAX_TAGS = 15;
    static final int MAX_TAG = 40;
    /** The column's width: the tags as stored ({@code ", "} between them) must fit. */
    static final int MAX_TOTAL = 500;

    private final CoachRows rows;
    private final Accounts accounts;
    private final Clock clock;

    Coaches(CoachRows rows, Accounts accounts, Clock clock) {
        this.rows = rows;
        this.accounts = accounts;
        this.clock = clock;
    }

    public Optional<CoachProfile> profile(String accountId) {
        return accountId == null ? Optional.empty() : rows.findById(accountId).map(CoachRow::profile);
    }

    public List<CoachProfile> ofAgency(String agencyId) {
        return rows.findByAgencyId(agencyId).stream().map(CoachRow::profile).toList();
    }

    /**
     * A coach changes their own profile: display name (kept in the directory; its shape checked by the coach's form,
     * which found {@code formErrors}; no web address in it, {@link TextRules#hasWebAddress}, as booking mails carry
     * it), focus topics (comma-separated, at most {@value #MAX_TAGS} of at most {@value #MAX_TAG} characters,
     * {@value #MAX_TOTAL} together) and meeting modes. All or nothing. The focus topics may hold web addresses: only
     * the agency's own staff see them (its workspace), no company and no mail.
     *
     * @throws ValidationException with every problem found, the form's included (nothing changed)
     * @throws UnknownAccount if the account is not a coach
     */
    @Transactional
    public CoachProfile update(String accountId, String name, String expertiseInput, List<String> modesInput,
                               List<FieldError> formErrors) {
        CoachRow coach = rows.findById(accountId).orElseThrow(UnknownAccount::new);
        Errors errors = new Errors().addAll(formErrors);
        if (!errors.has("name")) {
            // booking mails and the agency's slot lists name the coach by it: no link in it
            TextRules.checkName(name == null ? "" : name.strip(), "name", errors);
        }
        Set<String> tags = new LinkedHashSet<>();
        for (String tag : (expertiseInput == null ? "" : expertiseInput).split(",")) {
            String t = tag.strip();
            if (!t.isEmpty()) {
                tags.add(t);
            }
        }
        if (!TextRules.isSingleLine(expertiseInput)) {
            errors.add("expertise", TextRules.SINGLE_LINE_KEY);
        } else if (tags.size() > MAX_TAGS || tags.stream().anyMatch(t -> TextRules.tooLong(t, MAX_TAG))) {
            errors.add("expertise", "error.coach.tags", MAX_TAGS, MAX_TAG);
        } else if (TextRules.tooLong(String.join(", ", tags), MAX_TOTAL)) {
            errors.add("expertise", "error.coach.tagsTotal", MAX_TOTAL);
        }
        Set<MeetingMode> modes = EnumSet.noneOf(MeetingMode.class);
        for (String mode : modesInput) {
            MeetingMode.parse(mode).ifPresentOrElse(modes::add, () -> errors.add("modes", "error.coach.mode"));
        }
        errors.throwIfAny();
        // the account's row first (as every change of an account locks it), then the coach's: an agency move of the
        // coach at the same moment (CoachAccounts, inside the account's change) takes turns with this save
        accounts.rename(accountId, name);
        CoachRow current = rows.lock(List.of(accountId)).stream().findFirst().orElseThrow(UnknownAccount::new);
        return rows.update(current.withProfile(List.copyOf(tags), modes, clock.instant())).profile();
    }
}
