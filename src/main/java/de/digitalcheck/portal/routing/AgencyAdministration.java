package de.digitalcheck.portal.routing;

import de.digitalcheck.portal.shared.validation.Errors;
import de.digitalcheck.portal.shared.validation.Formats;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.regex.Pattern;

/**
 * Changes to agencies and their territories, validated: territories are AGS prefixes that exist in the
 * postal-code data, each served by one agency. Routing sees changes at once on this replica, within
 * {@link Router#TTL} on the others.
 */
@Singleton
public class AgencyAdministration {

    private static final Pattern PREFIX = Pattern.compile("\\d{2,8}");

    private final Agencies agencies;
    private final Territories territories;
    private final PostalCodeDirectory directory;
    private final Router router;

    AgencyAdministration(Agencies agencies, Territories territories, PostalCodeDirectory directory, Router router) {
        this.agencies = agencies;
        this.territories = territories;
        this.directory = directory;
        this.router = router;
    }

    @Transactional
    public Agency updateContact(String agencyId, String email, String phone, String website, String address) {
        Agency agency = agencies.findById(agencyId).orElseThrow();
        Errors errors = new Errors();
        String e = trim(email);
        if (e.isEmpty()) {
            errors.add("email", "error.required");
        } else if (!Formats.isEmail(e)) {
            errors.add("email", "error.email.format");
        }
        String p = trim(phone);
        if (!p.isEmpty() && !Formats.isPhone(p)) {
            errors.add("phone", "error.phone.format");
        }
        String w = trim(website);
        if (!w.isEmpty() && !Formats.isWebAddress(w)) {
            errors.add("website", "error.website.format");
        }
        String a = trim(address);
        if (a.length() > 300) {
            errors.add("address", "error.name.tooLong", 300);
        }
        errors.throwIfAny();
        Agency changed = agencies.update(agency.withContact(e, empty(p), empty(w), empty(a)));
        router.refresh();
        return changed;
    }

    @Transactional
    public void addTerritory(String agencyId, String prefixInput) {
        Errors errors = new Errors();
        String prefix = trim(prefixInput);
        if (!agencies.existsById(agencyId)) {
            errors.add("agencyId", "error.invite.agency");
        }
        if (!PREFIX.matcher(prefix).matches()) {
            errors.add("prefix", "error.territory.format");
        } else if (!directory.coversPrefix(prefix)) {
            errors.add("prefix", "error.territory.unknown");
        } else {
            territories.findById(prefix).ifPresent(t -> errors.add("prefix", "error.territory.taken", t.agencyId()));
        }
        errors.throwIfAny();
        territories.save(new Territory(prefix, agencyId));
        router.refresh();
    }

    @Transactional
    public void removeTerritory(String agencyId, String prefix) {
        territories.findById(prefix).filter(t -> t.agencyId().equals(agencyId)).ifPresent(territories::delete);
        router.refresh();
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }

    private static String empty(String s) {
        return s.isEmpty() ? null : s;
    }
}
