package de.digitalcheck.portal.routing;

import de.digitalcheck.portal.shared.persistence.DatabaseErrors;
import de.digitalcheck.portal.shared.validation.Errors;
import de.digitalcheck.portal.shared.validation.FieldError;
import de.digitalcheck.portal.shared.validation.ValidationException;
import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Changes to agencies and their territories, validated: territories are AGS prefixes that exist in the
 * postal-code data, each served by one agency. Routing sees changes at once on this replica, within
 * {@link Router#TTL} on the others. The values come from forms that have checked their shapes (required, length,
 * format); a method that takes the problems such a form found ({@code formErrors}) reports them together with its
 * own and changes nothing while there are any.
 */
@Singleton
public class AgencyAdministration {

    /** The unique index on {@code agency.name_key} (V128), as the databases name it in a refusal (lower case). */
    static final String NAME_KEY_INDEX = "uq_agency_name_key";
    /** The unique index on {@code agency.short_name_key} (V142), as the databases name it in a refusal (lower case). */
    static final String SHORT_NAME_KEY_INDEX = "uq_agency_short_name_key";
    /** The most pixels a logo may have each way (a logo is shown at most a few hundred pixels wide). */
    public static final int LOGO_MAX_PIXELS = 2000;
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

    /** Creates an agency; its id is derived from the short name ("EN-Agentur" → "en-agentur", "日本" → "xn--wgv71a"). */
    @Transactional
    public Agency create(AgencyProfile profile, List<FieldError> formErrors) {
        Errors errors = new Errors().addAll(formErrors);
        int days = firstContactDays(profile, errors);
        String id = idFor(trim(profile.shortName()));
        needsLetterOrDigit(profile.shortName(), errors);
        shortNameFree(profile.shortName(), null, errors);
        nameFree(profile.name(), null, errors);
        errors.throwIfAny();
        AgencyRow created;
        try {
            created = agencies.save(AgencyRow.of(id, trim(profile.name()), trim(profile.shortName()),
                trim(profile.email()), empty(profile.phone()), empty(profile.website()), empty(profile.address()),
                clock.instant(), days));
        } catch (DataAccessException e) {
            throw takenAtTheSameMoment(e, "shortName", "error.agency.shortName.taken");
        }
        router.refresh();
        return created.agency();
    }

    /**
     * The admin's edit: names, contact and service level (the id stays); a short name or name of another agency is
     * refused as on {@link #create}.
     *
     * @param readStamp the agency's {@link Agency#profileStamp()} when the form was read (null: unknown, which counts as
     *                  stale: a form never replaces values its user has not seen)
     * @throws StaleAgency those values were changed since (after the form's own problems, which come first): nothing
     *                     saved
     */
    @Transactional
    public Agency update(String agencyId, AgencyProfile profile, @Nullable String readStamp, List<FieldError> formErrors) {
        AgencyRow agency = agencies.lockById(agencyId).orElseThrow(UnknownAgency::new);
        Errors errors = new Errors().addAll(formErrors);
        int days = firstContactDays(profile, errors);
        if (!trim(profile.shortName()).equals(trim(agency.shortName()))) {
            // a changed short name needs a letter or digit, as a new one does (one saved before that rule may stay)
            needsLetterOrDigit(profile.shortName(), errors);
        }
        if (!idFor(trim(profile.shortName())).equals(idFor(trim(agency.shortName())))) {
            // changed: an unchanged one is the agency's own (its key in the database's unique index, V142)
            shortNameFree(profile.shortName(), agencyId, errors);
        }
        nameFree(profile.name(), agencyId, errors);
        errors.throwIfAny();
        if (!agency.agency().profileStamp().equals(readStamp)) {
            throw new StaleAgency(agency.agency());
        }
        AgencyRow changed;
        try {
            changed = agencies.update(agency.withNames(trim(profile.name()), trim(profile.shortName()), days)
                .withContact(trim(profile.email()), empty(profile.phone()), empty(profile.website()), empty(profile.address())));
        } catch (DataAccessException e) {
            throw takenAtTheSameMoment(e, null, null); // a name's or a short name's index
        }
        router.refresh();
        return changed.agency();
    }

    /**
     * Agency staff's edit: the contact and where new leads are mailed (blank: the contact email), as their form checked
     * them, in one transaction.
     *
     * @param readStamp the agency's {@link Agency#contactStamp()} when the form was read (null counts as stale)
     * @throws StaleAgency those values were changed since: nothing saved
     */
    @Transactional
    public Agency updateContact(String agencyId, String email, String phone, String website, String address,
                                @Nullable String leadEmail, @Nullable String readStamp) {
        AgencyRow agency = agencies.lockById(agencyId).orElseThrow(UnknownAgency::new);
        if (!agency.agency().contactStamp().equals(readStamp)) {
            throw new StaleAgency(agency.agency());
        }
        AgencyRow changed = agencies.update(agency.withContact(trim(email), empty(phone), empty(website), empty(address))
            .withLeadEmail(leadEmail(leadEmail)));
        router.refresh();
        return changed.agency();
    }

