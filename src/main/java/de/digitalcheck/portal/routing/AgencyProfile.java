package de.digitalcheck.portal.routing;

import java.util.Map;

/**
 * An agency's profile as typed into a form, whose own checks hold each value to its shape and these lengths;
 * {@link AgencyAdministration} checks the rest (the short name's id, the service level).
 */
public record AgencyProfile(String name, String shortName, String email, String phone, String website, String address,
                            String firstContactDays) {

    public static final int MAX_NAME = 200;
    public static final int MAX_SHORT_NAME = 80;
    public static final int MAX_ADDRESS = 300;
    public static final AgencyProfile EMPTY = new AgencyProfile("", "", "", "", "", "",
        String.valueOf(Agency.DEFAULT_FIRST_CONTACT_DAYS));

    public static AgencyProfile of(Agency a) {
        return new AgencyProfile(a.name(), a.shortName(), a.email(), orEmpty(a.phone()), orEmpty(a.website()),
            orEmpty(a.address()), String.valueOf(a.firstContactDays()));
    }

    /** Field name → value, as the forms name their inputs. */
    public Map<String, String> values() {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        values.put("name", name);
        values.put("shortName", shortName);
        values.put("email", email);
        values.put("phone", phone);
        values.put("website", website);
        values.put("address", address);
        values.put("firstContactDays", firstContactDays);
        return values;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
