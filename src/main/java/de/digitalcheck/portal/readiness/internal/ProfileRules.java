package de.digitalcheck.portal.readiness.internal;

import de.digitalcheck.portal.readiness.CompanyProfile;
import de.digitalcheck.portal.readiness.CompanyType;
import de.digitalcheck.portal.readiness.Sector;
import de.digitalcheck.portal.routing.Municipality;
import de.digitalcheck.portal.routing.PostalCodeDirectory;
import de.digitalcheck.portal.shared.validation.Errors;
import de.digitalcheck.portal.shared.validation.Formats;
import de.digitalcheck.portal.shared.validation.TextRules;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * The rules of a company profile and a contact. The profile page's form checks the shape of each value itself
 * (required, length, format) and leaves the rest to {@link #known} and {@link #complete}; the JSON API, which has
 * no form, has every rule checked by {@link #company} and {@link #contact}.
 */
@Singleton
public class ProfileRules {

    public static final int MAX_NAME = 200;
    public static final int MAX_EMPLOYEES = 10_000_000;

    private final PostalCodeDirectory directory;

    ProfileRules(PostalCodeDirectory directory) {
        this.directory = directory;
    }

    /**
     * Every rule: the validated company, or {@code null} with the problems added to {@code errors} under {@code prefix}.
     * The codes are read as documented: one with spaces around it ({@code "SERVICES "}, {@code " 44135"}) is an error
     * of its own ({@code error.code.spaces}), where the profile page's form trims what a person typed.
     */
    public CompanyProfile company(CompanyInput in, String prefix, Errors errors) {
        codeAsWritten(in.postalCode(), prefix + "postalCode", errors);
        codeAsWritten(in.ags(), prefix + "ags", errors);
        codeAsWritten(in.sector(), prefix + "sector", errors);
        codeAsWritten(in.companyType(), prefix + "companyType", errors);
        String name = trimmed(in.name());
        if (!TextRules.namesSomething(name)) {
            errors.add(prefix + "name", "error.required");
        } else if (TextRules.tooLong(name, MAX_NAME)) {
            errors.add(prefix + "name", "error.name.tooLong", MAX_NAME);
        }
        String postalCode = trimmed(in.postalCode());
        if (postalCode.isEmpty()) {
            errors.add(prefix + "postalCode", "error.required");
        } else if (!PostalCodeDirectory.isWellFormed(postalCode)) {
            errors.add(prefix + "postalCode", "error.postalCode.format");
        }
        required(in.sector(), prefix + "sector", errors);
        if (required(in.employees(), prefix + "employees", errors) && number(in.employees()) == null) {
            errors.add(prefix + "employees", "error.employees.number");
        }
        required(in.companyType(), prefix + "companyType", errors);
        return known(in, prefix, errors);
    }

    /**
     * The rules beyond each value's shape: a name without a web address ({@link TextRules#hasWebAddress}), the postal
     * code's municipality (and which one, where the code has several), a known sector and company type, a head count
     * in range. A field that has an error in {@code errors} already is not looked at. The validated company, or
     * {@code null} when {@code errors} has any.
     */
    public CompanyProfile known(CompanyInput in, String prefix, Errors errors) {
        if (!errors.has(prefix + "name")) {
            TextRules.checkName(trimmed(in.name()), prefix + "name", errors);
        }
        Municipality municipality = errors.has(prefix + "postalCode") ? null : municipality(in, prefix, errors);
        String sector = trimmed(in.sector());
        if (!errors.has(prefix + "sector") && !Sector.isValid(sector)) {
            errors.add(prefix + "sector", "error.sector.unknown");
        }
        Integer employees = errors.has(prefix + "employees") ? null : employees(in.employees(), prefix + "employees", errors);
        CompanyType type = CompanyType.parse(trimmed(in.companyType())).orElse(null);
        if (!errors.has(prefix + "companyType") && type == null) {
            errors.add(prefix + "companyType", "error.companyType.unknown");
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return CompanyProfile.of(trimmed(in.name()), trimmed(in.postalCode()), municipality, sector, employees, type);
    }

    private Municipality municipality(CompanyInput in, String prefix, Errors errors) {
        String postalCode = trimmed(in.postalCode());
        String ags = trimmed(in.ags());
        List<Municipality> candidates = directory.municipalities(postalCode);
        if (candidates.isEmpty()) {
            errors.add(prefix + "postalCode", "error.postalCode.unknown");
            return null;
        }
        if (!ags.isEmpty()) {
            return candidates.stream().filter(m -> m.ags().equals(ags)).findFirst().orElseGet(() -> {
                errors.add(prefix + "ags", "error.ags.mismatch", postalCode);
                return null;
            });
        }
        if (candidates.size() > 1) {
            errors.add(prefix + "ags", "error.ags.required", postalCode);
            return null;
        }
        return candidates.get(0);
    }

    private static Integer employees(String value, String field, Errors errors) {
        Long number = number(value);
        if (number == null) {
            errors.add(field, "error.employees.number");
        } else if (number < 1) {
            // a head count including the owners: a company has at least one
            errors.add(field, "error.employees.tooFew");
        } else if (number > MAX_EMPLOYEES) {
            errors.add(field, "error.employees.tooMany");
        } else {
            return number.intValue();
        }
        return null;
    }

    /**
     * A whole number of ASCII digits (Java's parser would take any script's digits), or {@code null}. One beyond
     * {@code long} (26 digits) is a whole number too, and too many: {@link TextRules#asciiIntegerSaturated}.
     */
    private static Long number(String value) {
        return TextRules.asciiIntegerSaturated(trimmed(value)).orElse(null);
    }

    /** Every rule of a contact; an entirely empty contact is fine (it is optional). */
    public void contact(ContactInput in, String prefix, Errors errors) {
        if (in == null || in.isEmpty()) {
            return;
        }
        if (TextRules.tooLong(trimmed(in.name()), MAX_NAME)) {
            errors.add(prefix + "name", "error.name.tooLong", MAX_NAME);
        }
        String email = trimmed(in.email());
        if (!email.isEmpty() && !Formats.isEmail(email)) {
            errors.add(prefix + "email", "error.email.format");
        }
        String phone = trimmed(in.phone());
        if (!phone.isEmpty() && !Formats.isPhone(phone)) {
            errors.add(prefix + "phone", "error.phone.format");
        }
        complete(in, prefix, errors);
    }

    /**
     * A contact is optional, but one that is given needs a name (without a web address: {@link
     * TextRules#hasWebAddress}) and an email address.
     */
    public void complete(ContactInput in, String prefix, Errors errors) {
        if (in == null || in.isEmpty()) {
            return;
        }
        if (!TextRules.namesSomething(trimmed(in.name())) && !errors.has(prefix + "name")) {
            errors.add(prefix + "name", "error.required");
        }
        if (!errors.has(prefix + "name")) {
            TextRules.checkName(trimmed(in.name()), prefix + "name", errors);
        }
        if (trimmed(in.email()).isEmpty() && !errors.has(prefix + "email")) {
            errors.add(prefix + "email", "error.required");
        }
    }

    private static void codeAsWritten(String code, String field, Errors errors) {
        if (TextRules.padded(code)) {
            errors.add(field, "error.code.spaces");
        }
    }

    /** Adds "required" for an empty value; whether there is one. */
    private static boolean required(String value, String field, Errors errors) {
        if (trimmed(value).isEmpty()) {
            errors.add(field, "error.required");
            return false;
        }
        return true;
    }

    static String trimmed(String value) {
        return value == null ? "" : value.strip();
    }
}