    private static String leadEmail(@Nullable String leadEmail) {
        return leadEmail == null || leadEmail.isBlank() ? null : leadEmail.strip().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The refusal of a logo above {@link #LOGO_MAX_BYTES}: {@link #setLogo} throws it, and the logo forms answer with
     * it too when a file above the server's request size limit never reaches their handler.
     */
    public static ValidationException logoTooLarge() {
        return new ValidationException(List.of(FieldError.of("logo", "error.logo.tooLarge", LOGO_MAX_BYTES / 1024)));
    }

    /**
     * The refusal of a logo that is no file: none chosen, or a form whose {@code logo} part is a plain field (the
     * logo forms answer with it when such a part cannot be bound to their handler's file).
     */
    public static ValidationException logoMissing() {
        return new ValidationException(List.of(FieldError.of("logo", "error.logo.missing")));
    }

    /**
     * Sets the agency's logo after checking its content: PNG or JPEG by their signatures, at most
     * {@link #LOGO_MAX_BYTES}. Whatever the browser claimed the file to be does not count. Stored without its metadata
     * ({@link LogoMetadata}: Exif with GPS position and camera, text chunks, thumbnails), its pixels as uploaded; what
     * is stored is what was checked.
     */
    @Transactional
    public void setLogo(String agencyId, byte[] content) {
        if (!agencies.existsById(agencyId)) {
            throw new UnknownAgency();
        }
        Errors errors = new Errors();
        String type = content == null || content.length == 0 ? null : imageType(content);
        byte[] image = null;
        if (content == null || content.length == 0) {
            errors.addAll(logoMissing().errors());
        } else if (content.length > LOGO_MAX_BYTES) {
            errors.addAll(logoTooLarge().errors());
        } else if (type == null) {
            errors.add("logo", "error.logo.type");
        } else if ((image = withoutMetadata(type, content)) == null || !complete(type, image) || !readableImage(image)) {
            errors.add("logo", "error.logo.unreadable", LOGO_MAX_PIXELS, LOGO_MAX_PIXELS);
        }
        errors.throwIfAny();
        AgencyLogoRow logo = new AgencyLogoRow(agencyId, type, image, clock.instant());
        if (logos.existsById(agencyId)) {
            logos.update(logo);
        } else {
            logos.save(logo);
        }
    }

    /**
     * Locks the agency's row until the caller's transaction ends, as every edit of the agency does: another module's
     * changes of what is the agency's as a whole (its appointment types, whose names are unique within it) take turns
     * by it, and each then reads what the one before stored.
     *
     * @throws UnknownAgency if there is no such agency
     */
    @Transactional(propagation = io.micronaut.transaction.TransactionDefinition.Propagation.MANDATORY)
    public void lock(String agencyId) {
        agencies.lockById(agencyId).orElseThrow(UnknownAgency::new);
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

    /** The image without its metadata ({@link LogoMetadata}); null where its structure cannot be followed to its end. */
    private static byte[] withoutMetadata(String type, byte[] content) {
        try {
            return LogoMetadata.stripped(type, content);
        } catch (IllegalArgumentException unreadable) {
            return null;
        }
    }

    /**
     * Whether the image decodes whole and is at most {@link #LOGO_MAX_PIXELS} pixels each way: a signature alone let a
     * truncated PNG or one whose header claims 100 000 × 100 000 pixels through, to every page and report showing the
     * logo. The size is read from the header before anything is decoded (no decompression bomb is ever unpacked).
     */
    static boolean readableImage(byte[] content) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            if (in == null) {
                return false;
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return false;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width < 1 || height < 1 || width > LOGO_MAX_PIXELS || height > LOGO_MAX_PIXELS) {
                    return false;
                }
                return reader.read(0) != null;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException unreadable) {
            return false; // truncated or corrupt data (IIOException), or a decoder's own failure
        }
    }

    /**
     * Whether the file ends as its format ends — a PNG with its {@code IEND} chunk, a JPEG with its end-of-image marker
     * (within its last 32 bytes, some writers pad): Java's decoders read a file cut off there without complaint, the
     * report's PDF library does not.
     */
    static boolean complete(String type, byte[] b) {
        if ("image/png".equals(type)) {
            byte[] iend = {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xae, 0x42, 0x60, (byte) 0x82};
            return b.length >= iend.length
                && java.util.Arrays.equals(b, b.length - iend.length, b.length, iend, 0, iend.length);
        }
        for (int i = b.length - 2; i >= Math.max(0, b.length - 32); i--) {
            if ((b[i] & 0xff) == 0xff && (b[i + 1] & 0xff) == 0xd9) {
                return true;
            }
        }
        return false;
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

    /**
     * A short name must make an id ({@link #idFor}): at least one letter or digit, of any script (unless its field is
     * refused already).
     */
    private static void needsLetterOrDigit(@Nullable String shortName, Errors errors) {
        if (!errors.has("shortName") && !AgencyShortNames.hasLetterOrDigit(trim(shortName))) {
            errors.add("shortName", "error.agency.shortName.letters");
        }
    }

    /**
     * Refuses a short name another agency has, compared as the id a short name makes ({@link #idFor}: case, spaces,
     * dashes and umlauts' spelling aside), or whose id it would make: the lists and the agency choices show agencies
     * by their short names, so two of one short name could not be told apart. A new agency's id is made from its short
     * name, so creating refused one before; an edit took another agency's, which is refused now as well.
     * {@code ownId}: the agency being edited, whose own short name (and id) is no conflict. Compared here as
     * {@link #nameFree} compares; two admins saving one short name at the same moment both pass this check, and the
     * unique index on the key ({@link #shortNameKey}, V142) lets one of them in: the other gets the same field error
     * ({@link #takenAtTheSameMoment}).
     */
    private void shortNameFree(@Nullable String shortName, @Nullable String ownId, Errors errors) {
        String key = idFor(trim(shortName));
        if (key.isEmpty() || errors.has("shortName")) {
            return;
        }
        for (AgencyRow other : agencies.findAll()) {
            if (!other.id().equals(ownId) && (other.id().equals(key) || idFor(other.shortName()).equals(key))) {
                errors.add("shortName", "error.agency.shortName.taken");
                return;
            }
        }
    }

    /**
     * Refuses a name another agency has (trimmed, spaces collapsed, case ignored): staff pick the agency to forward a
     * lead to by its name and the consent text names the agency by it, so two agencies of one name could not be told
     * apart. {@code ownId}: the agency being edited, whose own name is no conflict. Compared here rather than by the
     * database's collation, which differs between H2 and MariaDB; the network has a few dozen agencies.
     */
    private void nameFree(@Nullable String name, @Nullable String ownId, Errors errors) {
        String key = AgencyNames.form(name);
        if (key.isEmpty() || errors.has("name")) {
            return;
        }
        for (AgencyRow other : agencies.findAll()) {
            if (!other.id().equals(ownId) && AgencyNames.form(other.name()).equals(key)) {
                errors.add("name", "error.agency.name.taken");
                return;
            }
        }
    }

    /**
     * The field error for a name, short name or id another admin saved at the same moment, which {@link #nameFree},
     * {@link #shortNameFree} or the id's check could not see yet: the unique index on {@code agency.name_key} or on
     * {@code agency.short_name_key} (or the primary key, {@code idField}) let the other one in. Anything else is thrown
     * on as it was.
     */
    private static RuntimeException takenAtTheSameMoment(DataAccessException e, @Nullable String idField,
                                                         @Nullable String idError) {
        if (!DatabaseErrors.duplicateKey(e)) {
            return e;
        }
        String message = DatabaseErrors.sqlCause(e).map(Throwable::getMessage).orElse("").toLowerCase(java.util.Locale.ROOT);
        if (message.contains(SHORT_NAME_KEY_INDEX)) {
            return new ValidationException(List.of(FieldError.of("shortName", "error.agency.shortName.taken")));
        }
        if (message.contains(NAME_KEY_INDEX)) {
            return new ValidationException(List.of(FieldError.of("name", "error.agency.name.taken")));
        }
        if (idField != null) {
            return new ValidationException(List.of(FieldError.of(idField, idError)));
        }
        return e;
    }

    /** The service level: first contact within 1 to {@value #MAX_FIRST_CONTACT_DAYS} working days. */
    private static int firstContactDays(AgencyProfile profile, Errors errors) {
        String days = trim(profile.firstContactDays());
        int value = days.matches("\\d{1,2}") ? Integer.parseInt(days) : 0;
        if (value < 1 || value > MAX_FIRST_CONTACT_DAYS) {
            errors.add("firstContactDays", "error.agency.firstContactDays", MAX_FIRST_CONTACT_DAYS);
        }
        return value;
    }

    /**
     * The value of {@code agency.short_name_key} for an agency's short name, under a unique index (V142) so that the
     * database decides between two admins saving one short name at the same moment: the id the short name makes
     * ({@link #idFor}, as {@link #shortNameFree} compares short names), or, for a short name that makes none (no letter or
     * digit), the agency's own id in lower case (unique as ids are). Only lower-case ASCII letters, digits and dashes
     * (ids are made so), which MariaDB's case-insensitive collation and H2's binary one compare alike. A change of
     * {@link #idFor} needs a migration that computes the stored keys anew (V141 computed them first, V144 again).
     */
    public static String shortNameKey(String id, @Nullable String shortName) {
        String key = idFor(trim(shortName));
        return key.isEmpty() ? id.toLowerCase(java.util.Locale.ROOT) : key;
    }

    /**
     * The id for a short name ({@link AgencyShortNames#id}): lower-case ASCII letters, digits and dashes, umlauts
     * spelled out, at most 40; a short name with letters beyond Latin ones makes "xn--" and their Punycode.
     */
    public static String idFor(String shortName) {
        return AgencyShortNames.id(shortName);
    }

    /**
     * Gives an agency a territory: an AGS prefix of an administrative level ({@link AgsPrefixes}: 2, 3, 5 or 8 digits)
     * of some municipality that no agency has yet.
     */
    @Transactional
    public void addTerritory(String agencyId, String prefixInput, List<FieldError> formErrors) {
        Errors errors = new Errors().addAll(formErrors);
        String prefix = trim(prefixInput);
        if (trim(agencyId).isEmpty()) {
            errors.add("agencyId", "error.territory.agency.missing");
        } else if (agencies.findById(agencyId).filter(a -> a.id().equals(agencyId)).isEmpty()) {
            // exactly this id: MySQL/MariaDB find "EN-AGENTUR" as "en-agentur", and the territory was stored under it
            errors.add("agencyId", "error.territory.agency");
        }
        if (!errors.has("prefix")) {
            if (!AgsPrefixes.isLevel(prefix)) {
                errors.add("prefix", "error.territory.format");
            } else if (!directory.coversPrefix(prefix)) {
                errors.add("prefix", "error.territory.unknown");
            } else {
                territories.findById(prefix).ifPresent(t -> errors.add("prefix", "error.territory.taken",
                    agencies.findById(t.agencyId()).map(AgencyRow::name).orElse(t.agencyId())));
            }
        }
        errors.throwIfAny();
        territories.save(new TerritoryRow(prefix, agencyId));
        router.refresh();
    }

    /**
     * Takes a territory from an agency. A prefix missing, malformed or not that agency's territory (another agency's,
     * nobody's, removed already) is refused at {@code prefix}, nothing changed: it was answered as saved, as if the
     * place had been taken from the agency.
     *
     * @throws UnknownAgency no agency has this id (nothing to take a territory from: the page says so, 404)
     * @throws de.digitalcheck.portal.shared.validation.ValidationException the prefix is missing, malformed or not
     *     one of the agency's territories
     */
    @Transactional
    public void removeTerritory(String agencyId, String prefixInput) {
        // exactly this id: MySQL/MariaDB find "WF-HAGEN" as "wf-hagen" (see addTerritory)
        AgencyRow agency = (agencyId == null ? Optional.<AgencyRow>empty() : agencies.findById(agencyId))
            .filter(a -> a.id().equals(agencyId)).orElseThrow(UnknownAgency::new);
        String prefix = trim(prefixInput);
        Errors errors = new Errors();
        Optional<TerritoryRow> territory = Optional.empty();
        if (prefix.isEmpty()) {
            errors.add("prefix", "error.territory.missing");
        } else if (!AgsPrefixes.isLevel(prefix)) {
            errors.add("prefix", "error.territory.format");
        } else {
            territory = territories.findById(prefix).filter(t -> t.agencyId().equals(agency.id()));
            if (territory.isEmpty()) {
                errors.add("prefix", "error.territory.notOfAgency", prefix, agency.name());
            }
        }
        errors.throwIfAny();
        territories.delete(territory.orElseThrow());
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
        agencies.save(AgencyRow.of(id, profile.name(), profile.shortName(), profile.email(), empty(profile.phone()),
            empty(profile.website()), empty(profile.address()), clock.instant(), Integer.parseInt(profile.firstContactDays())));
        prefixes.forEach(prefix -> territories.save(new TerritoryRow(prefix, id)));
        router.refresh();
        return true;
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }

    private static String empty(String s) {
        String trimmed = trim(s);
        return trimmed.isEmpty() ? null : trimmed;
    }
}
