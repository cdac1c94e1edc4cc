package de.digitalcheck.portal.routing;

/**
 * A place a territory can be given by: a municipality (its 8-digit AGS), a district (Kreis, the first 5 digits) or a
 * state (the first 2), with its name and the larger area it lies in (a municipality's district or state, a district's
 * state; none for a state).
 */
public record Place(String prefix, String name, String within, Kind kind) {

    public enum Kind {
        STATE,
        DISTRICT,
        MUNICIPALITY
    }
}
