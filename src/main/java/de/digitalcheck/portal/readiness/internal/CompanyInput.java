package de.digitalcheck.portal.readiness.internal;

/** The company profile as typed or sent, before validation; every value may be missing or wrong. */
public record CompanyInput(String name, String postalCode, String ags, String sector, String employees, String companyType) {
}
