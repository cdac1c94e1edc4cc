package de.digitalcheck.portal.readiness.web;

import de.digitalcheck.portal.readiness.CompanyProfile;
import de.digitalcheck.portal.readiness.internal.AssessmentRow;
import de.digitalcheck.portal.readiness.internal.CompanyInput;
import de.digitalcheck.portal.readiness.internal.ContactInput;

import java.util.Map;

/** The company profile form's values, exactly as typed, so that nothing is lost on an error. */
record ProfileForm(String name, String postalCode, String ags, String sector, String employees, String companyType,
                   String contactName, String contactEmail) {

    static final ProfileForm EMPTY = new ProfileForm("", "", "", "", "", "", "", "");

    static ProfileForm of(Map<String, String> form) {
        return new ProfileForm(value(form, "name"), value(form, "postalCode"), value(form, "ags"),
            value(form, "sector"), value(form, "employees"), value(form, "companyType"),
            value(form, "contactName"), value(form, "contactEmail"));
    }

    static ProfileForm of(AssessmentRow a) {
        CompanyProfile c = a.company();
        return new ProfileForm(c.name(), c.postalCode(), c.ags(), c.sector(), String.valueOf(c.employees()),
            c.type().name(), orEmpty(a.contact().name()), orEmpty(a.contact().email()));
    }

    CompanyInput input() {
        return new CompanyInput(name, postalCode, ags, sector, employees, companyType);
    }

    ContactInput contact() {
        return new ContactInput(contactName, contactEmail, null);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String value(Map<String, String> form, String key) {
        String v = form == null ? null : form.get(key);
        return v == null ? "" : v;
    }
}
