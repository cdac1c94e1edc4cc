package de.digitalcheck.portal.routing;

import java.util.Map;

/** An agency's profile as typed into the admin's form; every value as typed, validated by {@link AgencyAdministration}. */
public record AgencyProfile(String name, String shortName, String email, String phone, String website, String address,
                            String firstContactDays) {

    public static final AgencyProfile EMPTY = new AgencyProfile("", "", "", "", "", "",
        String.valueOf(Agency.DEFAULT_FIRST_CONTACT_DAYS));

    public static AgencyProfile of(Map<String, String> form) {
        Map<String, String> f = form == null ? Map.of() : form;
        return new AgencyProfile(f.getOrDefault("name", ""), f.getOrDefault("shortName", ""), f.getOrDefault("email", ""),
            f.getOrDefault("phone", ""), f.getOrDefault("website", ""), f.getOrDefault("address", ""),
            f.getOrDefault("firstContactDays", ""));
    }

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
