package de.digitalcheck.portal.readiness;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.time.Instant;

/**
 * A company's self-check: its profile, its answers (JSON, option id by question id) and, once complete,
 * its scores. Reached only through its private token, stored here as a SHA-256 hash. {@code revision} grows with
 * every change (optimistic locking: an update of an older revision fails), so one revision's content never changes.
 */
@MappedEntity("assessment")
public record Assessment(
    @Id String id,
    String tokenHash,
    String questionnaireVersion,
    Status status,
    String language,
    String companyName,
    String postalCode,
    String ags,
    String municipality,
    String sector,
    int employees,
    String sizeClass,
    String companyType,
    @Nullable String contactName,
    @Nullable String contactEmail,
    @Nullable String contactPhone,
    String answers,
    @Nullable Double score,
    @Nullable Integer overallLevel,
    @Nullable Integer levelStrategy,
    @Nullable Integer levelFactory,
    @Nullable Integer levelOperations,
    @Nullable Integer levelProducts,
    @Nullable Integer levelServices,
    @Nullable Integer levelEmployees,
    @Nullable String agencyId,
    @Nullable String previousId,
    Instant createdAt,
    Instant updatedAt,
    @Nullable Instant completedAt,
    @Version int revision) {

    public enum Status { DRAFT, COMPLETED }

    public boolean completed() {
        return status == Status.COMPLETED;
    }

    public CompanyType type() {
        return CompanyType.valueOf(companyType);
    }

    /** This assessment with another company profile. */
    public Assessment withCompany(Company c, @Nullable String agency, Instant now) {
        return new Assessment(id, tokenHash, questionnaireVersion, status, language, c.name(), c.postalCode(),
            c.municipality().ags(), c.municipality().name(), c.sector(), c.employees(), c.sizeClass().name(),
            c.type().name(), contactName, contactEmail, contactPhone, answers, score, overallLevel, levelStrategy,
            levelFactory, levelOperations, levelProducts, levelServices, levelEmployees, agency, previousId,
            createdAt, now, completedAt, revision);
    }

    /**
     * This assessment without personal data (GDPR erasure): name, postal code, municipality and contact go,
     * the location is kept only as its district, and the private link stops working. Scores stay, anonymous,
     * for the benchmarks.
     */
    public Assessment anonymised(String unusableTokenHash, Instant now) {
        String district = ags.substring(0, 5) + "000";
        return new Assessment(id, unusableTokenHash, questionnaireVersion, status, language, "", "", district, "",
            sector, employees, sizeClass, companyType, null, null, null, answers, score, overallLevel, levelStrategy,
            levelFactory, levelOperations, levelProducts, levelServices, levelEmployees, agencyId, previousId,
            createdAt, now, completedAt, revision);
    }

    /** This assessment with another (already cleaned) contact. */
    public Assessment withContact(ContactInput c) {
        return new Assessment(id, tokenHash, questionnaireVersion, status, language, companyName, postalCode, ags,
            municipality, sector, employees, sizeClass, companyType, c.name(), c.email(), c.phone(), answers, score,
            overallLevel, levelStrategy, levelFactory, levelOperations, levelProducts, levelServices, levelEmployees,
            agencyId, previousId, createdAt, updatedAt, completedAt, revision);
    }

    /** This assessment with other answers and, where they are complete, their score. */
    public Assessment withAnswers(String answersJson, @Nullable Scoring.Score s, Instant now) {
        if (s == null) {
            return new Assessment(id, tokenHash, questionnaireVersion, Status.DRAFT, language, companyName, postalCode,
                ags, municipality, sector, employees, sizeClass, companyType, contactName, contactEmail, contactPhone,
                answersJson, null, null, null, null, null, null, null, null, agencyId, previousId, createdAt, now, null,
                revision);
        }
        return new Assessment(id, tokenHash, questionnaireVersion, Status.COMPLETED, language, companyName, postalCode,
            ags, municipality, sector, employees, sizeClass, companyType, contactName, contactEmail, contactPhone,
            answersJson, s.value(), s.level().number(), s.dimension("strategy").level(), s.dimension("factory").level(),
            s.dimension("operations").level(), s.dimension("products").level(), s.dimension("services").level(),
            s.dimension("employees").level(), agencyId, previousId, createdAt, now, completedAt == null ? now : completedAt,
            revision);
    }

    /** The stored level of a dimension, {@code null} where it does not apply or the check is not complete. */
    public Integer levelOf(String dimensionId) {
        return switch (dimensionId) {
            case "strategy" -> levelStrategy;
            case "factory" -> levelFactory;
            case "operations" -> levelOperations;
            case "products" -> levelProducts;
            case "services" -> levelServices;
            case "employees" -> levelEmployees;
            default -> throw new IllegalArgumentException("unknown dimension " + dimensionId);
        };
    }
}
