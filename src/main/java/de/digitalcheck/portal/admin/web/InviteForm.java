package de.digitalcheck.portal.admin.web;

import java.util.Map;

/** The invitation form as typed. */
record InviteForm(String email, String name, String role, String agencyId) {

    static final InviteForm EMPTY = new InviteForm("", "", "", "");

    static InviteForm of(Map<String, String> form) {
        return new InviteForm(value(form, "email"), value(form, "name"), value(form, "role"), value(form, "agencyId"));
    }

    private static String value(Map<String, String> form, String key) {
        String v = form == null ? null : form.get(key);
        return v == null ? "" : v;
    }
}
