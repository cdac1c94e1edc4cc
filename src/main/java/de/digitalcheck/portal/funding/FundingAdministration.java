package de.digitalcheck.portal.funding;

import de.digitalcheck.portal.shared.validation.Errors;
import de.digitalcheck.portal.shared.validation.Formats;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The network admin maintains the funding programmes: adds and edits them and sets the dates they are open. */
@Singleton
public class FundingAdministration {

    static final Set<String> DIMENSIONS = Set.of("strategy", "factory", "operations", "products", "services", "employees");
    private static final Pattern REGION = Pattern.compile("(\\d{2,8})?");

    private final FundingProgrammeRows programmes;

    FundingAdministration(FundingProgrammeRows programmes) {
        this.programmes = programmes;
    }

    public List<FundingProgramme> all() {
        return programmes.findAllOrderByNameDe().stream().map(FundingProgrammeRow::programme).toList();
    }

    /** Adds a programme from the admin's form (field name to value); dimensions as {@code dim.<id>} keys. */
    @Transactional
    public FundingProgramme add(Map<String, String> form) {
        Errors errors = new Errors();
        String id = slug(value(form, "nameDe"));
        FundingProgramme p = checked(id, form, errors);
        if (!p.nameDe().isEmpty() && programmes.existsById(id)) {
            errors.add("nameDe", "error.funding.exists");
        }
        errors.throwIfAny();
        return programmes.save(FundingProgrammeRow.of(p)).programme();
    }

    /** Changes every field of a programme from the admin's form; its id (made from the first German name) stays. */
    @Transactional
    public FundingProgramme update(String id, Map<String, String> form) {
        if (!programmes.existsById(id)) {
            throw new UnknownProgramme();
        }
        Errors errors = new Errors();
        FundingProgramme p = checked(id, form, errors);
        errors.throwIfAny();
        return programmes.update(FundingProgrammeRow.of(p)).programme();
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

    /** A programme as the admin's form shows it (the inverse of what {@link #add} reads). */
    public static Map<String, String> formOf(FundingProgramme p) {
        Map<String, String> form = new java.util.HashMap<>();
        form.put("nameDe", p.nameDe());
        form.put("nameEn", p.nameEn());
        form.put("provider", p.provider());
        form.put("summaryDe", p.summaryDe());
        form.put("summaryEn", p.summaryEn());
        form.put("url", p.url());
        form.put("regionAgs", p.regionAgs());
        form.put("maxLevel", String.valueOf(p.maxLevel()));
        form.put("validFrom", String.valueOf(p.validFrom()));
        form.put("validUntil", p.validUntil() == null ? "" : p.validUntil().toString());
        for (String d : p.dimensions().split(",")) {
            if (!d.isBlank()) {
                form.put("dim." + d, "on");
            }
        }
        if (p.smeOnly()) {
            form.put("smeOnly", "on");
        }
        return form;
    }

    /** The programme the form describes, every problem added to {@code errors}. */
    private static FundingProgramme checked(String id, Map<String, String> form, Errors errors) {
        String nameDe = required(form, "nameDe", 200, errors);
        String nameEn = required(form, "nameEn", 200, errors);
        String provider = required(form, "provider", 200, errors);
        String summaryDe = required(form, "summaryDe", 1000, errors);
        String summaryEn = required(form, "summaryEn", 1000, errors);
        String url = required(form, "url", 500, errors);
        if (!url.isEmpty() && !Formats.isWebAddress(url)) {
            errors.add("url", "error.website.format");
        }
        String region = value(form, "regionAgs");
        if (!REGION.matcher(region).matches()) {
            errors.add("regionAgs", "error.territory.format");
        }
        List<String> dimensions = DIMENSIONS.stream().filter(d -> form.containsKey("dim." + d)).sorted().toList();
        if (dimensions.isEmpty()) {
            errors.add("dimensions", "error.funding.dimensions");
        }
        int maxLevel = -1;
        try {
            maxLevel = Integer.parseInt(value(form, "maxLevel"));
        } catch (NumberFormatException e) {
            // reported below
        }
        if (maxLevel < 0 || maxLevel > 5) {
            errors.add("maxLevel", "error.funding.level");
        }
        LocalDate from = date(form, "validFrom", true, errors);
        LocalDate until = date(form, "validUntil", false, errors);
        if (from != null && until != null && until.isBefore(from)) {
            errors.add("validUntil", "error.funding.until");
        }
        return new FundingProgramme(id, nameDe, nameEn, provider, summaryDe, summaryEn, url, region,
            String.join(",", dimensions), maxLevel, form.containsKey("smeOnly"), from, until);
    }

    /** Sets the last day a programme is open ({@code null}: open-ended). */
    @Transactional
    public void setValidUntil(String id, String untilInput) {
        FundingProgramme p = require(id);
        Errors errors = new Errors();
        LocalDate until = date(Map.of("validUntil", untilInput == null ? "" : untilInput), "validUntil", false, errors);
        if (until != null && until.isBefore(p.validFrom())) {
            errors.add("validUntil", "error.funding.until");
        }
        errors.throwIfAny();
        programmes.update(new FundingProgrammeRow(p.id(), p.nameDe(), p.nameEn(), p.provider(), p.summaryDe(), p.summaryEn(),
            p.url(), p.regionAgs(), p.dimensions(), p.maxLevel(), p.smeOnly(), p.validFrom(), until));
    }

    private static LocalDate date(Map<String, String> form, String field, boolean required, Errors errors) {
        String text = value(form, field);
        if (text.isEmpty()) {
            if (required) {
                errors.add(field, "error.required");
            }
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(field, "error.funding.date");
            return null;
        }
    }

    private static String required(Map<String, String> form, String field, int max, Errors errors) {
        String v = value(form, field);
        if (v.isEmpty()) {
            errors.add(field, "error.required");
        } else if (v.length() > max) {
            errors.add(field, "error.name.tooLong", max);
        }
        return v;
    }

    private static String value(Map<String, String> form, String field) {
        String v = form.get(field);
        return v == null ? "" : v.strip();
    }

    static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
            .replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.length() > 64 ? s.substring(0, 64) : s;
    }
}
