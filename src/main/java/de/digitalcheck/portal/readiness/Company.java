package de.digitalcheck.portal.readiness;

import de.digitalcheck.portal.routing.Municipality;

/** A validated company profile. */
public record Company(String name, String postalCode, Municipality municipality, String sector, int employees,
                      CompanyType type) {

    public SizeClass sizeClass() {
        return SizeClass.ofEmployees(employees);
    }
}
