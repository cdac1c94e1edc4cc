package de.digitalcheck.portal.readiness;

import de.digitalcheck.portal.routing.Municipality;
import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.MappedProperty;

/**
 * A company as its self-check describes it: name, location (postal code, municipality and its official key AGS),
 * sector (a WZ 2008 section letter), head count with its size class, and what it does.
 */
@Embeddable
public record CompanyProfile(
    @MappedProperty("company_name") String name,
    @MappedProperty("postal_code") String postalCode,
    @MappedProperty("ags") String ags,
    @MappedProperty("municipality") String municipality,
    @MappedProperty("sector") String sector,
    @MappedProperty("employees") int employees,
    @MappedProperty("size_class") SizeClass sizeClass,
    @MappedProperty("company_type") CompanyType type) {

    /** A profile located in a municipality; the size class follows from the head count. */
    public static CompanyProfile of(String name, String postalCode, Municipality municipality, String sector,
                                    int employees, CompanyType type) {
        return new CompanyProfile(name, postalCode, municipality.ags(), municipality.name(), sector, employees,
            SizeClass.ofEmployees(employees), type);
    }

    /** "44135 Dortmund". */
    public String location() {
        return postalCode + " " + municipality;
    }

    /**
     * The profile without what identifies the company (GDPR erasure): name, postal code and municipality go, the
     * location stays only as its district (the first five digits of the AGS); sector, size class and type stay for
     * the anonymous benchmarks. The head count becomes the smallest of its size class.
     */
    public CompanyProfile anonymised() {
        return new CompanyProfile("", "", ags.substring(0, 5) + "000", "", sector, sizeClass.smallestHeadCount(),
            sizeClass, type);
    }
}
