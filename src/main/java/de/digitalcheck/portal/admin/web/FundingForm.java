package de.digitalcheck.portal.admin.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import de.digitalcheck.portal.funding.FundingProgramme;
import de.digitalcheck.portal.funding.ProgrammeInput;
import de.digitalcheck.portal.shared.validation.Formats;
import de.digitalcheck.portal.shared.validation.MultiLine;
import de.digitalcheck.portal.shared.web.Csrf;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static de.digitalcheck.portal.shared.validation.FormValidation.text;

/** A funding programme as the network admin adds or edits it; level and dates are the domain's to check. */
@Serdeable
record FundingForm(
    @NotBlank(message = "error.required") @Size(max = 200, message = "error.name.tooLong") String nameDe,
    @NotBlank(message = "error.required") @Size(max = 200, message = "error.name.tooLong") String nameEn,
    @NotBlank(message = "error.required") @Size(max = 200, message = "error.name.tooLong") String provider,
    @Size(max = 200, message = "error.name.tooLong") String providerEn,
    @NotBlank(message = "error.required") @Size(max = 1000, message = "error.name.tooLong") String summaryDe,
    @NotBlank(message = "error.required") @Size(max = 1000, message = "error.name.tooLong") String summaryEn,
    @NotBlank(message = "error.required") @Size(max = 500, message = "error.name.tooLong")
    @Pattern(regexp = Formats.WEB_ADDRESS, message = "error.website.format") String url,
    @MultiLine @Size(max = 1200, message = "error.name.tooLong") String regionAgs,
    String maxLevel,
    @NotBlank(message = "error.required") String validFrom,
    String validUntil,
    @NotEmpty(message = "error.funding.dimensions") List<String> dimensions,
    String smeOnly,
    @JsonProperty(Csrf.FIELD) @Nullable String csrfToken) implements Csrf.Form {

    static final FundingForm EMPTY = new FundingForm("", "", "", "", "", "", "", "", "", "", "", List.of(), "",
        null);
    /** The text fields, in the page's order. */
    static final List<String> TEXT_FIELDS = List.of("nameDe", "nameEn", "provider", "providerEn", "summaryDe", "summaryEn", "url",
        "regionAgs", "maxLevel", "validFrom", "validUntil");

    FundingForm {
        nameDe = text(nameDe);
        nameEn = text(nameEn);
        provider = text(provider);
        providerEn = text(providerEn);
        summaryDe = text(summaryDe);
        summaryEn = text(summaryEn);
        url = text(url);
        regionAgs = text(regionAgs);
        maxLevel = text(maxLevel);
        validFrom = text(validFrom);
        validUntil = text(validUntil);
        dimensions = dimensions == null ? List.of() : List.copyOf(dimensions);
        smeOnly = text(smeOnly);
    }

    static FundingForm of(FundingProgramme p) {
        return new FundingForm(p.nameDe(), p.nameEn(), p.provider(), p.providerEn() == null ? "" : p.providerEn(),
            p.summaryDe(), p.summaryEn(), p.url(), String.join(", ", p.regions()),
            String.valueOf(p.maxLevel()), String.valueOf(p.validFrom()),
            p.validUntil() == null ? "" : p.validUntil().toString(), p.dimensionIds(), p.smeOnly() ? "on" : "", null);
    }

    public boolean smeOnlyChecked() {
        return !smeOnly.isEmpty();
    }

    /** The text fields' values by name. */
    public Map<String, String> texts() {
        Map<String, String> texts = new LinkedHashMap<>();
        List<String> values = List.of(nameDe, nameEn, provider, providerEn, summaryDe, summaryEn, url, regionAgs, maxLevel,
            validFrom, validUntil);
        for (int i = 0; i < TEXT_FIELDS.size(); i++) {
            texts.put(TEXT_FIELDS.get(i), values.get(i));
        }
        return texts;
    }

    ProgrammeInput input() {
        return new ProgrammeInput(nameDe, nameEn, provider, providerEn, summaryDe, summaryEn, url, regionAgs, dimensions, maxLevel,
            smeOnlyChecked(), validFrom, validUntil);
    }
}
