package de.digitalcheck.portal.routing;

import de.digitalcheck.portal.shared.validation.Errors;
import de.digitalcheck.portal.shared.validation.Formats;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Changes to agencies and their territories, validated: territories are AGS prefixes that exist in the
 * postal-code data, each served by one agency. Routing sees changes at once on this replica, within
 * {@link Router#TTL} on the others.
 */
@Singleton
public class AgencyAdministration {

    private static final Pattern PREFIX = Pattern.compile("\\d{2,8}");
    /** Largest logo accepted (the request body limit is 256 KB). */
    public static final int LOGO_MAX_BYTES = 200 * 1024;
    public static final int MAX_FIRST_CONTACT_DAYS = 20;

    private final AgencyRows agencies;
    private final TerritoryRows territories;
    private final PostalCodeDirectory directory;
    private final Router router;
    private final AgencyLogoRows logos;
    private final java.time.Clock clock;

    AgencyAdministration(AgencyRows agencies, TerritoryRows territories, PostalCodeDirectory directory, Router router,
                         AgencyLogoRows logos, java.time.Clock clock) {
        this.logos = logos;
        this.clock = clock;
        this.agencies = agencies;
        this.territories = territories;
        this.directory = directory;
        this.router = router;
    }

    /** Creates an agency; its id is derived from the short name (e.g. "EN-Agentur" → "en-agentur"). */
    @Transactional
    public Agency create(AgencyProfile profile) {
        Errors errors = new Errors();
        Checked c = check(profile, errors);
        String id = idFor(c.shortName());
        if (!c.shortName().isEmpty() && id.isEmpty()) {
            errors.add("shortName", "error.agency.shortName.letters");
        } else if (!id.isEmpty() && agencies.existsById(id)) {
            errors.add("shortName", "error.agency.shortName.taken");
        }
        errors.throwIfAny();
        AgencyRow created = agencies.save(new AgencyRow(id, c.name(), c.shortName(), c.email(), empty(c.phone()),
            empty(c.website()), empty(c.address()), clock.instant(), c.firstContactDays()));
        router.refresh();
        return created.agency();
    }

    /** The admin's edit: names, contact and service level (the id stays). */
    @Transactional
    public Agency update(String agencyId, AgencyProfile profile) {
        AgencyRow agency = agencies.findById(agencyId).orElseThrow(UnknownAgency::new);
        Errors errors = new Errors();
        Checked c = check(profile, errors);
        errors.throwIfAny();
        AgencyRow changed = agencies.update(agency.withNames(c.name(), c.shortName(), c.firstContactDays())
            .withContact(c.email(), empty(c.phone()), empty(c.website()), empty(c.address())));
        router.refresh();
        return changed.agency();
    }

    /** Agency staff's edit: the contact only. */
    @Transactional
    public Agency updateContact(String agencyId, String email, String phone, String website, String address) {
        AgencyRow agency = agencies.findById(agencyId).orElseThrow(UnknownAgency::new);
        Errors errors = new Errors();
        String e = trim(email);
        String p = trim(phone);
        String w = trim(website);
        String a = trim(address);
        checkContact(e, p, w, a, errors);
        errors.throwIfAny();
        AgencyRow changed = agencies.update(agency.withContact(e, empty(p), empty(w), empty(a)));
        router.refresh();
        return changed.agency();
    }

    /**
     * Sets the agency's logo after checking its content: PNG or JPEG by their signatures, at most
     * {@link #LOGO_MAX_BYTES}. Whatever the browser claimed the file to be does not count.
     */
    @Transactional
    public void setLogo(String agencyId, byte[] content) {
        if (!agencies.existsById(agencyId)) {
            throw new UnknownAgency();
        }
        Errors errors = new Errors();
        String type = content == null || content.length == 0 ? null : imageType(content);
        if (content == null || content.length == 0) {
            errors.add("logo", "error.logo.missing");
        } else if (content.length > LOGO_MAX_BYTES) {
            errors.add("logo", "error.logo.tooLarge", LOGO_MAX_BYTES / 1024);
        } else if (type == null) {
            errors.add("logo", "error.logo.type");
        }
        errors.throwIfAny();
        AgencyLogoRow logo = new AgencyLogoRow(agencyId, type, content, clock.instant());
        if (logos.existsById(agencyId)) {
            logos.update(logo);
        } else {
            logos.save(logo);
        }
    }

    @Transactional
    public void removeLogo(String agencyId) {
        logos.deleteById(agencyId);
    }

    public Optional<AgencyLogo> logo(String agencyId) {
        return logos.findById(agencyId).map(l -> new AgencyLogo(l.contentType(), l.content()));
    }

    public boolean hasLogo(String agencyId) {
        return logos.existsById(agencyId);
    }

    /** "image/png" or "image/jpeg" by the file's signature; null for anything else (SVG, GIF, HTML, …). */
    static String imageType(byte[] b) {
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G'
            && b[4] == 0x0d && b[5] == 0x0a && b[6] == 0x1a && b[7] == 0x0a) {
            return "image/png";
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return "image/jpeg";
        }
        return null;
    }

    private record Checked(String name, String shortName, String email, String phone, String website, String address,
                           int firstContactDays) {
    }

    private static Checked check(AgencyProfile profile, Errors errors) {
        String name = trim(profile.name());
        String shortName = trim(profile.shortName());
        if (name.isEmpty()) {
            errors.add("name", "error.required");
        } else if (name.length() > 200) {
            errors.add("name", "error.name.tooLong", 200);
        }
        if (shortName.isEmpty()) {
            errors.add("shortName", "error.required");
        } else if (shortName.length() > 80) {
            errors.add("shortName", "error.name.tooLong", 80);
        }
        String e = trim(profile.email());
        String p = trim(profile.phone());
        String w = trim(profile.website());
        String a = trim(profile.address());
        checkContact(e, p, w, a, errors);
        int days = 0;
        String d = trim(profile.firstContactDays());
        if (!d.matches("\\d{1,2}") || (days = Integer.parseInt(d)) < 1 || days > MAX_FIRST_CONTACT_DAYS) {
            errors.add("firstContactDays", "error.agency.firstContactDays", MAX_FIRST_CONTACT_DAYS);
        }
        return new Checked(name, shortName, e, p, w, a, days);
    }

    private static void checkContact(String e, String p, String w, String a, Errors errors) {
        if (e.isEmpty()) {
            errors.add("email", "error.required");
        } else if (!Formats.isEmail(e)) {
            errors.add("email", "error.email.format");
        }
        if (!p.isEmpty() && !Formats.isPhone(p)) {
            errors.add("phone", "error.phone.format");
        }
        if (!w.isEmpty() && !Formats.isWebAddress(w)) {
            errors.add("website", "error.website.format");
        }
        if (a.length() > 300) {
            errors.add("address", "error.name.tooLong", 300);
        }
    }

    /** The id for a short name: lower case ASCII letters, digits and dashes, umlauts spelled out, at most 40. */
    static String idFor(String shortName) {
        String s = shortName.toLowerCase(java.util.Locale.ROOT).replace("ä", "ae").replace("ö", "oe")
            .replace("ü", "ue").replace("ß", "ss");
        s = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        s = s.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return s.length() > 40 ? s.substring(0, 40).replaceAll("-+$", "") : s;
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
        territories.save(new TerritoryRow(prefix, agencyId));
        router.refresh();
    }

    @Transactional
    public void removeTerritory(String agencyId, String prefix) {
        territories.findById(prefix).filter(t -> t.agencyId().equals(agencyId)).ifPresent(territories::delete);
        router.refresh();
    }

    /**
     * Adds an agency under a given id with its territories unless one with that id exists (the demo data of the
     * embedded default, whose ids are fixed); nothing is validated. Whether it was added.
     */
    @Transactional
    public boolean addUnlessPresent(String id, AgencyProfile profile, java.util.List<String> prefixes) {
        if (agencies.existsById(id)) {
            return false;
        }
        agencies.save(new AgencyRow(id, profile.name(), profile.shortName(), profile.email(), empty(profile.phone()),
            empty(profile.website()), empty(profile.address()), clock.instant(), Integer.parseInt(profile.firstContactDays())));
        prefixes.forEach(prefix -> territories.save(new TerritoryRow(prefix, id)));
        router.refresh();
        return true;
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }

    private static String empty(String s) {
        return s.isEmpty() ? null : s;
    }
}
