package de.digitalcheck.portal.readiness.web;

import de.digitalcheck.portal.readiness.Assessment;
import de.digitalcheck.portal.readiness.CompanyInput;

import java.util.Map;

/** The company profile form's values, exactly as typed, so that nothing is lost on an error. */
record ProfileForm(String name, String postalCode, String ags, String sector, String employees, String companyType) {

    static final ProfileForm EMPTY = new ProfileForm("", "", "", "", "", "");

    static ProfileForm of(Map<String, String> form) {
        return new ProfileForm(value(form, "name"), value(form, "postalCode"), value(form, "ags"),
            value(form, "sector"), value(form, "employees"), value(form, "companyType"));
    }

    static ProfileForm of(Assessment a) {
        return new ProfileForm(a.companyName(), a.postalCode(), a.ags(), a.sector(), String.valueOf(a.employees()),
            a.companyType());
    }

    CompanyInput input() {
        return new CompanyInput(name, postalCode, ags, sector, employees, companyType);
    }

    private static String value(Map<String, String> form, String key) {
        String v = form == null ? null : form.get(key);
        return v == null ? "" : v;
    }
}
