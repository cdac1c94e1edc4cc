package de.digitalcheck.portal.shared.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.annotation.PreMatching;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Content negotiation of the API is the router's: a route's {@code @Produces} against the request's {@code Accept},
 * {@code 406} problem+json when none matches. The router, however, matches only exact media types and {@code *}{@code /*};
 * an {@code Accept: application/*} would be {@code 406} although every API answer (JSON, the report's PDF) is an
 * {@code application/} type. So before routing, on API paths only, the range {@code application/*} is read as what it
 * means there: any of the API's types ({@code *}{@code /*}). Other ranges ({@code text/*}, {@code image/png}) stay and
 * are {@code 406} as before.
 */
@ServerFilter("/**")
class ApiAcceptFilter {

    private static final Pattern APPLICATION_ANY = Pattern.compile("\\s*application/\\*\\s*(;.*)?", Pattern.CASE_INSENSITIVE);

    @PreMatching
    @RequestFilter
    void widenApplicationRange(MutableHttpRequest<?> request) {
        if (!ApiProblems.api(request)) {
            return;
        }
        List<String> accept = request.getHeaders().getAll(HttpHeaders.ACCEPT);
        if (accept.stream().noneMatch(a -> a.toLowerCase(Locale.ROOT).contains("application/*"))) {
            return;
        }
        String widened = String.join(",", accept.stream()
            .flatMap(a -> java.util.Arrays.stream(a.split(",")))
            .map(range -> APPLICATION_ANY.matcher(range).matches() ? "*/*" + range.substring(range.indexOf('*') + 1) : range)
            .toList());
        request.getHeaders().remove(HttpHeaders.ACCEPT);
        request.getHeaders().add(HttpHeaders.ACCEPT, widened);
    }
}
