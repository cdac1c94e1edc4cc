package de.digitalcheck.portal.readiness;

import java.util.Optional;

/** What a company does; drives the questionnaire's skip rules. */
public enum CompanyType {
    OWN_PRODUCTS,
    CONTRACT_MANUFACTURING,
    SERVICES,
    TRADE;

    public static Optional<CompanyType> parse(String value) {
        for (CompanyType type : values()) {
            if (type.name().equals(value)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
