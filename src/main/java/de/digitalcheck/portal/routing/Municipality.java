package de.digitalcheck.portal.routing;

/** A municipality by its official key (AGS, 8 digits), with its district and state names. */
public record Municipality(String ags, String name, String district, String state) {

    /** The name with its district where names repeat, e.g. "Hagen" vs "Hagen (Landkreis Segeberg)". */
    public String label() {
        return district == null || district.isBlank() ? name + " (" + state + ")" : name + " (" + district + ")";
    }
}
