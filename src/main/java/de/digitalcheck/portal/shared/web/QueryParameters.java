package de.digitalcheck.portal.shared.web;

import de.digitalcheck.portal.shared.validation.Errors;
import io.micronaut.http.HttpParameters;

import java.util.List;

/**
 * The API's one rule for query parameters given more than once ({@code status=NEW&status=CONTACTED},
 * {@code from=…&from=…}): no operation takes a list in a parameter, so a repeated one is a {@code 400} naming it.
 * Taking one of its values would answer something the client did not ask for while it believed it had all it asked
 * for (and Micronaut's binding of a {@code String} joins them with commas, "a,b", which read as a malformed or
 * unknown value). {@code lang} is not among the names: its first value counts (api.md, "Language of messages").
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** An error for each of these parameters that the query gives more than once, in the order of the names. */
    public static Errors repeated(HttpParameters query, List<String> names) {
        Errors errors = new Errors();
        for (String name : names) {
            if (query.getAll(name).size() > 1) {
                errors.add(name, "problem.query.repeated", name);
            }
        }
        return errors;
    }
}
