package de.digitalcheck.portal.shared.web;

import de.digitalcheck.portal.shared.i18n.Language;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.server.util.locale.CompositeHttpLocaleResolver;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import jakarta.inject.Singleton;

import java.util.Locale;
import java.util.Optional;

/**
 * The page language: {@code ?lang=} first, then the {@code lang} cookie (the person's choice, set by the language
 * switch), then the browser's {@code Accept-Language} (the first of its ranges, by weight, that is German or English),
 * else German. The same order as the error pages of requests that cannot be routed ({@link UnreadableTargets}).
 */
@Singleton
@Primary
@Replaces(CompositeHttpLocaleResolver.class)
public class PortalLocaleResolver implements HttpLocaleResolver {

    public static final String PARAM = "lang";

    public static final String COOKIE = "lang";

    public static Language language(HttpRequest<?> request) {
        Optional<Language> fromQuery = request.getParameters().getFirst(PARAM).flatMap(Language::fromCode);
        if (fromQuery.isPresent()) {
            return fromQuery.get();
        }
        return request.getCookies().findCookie(COOKIE).map(Cookie::getValue).flatMap(Language::fromCode)
            .orElseGet(() -> Language.fromAcceptLanguage(request.getHeaders().get(HttpHeaders.ACCEPT_LANGUAGE)));
    }

    @Override
    public Optional<Locale> resolve(HttpRequest<?> request) {
        return Optional.of(language(request).locale());
    }

    @Override
    public Locale resolveOrDefault(HttpRequest<?> request) {
        return language(request).locale();
    }

    @Override
    public int getOrder() {
        return 0;
    }
}
