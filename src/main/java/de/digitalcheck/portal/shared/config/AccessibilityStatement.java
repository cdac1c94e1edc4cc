package de.digitalcheck.portal.shared.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The operator's part of the accessibility statement ({@code /barrierefreiheit}; {@code portal.accessibility.*},
 * {@code ACCESSIBILITY_*}), which public bodies must publish (Directive (EU) 2016/2102, § 12b BGG and the states'
 * laws): how far the portal complies, by whose assessment and when, what is known not to be accessible, where to
 * report a barrier and which body enforces the requirements. The portal says itself how it is tested; the
 * assessment is the operator's. Every part is optional; a value that cannot be meant (an unknown status, a date that
 * is not one, an enforcement address that is not {@code https:}) stops the start ({@link StartupProblem}) rather than
 * put a wrong statement on a public page.
 *
 * @param status         {@code full}, {@code partial} or {@code none}: fully, partially or not compliant
 * @param assessed       the day of the last assessment, {@code YYYY-MM-DD}
 * @param method         how it was assessed, e.g. "Selbstbewertung" or "BITV-Test durch …"
 * @param limitations    what is not accessible and why, with alternatives; items separated by semicolons
 * @param contact        where to report a barrier: an e-mail address or an {@code https:} address; without it, the
 *                       operator's e-mail address
 * @param enforcement    the body of the enforcement procedure (its name and address)
 * @param enforcementUrl its {@code https:} address
 * @param methodEn       {@code method} in English, for the English page (without it, the German text marked as such)
 * @param limitationsEn  {@code limitations} in English, likewise
 */
@ConfigurationProperties("portal.accessibility")
public record AccessibilityStatement(@Nullable String status, @Nullable String assessed, @Nullable String method,
                                     @Nullable String limitations, @Nullable String contact,
                                     @Nullable String enforcement, @Nullable String enforcementUrl,
                                     @Nullable String methodEn, @Nullable String limitationsEn) {

    private static final List<String> STATUSES = List.of("full", "partial", "none");

    public AccessibilityStatement {
        status = set(status);
        assessed = set(assessed);
        method = set(method);
        limitations = set(limitations);
        contact = set(contact);
        enforcement = set(enforcement);
        enforcementUrl = set(enforcementUrl);
        methodEn = set(methodEn);
        limitationsEn = set(limitationsEn);
        if (status != null) {
            status = status.toLowerCase(Locale.ROOT);
            if (!STATUSES.contains(status)) {
                throw new StartupProblem("ACCESSIBILITY_STATUS must be full, partial or none, it is \"" + status
                    + "\" (see docs/operations.md, Accessibility statement)");
            }
        }
        if (assessed != null) {
            try {
                LocalDate.parse(assessed);
            } catch (DateTimeParseException e) {
                throw new StartupProblem("ACCESSIBILITY_ASSESSED must be a day as YYYY-MM-DD, it is \"" + assessed
                    + "\" (see docs/operations.md, Accessibility statement)");
            }
        }
        if (enforcementUrl != null && !enforcementUrl.matches("(?i)https://\\S+")) {
            throw new StartupProblem("ACCESSIBILITY_ENFORCEMENT_URL must be an https:// address, it is \"" + enforcementUrl
                + "\" (see docs/operations.md, Accessibility statement)");
        }
        if (contact != null && !isEmail(contact) && !contact.matches("(?i)https://\\S+")) {
            throw new StartupProblem("ACCESSIBILITY_CONTACT must be an e-mail address or an https:// address, it is \""
                + contact + "\" (see docs/operations.md, Accessibility statement)");
        }
    }

    private static String set(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static boolean isEmail(String value) {
        return value.matches("[^@\\s:/]+@[^@\\s]+\\.[^@\\s]+");
    }

    /** The day of the last assessment, if entered. */
    public @Nullable LocalDate assessedOn() {
        return assessed == null ? null : LocalDate.parse(assessed);
    }

    /** How it was assessed, for a page in {@code pageLanguage}: in that language where given, else the other. */
    public @Nullable String method(String pageLanguage) {
        return OperatorTexts.text(pageLanguage, method, methodEn);
    }

    /** The language of {@link #method(String)} where it is not the page's ({@code lang} of its element), else null. */
    public @Nullable String methodLanguage(String pageLanguage) {
        return OperatorTexts.language(pageLanguage, method, methodEn);
    }

    /** The known limitations for a page in {@code pageLanguage} (as {@link #method(String)}), one item each. */
    public List<String> limitationItems(String pageLanguage) {
        String text = OperatorTexts.text(pageLanguage, limitations, limitationsEn);
        return text == null ? List.of()
            : Arrays.stream(text.split("[;\\r\\n]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The language of {@link #limitationItems(String)} where it is not the page's, else null. */
    public @Nullable String limitationsLanguage(String pageLanguage) {
        return OperatorTexts.language(pageLanguage, limitations, limitationsEn);
    }

    /**
     * Where to report a barrier, as a link: the configured contact, else the operator's e-mail address; an e-mail
     * address as a {@code mailto:} link. Null where there is neither.
     */
    public @Nullable String contactHref(OperatorDetails operator) {
        if (contact != null) { // checked at start: an e-mail address or an https: address
            return isEmail(contact) ? "mailto:" + contact : contact;
        }
        // the operator's address is not checked: always a mailto: link, as the imprint writes it, never a link of its own
        return operator.email() == null ? null : "mailto:" + operator.email();
    }

    /** The contact as the page writes it: the configured one, else the operator's e-mail address. */
    public @Nullable String contactText(OperatorDetails operator) {
        return contact != null ? contact : operator.email();
    }
}
