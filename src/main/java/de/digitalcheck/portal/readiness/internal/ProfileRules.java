package de.digitalcheck.portal.readiness.internal;

import de.digitalcheck.portal.readiness.CompanyProfile;
import de.digitalcheck.portal.readiness.CompanyType;
import de.digitalcheck.portal.readiness.Sector;
import de.digitalcheck.portal.routing.Municipality;
import de.digitalcheck.portal.routing.PostalCodeDirectory;
import de.digitalcheck.portal.shared.validation.Errors;
import de.digitalcheck.portal.shared.validation.Formats;
import jakarta.inject.Singleton;

import java.util.List;

/** The rules of a company profile and a contact, shared by the pages and the API. */
@Singleton
public class ProfileRules {

    public static final int MAX_NAME = 200;
    public static final int MAX_EMPLOYEES = 10_000_000;

    private final PostalCodeDirectory directory;

    ProfileRules(PostalCodeDirectory directory) {
        this.directory = directory;
    }

    /** The validated company, or {@code null} with the problems added to {@code errors} under {@code prefix}. */
    public CompanyProfile company(CompanyInput in, String prefix, Errors errors) {
        String name = trimmed(in.name());
        if (name.isEmpty()) {
            errors.add(prefix + "name", "error.required");
        } else if (name.length() > MAX_NAME) {
            errors.add(prefix + "name", "error.name.tooLong", MAX_NAME);
        }
        Municipality municipality = municipality(in, prefix, errors);
        String sector = trimmed(in.sector());
        if (sector.isEmpty()) {
            errors.add(prefix + "sector", "error.required");
        } else if (!Sector.isValid(sector)) {
            errors.add(prefix + "sector", "error.sector.unknown");
        }
        Integer employees = employees(in.employees(), prefix + "employees", errors);
        String typeValue = trimmed(in.companyType());
        CompanyType type = CompanyType.parse(typeValue).orElse(null);
        if (typeValue.isEmpty()) {
            errors.add(prefix + "companyType", "error.required");
        } else if (type == null) {
            errors.add(prefix + "companyType", "error.companyType.unknown");
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return CompanyProfile.of(name, trimmed(in.postalCode()), municipality, sector, employees, type);
    }

    private Municipality municipality(CompanyInput in, String prefix, Errors errors) {
        String postalCode = trimmed(in.postalCode());
        String ags = trimmed(in.ags());
        if (postalCode.isEmpty()) {
            errors.add(prefix + "postalCode", "error.required");
            return null;
        }
        if (!PostalCodeDirectory.isWellFormed(postalCode)) {
            errors.add(prefix + "postalCode", "error.postalCode.format");
            return null;
        }
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

    private Integer employees(String value, String field, Errors errors) {
        String text = trimmed(value);
        if (text.isEmpty()) {
            errors.add(field, "error.required");
            return null;
        }
        try {
            long number = Long.parseLong(text);
            if (number < 0) {
                errors.add(field, "error.employees.negative");
                return null;
            }
            if (number > MAX_EMPLOYEES) {
                errors.add(field, "error.employees.tooMany");
                return null;
            }
            return (int) number;
        } catch (NumberFormatException e) {
            errors.add(field, "error.employees.number");
            return null;
        }
    }

    /** Checks a contact; an entirely empty contact is fine (it is optional). */
    public void contact(ContactInput in, String prefix, Errors errors) {
        if (in == null || in.isEmpty()) {
            return;
        }
        String name = trimmed(in.name());
        if (name.isEmpty()) {
            errors.add(prefix + "name", "error.required");
        } else if (name.length() > MAX_NAME) {
            errors.add(prefix + "name", "error.name.tooLong", MAX_NAME);
        }
        String email = trimmed(in.email());
        if (email.isEmpty()) {
            errors.add(prefix + "email", "error.required");
        } else if (!Formats.isEmail(email)) {
            errors.add(prefix + "email", "error.email.format");
        }
        String phone = trimmed(in.phone());
        if (!phone.isEmpty() && !Formats.isPhone(phone)) {
            errors.add(prefix + "phone", "error.phone.format");
        }
    }

    static String trimmed(String value) {
        return value == null ? "" : value.strip();
    }
}
