package de.digitalcheck.portal.funding;

import de.digitalcheck.portal.routing.AgencyNames;
import de.digitalcheck.portal.routing.AgsPrefixes;
import de.digitalcheck.portal.routing.PostalCodeDirectory;
import de.digitalcheck.portal.shared.persistence.DatabaseErrors;
import de.digitalcheck.portal.shared.time.PortalTime;
import de.digitalcheck.portal.shared.validation.Errors;
import de.digitalcheck.portal.shared.validation.FieldError;
import de.digitalcheck.portal.shared.validation.ValidationException;
import io.micronaut.context.BeanProvider;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/** The network admin maintains the funding programmes: adds and edits them and sets the dates they are open. */
@Singleton
public class FundingAdministration {

    static final Set<String> DIMENSIONS = Set.of("strategy", "factory", "operations", "products", "services", "employees");

    /** At most this many prefixes make a region (the column holds 1,000 characters). */
    static final int MAX_REGIONS = 100;
    /** The most characters of a programme's id (its column holds 64). */
    static final int MAX_ID = 64;
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,;]+");

    private final FundingProgrammeRows programmes;
    private final BeanProvider<PostalCodeDirectory> directory;

    FundingAdministration(FundingProgrammeRows programmes, BeanProvider<PostalCodeDirectory> directory) {
        this.programmes = programmes;
        this.directory = directory;
    }

    public List<FundingProgramme> all() {
        return de.digitalcheck.portal.shared.i18n.NameOrder.sorted(
            programmes.findAll().stream().map(FundingProgrammeRow::programme).toList(), FundingProgramme::nameDe);
    }

    /**
     * Adds a programme; its id is made from the German name ({@link #freeId}: another programme's id made from a
     * different name gets a number). The form's own checks found {@code formErrors}; they are reported together with
     * these (nothing is added while there are any). A German or English name another programme has is refused
     * ({@link #namesFree}).
     */
    @Transactional
    public FundingProgramme add(ProgrammeInput input, List<FieldError> formErrors) {
        Errors errors = new Errors().addAll(formErrors);
        String slug = slug(input.nameDe().strip());
        if (!errors.has("nameDe") && slug.isEmpty()) {
            errors.add("nameDe", "error.funding.nameLetters");
        }
        List<FundingProgrammeRow> all = programmes.findAll();
        namesFree(input, null, all, errors);
        String id = freeId(slug, all);
        FundingProgramme p = checked(id, input, errors);
        errors.throwIfAny();
        try {
            return programmes.save(FundingProgrammeRow.of(p)).programme();
        } catch (DataAccessException e) {
            // another admin added a programme of this id at the same moment: of the same name, as the id is made from
            // it (two names making one id at one moment are rare enough to be asked to save again)
            if (DatabaseErrors.duplicateKey(e)) {
                throw new ValidationException(List.of(FieldError.of("nameDe", "error.funding.exists")));
            }
            throw e;
        }
    }

    /**
     * Changes every field of a programme (as {@link #add}); its id (made from the first German name) stays. A name
     * another programme has is refused as on {@link #add}; the programme's own is no conflict.
     */
    @Transactional
    public FundingProgramme update(String id, ProgrammeInput input, List<FieldError> formErrors) {
        if (!programmes.existsById(id)) {
            throw new UnknownProgramme();
        }
        Errors errors = new Errors().addAll(formErrors);
        namesFree(input, id, programmes.findAll(), errors);
        FundingProgramme p = checked(id, input, errors);
        errors.throwIfAny();
        return programmes.update(FundingProgrammeRow.of(p)).programme();
    }

    /**
     * Refuses a German name or an English name another programme has in that language, compared as agency names are
     * ({@link AgencyNames#form}: trimmed, inner white space as one space, case ignored): companies see the programmes
     * listed by name, and staff pick one by it as an appointment's outcome, so two of one name could not be told apart.
     * Compared here rather than by the database's collation, which differs between H2 and MariaDB; there are a few
     * dozen programmes. {@code ownId}: the programme being edited, whose own names are no conflict.
     */
    private static void namesFree(ProgrammeInput input, @Nullable String ownId, List<FundingProgrammeRow> all,
                                  Errors errors) {
        nameFree("nameDe", input.nameDe(), FundingProgrammeRow::nameDe, "error.funding.exists", ownId, all, errors);
        nameFree("nameEn", input.nameEn(), FundingProgrammeRow::nameEn, "error.funding.nameEn.exists", ownId, all,
            errors);
    }

    private static void nameFree(String field, @Nullable String name, Function<FundingProgrammeRow, String> nameOf,
                                 String error, @Nullable String ownId, List<FundingProgrammeRow> all, Errors errors) {
        String form = AgencyNames.form(name);
        if (form.isEmpty() || errors.has(field)) {
            return;
        }
        if (all.stream().anyMatch(p -> !p.id().equals(ownId) && AgencyNames.form(nameOf.apply(p)).equals(form))) {
            errors.add(field, error);
        }
    }

    /**
     * The id for a new programme: the slug of its German name, or, if another programme has that id (made from a name
     * that differs, as {@link #namesFree} allows: "ZIM" beside "Zentrales Innovationsprogramm Mittelstand (ZIM)",
     * whose id is "zim"), the slug with the first "-2", "-3", … no programme has. Ids are compared in lower case, as
     * MariaDB's collation compares them. An id clash is not the admin's to solve: the id shows nowhere but in
     * addresses.
     */
    static String freeId(String slug, List<FundingProgrammeRow> all) {
        if (slug.isEmpty()) {
            return slug;
        }
        Set<String> taken = new java.util.HashSet<>();
        all.forEach(p -> taken.add(p.id().toLowerCase(Locale.ROOT)));
        String id = slug;
        for (int n = 2; taken.contains(id); n++) {
            String suffix = "-" + n;
            id = slug.substring(0, Math.min(slug.length(), MAX_ID - suffix.length())).replaceAll("-$", "") + suffix;
        }
        return id;
    }

    public java.util.Optional<FundingProgramme> find(String id) {
        return programmes.findById(id).map(FundingProgrammeRow::programme);
    }

    /**
     * @throws UnknownProgramme if there is no programme with this id
     */
    public FundingProgramme require(String id) {
        return find(id).orElseThrow(UnknownProgramme::new);
    }

    /** The programme the input describes (meaningful only while {@code errors} is empty), its problems added. */
    private FundingProgramme checked(String id, ProgrammeInput input, Errors errors) {
        List<String> dimensions = DIMENSIONS.stream().filter(input.dimensions()::contains).sorted().toList();
        if (dimensions.isEmpty() && !errors.has("dimensions")) {
            errors.add("dimensions", "error.funding.dimensions");
        }
        String level = input.maxLevel().strip();
        int maxLevel = level.matches("\\d") ? Integer.parseInt(level) : -1;
        if (maxLevel < 0 || maxLevel > 5) {
            errors.add("maxLevel", "error.funding.level");
        }
        LocalDate from = errors.has("validFrom") ? null : date(input.validFrom(), "validFrom", true, errors);
        LocalDate until = date(input.validUntil(), "validUntil", false, errors);
        if (from != null && until != null && until.isBefore(from)) {
            errors.add("validUntil", "error.funding.until");
        }
        List<String> regions = errors.has("regionAgs") ? List.of() : regions(input.regionAgs(), errors);
        return new FundingProgramme(id, input.nameDe().strip(), input.nameEn().strip(), input.provider().strip(),
            input.providerEn() == null || input.providerEn().isBlank() ? null : input.providerEn().strip(),
            input.summaryDe().strip(), input.summaryEn().strip(), input.url().strip(), regions,
            String.join(",", dimensions), maxLevel, input.smeOnly(), from, until);
    }

    /** Sets the last day a programme is open ({@code null}: open-ended). */
    @Transactional
    public void setValidUntil(String id, String untilInput) {
        FundingProgramme p = require(id);
        Errors errors = new Errors();
        LocalDate until = date(untilInput, "validUntil", false, errors);
        if (until != null && until.isBefore(p.validFrom())) {
            errors.add("validUntil", "error.funding.until");
        }
        errors.throwIfAny();
        programmes.update(new FundingProgrammeRow(p.id(), p.nameDe(), p.nameEn(), p.provider(), p.providerEn(), p.summaryDe(),
            p.summaryEn(), p.url(), p.regionColumn(), p.dimensions(), p.maxLevel(), p.smeOnly(), p.validFrom(), until));
    }

    /**
     * The region typed as a list of AGS prefixes (separated by commas, semicolons, spaces or lines; none: all of
     * Germany), sorted and without repeats; every prefix names an administrative level as a territory does
     * ({@link AgsPrefixes}: 2, 3, 5 or 8 digits) and some municipality in the postal code table starts with it.
     */
    List<String> regions(String input, Errors errors) {
        TreeSet<String> prefixes = new TreeSet<>();
        for (String part : SEPARATORS.split(input == null ? "" : input.strip())) {
            if (!part.isEmpty()) {
                prefixes.add(part);
            }
        }
        List<String> malformed = prefixes.stream().filter(p -> !AgsPrefixes.isLevel(p)).toList();
        if (!malformed.isEmpty()) {
            errors.add("regionAgs", "error.funding.region.format", String.join(", ", malformed));
            return List.of();
        }
        if (prefixes.size() > MAX_REGIONS) {
            errors.add("regionAgs", "error.funding.region.many", MAX_REGIONS);
            return List.of();
        }
        List<String> unknown = prefixes.stream().filter(p -> !directory.get().coversPrefix(p)).toList();
        if (!unknown.isEmpty()) {
            errors.add("regionAgs", "error.funding.region.unknown", String.join(", ", unknown));
            return List.of();
        }
        return List.copyOf(prefixes);
    }

    private static LocalDate date(String input, String field, boolean required, Errors errors) {
        String text = input == null ? "" : input.strip();
        if (text.isEmpty()) {
            if (required) {
                errors.add(field, "error.required");
            }
            return null;
        }
        // ISO, within the years a date given by a client may have (the database's DATE holds no more); a real date
        // outside them is told as that, naming the range, not as one in the wrong format (9999-12-31 for "no end"
        // was told "please give a date as YYYY-MM-DD")
        Optional<LocalDate> date = PortalTime.date(text);
        if (date.isEmpty()) {
            String range = "validUntil".equals(field) ? "error.funding.until.range" : "error.funding.date.range";
            if (PortalTime.noSuchDay(text)) {
                errors.add(field, "error.date.noSuchDay", text);
            } else {
                errors.add(field, isoDate(text) ? range : "error.funding.date");
            }
        }
        return date.orElse(null);
    }

    /** Whether {@code text} is an ISO date at all (in any year). */
    private static boolean isoDate(String text) {
        try {
            LocalDate.parse(text);
            return true;
        } catch (java.time.DateTimeException e) {
            return false;
        }
    }

    static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
            .replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.length() > MAX_ID ? s.substring(0, MAX_ID).replaceAll("-$", "") : s;
    }
}
