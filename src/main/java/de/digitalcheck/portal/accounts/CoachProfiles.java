package de.digitalcheck.portal.accounts;

import de.digitalcheck.portal.shared.validation.Errors;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A coach edits their own profile: display name, expertise tags, meeting modes. */
@Singleton
public class CoachProfiles {

    static final int MAX_TAGS = 15;
    static final int MAX_TAG = 40;

    private final Accounts accounts;

    CoachProfiles(Accounts accounts) {
        this.accounts = accounts;
    }

    @Transactional
    public Account update(String accountId, String nameInput, String expertiseInput, List<String> modesInput) {
        Account account = accounts.findById(accountId).filter(a -> a.role() == Role.COACH).orElseThrow();
        Errors errors = new Errors();
        String name = nameInput == null ? "" : nameInput.strip();
        if (name.isEmpty()) {
            errors.add("name", "error.required");
        } else if (name.length() > 200) {
            errors.add("name", "error.name.tooLong", 200);
        }
        Set<String> tags = new LinkedHashSet<>();
        for (String tag : (expertiseInput == null ? "" : expertiseInput).split(",")) {
            String t = tag.strip().replace(",", "");
            if (!t.isEmpty()) {
                tags.add(t);
            }
        }
        if (tags.size() > MAX_TAGS || tags.stream().anyMatch(t -> t.length() > MAX_TAG)) {
            errors.add("expertise", "error.coach.tags", MAX_TAGS, MAX_TAG);
        }
        Set<String> modes = new LinkedHashSet<>();
        for (String mode : modesInput) {
            if (Arrays.stream(MeetingMode.values()).noneMatch(m -> m.name().equals(mode))) {
                errors.add("modes", "error.coach.mode");
            } else {
                modes.add(mode);
            }
        }
        errors.throwIfAny();
        return accounts.update(account.withCoachProfile(name, String.join(", ", tags), String.join(",", modes)));
    }
}
