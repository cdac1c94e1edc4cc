package de.digitalcheck.portal.shared.web;

import de.digitalcheck.portal.shared.i18n.Dates;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.config.PortalSettings;
import io.micronaut.context.BeanProvider;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import io.micronaut.web.router.Router;
import jakarta.inject.Singleton;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Adds what every page needs: language, its dates ({@link Dates#in}), the switch to the other language, the network's name, the CSRF token, the
 * signed-in person's name. The person is read from the request, not from the thread's request context: a view may be
 * rendered on a thread that context did not reach (the page then showed a signed-in person as signed out).
 */
@Singleton
public class LayoutModel implements ViewModelProcessor<Map<String, Object>> {

    /**
     * A model key naming the address the layout's links (the language switch) start from instead of the request's
     * path: for a page answered to a request whose path is not the caller's (Netty's stand-in for an unreadable one),
     * and for a refused form post whose own address a GET route with a path variable would read as something else
     * (the questionnaire versions' {@code /admin/fragebogen/aktuell}, which {@code /admin/fragebogen/{version}} takes
     * for a version: 404): the page the form is on.
     */
    public static final String PAGE_PATH = "layoutPagePath";
    /**
     * A model key with the raw query ({@code token=…}) that the language switch of a page answered to a form's post
     * keeps: the page's GET address needs what the form sent in its body (a private token), and a link to it without
     * that query would be "link not valid".
     */
    public static final String PAGE_QUERY = "layoutPageQuery";

    private final String networkName;
    private final Csrf csrf;
    private final String baseAuthority;
    /** Lazily: the router is built from every controller, and error pages (a controller) need this bean. */
    private final BeanProvider<Router> router;

    LayoutModel(PortalSettings settings, Csrf csrf, BeanProvider<Router> router) {
        this.networkName = settings.networkName();
        this.csrf = csrf;
        this.router = router;
        this.baseAuthority = authority(settings.baseUrl());
    }

    @Override
    public void process(@NonNull HttpRequest<?> request, @NonNull ModelAndView<Map<String, Object>> modelAndView) {
        Map<String, Object> model = new HashMap<>(modelAndView.getModel().orElseGet(Map::of));
        String[] page = model.containsKey(PAGE_PATH) ? new String[] {String.valueOf(model.get(PAGE_PATH)), ""}
            : switchTarget(request);
        if (model.get(PAGE_QUERY) instanceof String kept && request.getMethod() != HttpMethod.GET
            && request.getMethod() != HttpMethod.HEAD && page[1].isEmpty()) {
            page = new String[] {page[0], keptQuery(kept)};
        }
        fill(model, PortalLocaleResolver.language(request), page[0], page[1], csrf.token(request),
            request.getUserPrincipal(Authentication.class).map(a -> a.getAttributes().get("name")).orElse(null));
        modelAndView.setModel(model);
    }

    /**
     * Path and kept query ({@link #keptQuery}) of the page the language switch leads to. A page answered to a GET is
     * that page. A page answered to another method (a form post refused with 422 or 409, an error) is not one a link
     * can reach: its path is kept only where the router has a GET route for it; else the page the form was sent from
     * (the same-origin {@code Referer}), where the router has a GET route for that; else the nearest page above the
     * post's address that has one (the form's own page: {@code /check/{token}} for {@code /check/{token}/einwilligung},
     * {@code /agentur} for {@code /agentur/profil}), as browsers that send no {@code Referer} (a privacy setting) found
     * the switch leading to the home page; else the home page. A link to the post's address answered {@code 405}.
     */
    private String[] switchTarget(HttpRequest<?> request) {
        HttpMethod method = request.getMethod();
        if (method == HttpMethod.GET || method == HttpMethod.HEAD || readable(request.getPath())) {
            return new String[] {request.getPath(), keptQuery(request)};
        }
        URI referer = sameOriginReferer(request);
        if (referer != null && readable(referer.getPath())) {
            return new String[] {referer.getPath(), keptQuery(referer.getRawQuery())};
        }
        return new String[] {readableAbove(request.getPath()), ""};
    }

    /** The nearest path above {@code path} (its last segments cut off) that has a GET route; the home page if none. */
    private String readableAbove(@Nullable String path) {
        return readableAbove(router.get(), path);
    }

    /** {@link #readableAbove(String)} with the given router (for the error pages, which have it at hand). */
    static String readableAbove(Router router, @Nullable String path) {
        String above = path == null ? "" : path;
        for (int cut = above.lastIndexOf('/'); cut > 0; cut = above.lastIndexOf('/')) {
            above = above.substring(0, cut);
            if (readable(router, above)) {
                return above;
            }
        }
        return "/";
    }

    /**
     * Whether the router has a GET route for {@code path} (routes bound to a port are the management endpoints'; a
     * {@link FormAnswerReload} route only leads to another page).
     */
    private boolean readable(@Nullable String path) {
        return readable(router.get(), path);
    }

    private static boolean readable(Router router, @Nullable String path) {
        if (path == null || path.isEmpty() || !path.startsWith("/")) {
            return false;
        }
        try {
            return router.findAny(path, null)
                .anyMatch(m -> m.getRouteInfo().getPort() == null && m.getHttpMethod() == HttpMethod.GET
                    && !m.getRouteInfo().getAnnotationMetadata().hasAnnotation(FormAnswerReload.class));
        } catch (RuntimeException unmatchable) {
            return false;
        }
    }

    /**
     * The request's {@code Referer} if it names a page of the portal (the authority the request was sent to, or the
     * portal's base address); else null. Only its path and query are used, and only as a link within the portal.
     */
    private @Nullable URI sameOriginReferer(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.REFERER);
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(header.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getRawAuthority() == null) {
                return null;
            }
            String authority = uri.getRawAuthority().toLowerCase(Locale.ROOT);
            String host = request.getHeaders().get(HttpHeaders.HOST);
            boolean same = authority.equals(baseAuthority)
                || (host != null && authority.equals(host.strip().toLowerCase(Locale.ROOT)));
            return same ? uri : null;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    private static String authority(@Nullable String url) {
        try {
            String authority = url == null ? null : URI.create(url).getRawAuthority();
            return authority == null ? "" : authority.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** Puts the layout's values for a page at {@code path} (without a query) into {@code model}. */
    void fill(Map<String, Object> model, Language language, String path, String csrfToken, Object userName) {
        fill(model, language, path, "", csrfToken, userName);
    }

    /**
     * Puts the layout's values for a page at {@code path} into {@code model}; {@code query} ({@link #keptQuery}) is
     * kept in the language switch, so that a page reached with its private token or with filters stays that page.
     */
    void fill(Map<String, Object> model, Language language, String path, String query, String csrfToken,
              Object userName) {
        Language other = language == Language.DE ? Language.EN : Language.DE;
        model.put("lang", language.code());
        model.put("dates", Dates.in(language));
        model.put("otherLang", other.code());
        String local = sameOriginPath(path);
        model.put("switchUrl", local + "?" + query + PortalLocaleResolver.PARAM + "=" + other.code());
        model.put("networkName", networkName);
        model.put("currentPath", local);
        model.put("csrf", csrfToken);
        model.put("userName", userName);
    }

    /**
     * The request's query parameters but the language, encoded anew, each followed by {@code &}: empty without any.
     */
    static String keptQuery(HttpRequest<?> request) {
        StringBuilder query = new StringBuilder();
        for (String name : request.getParameters().names()) {
            if (PortalLocaleResolver.PARAM.equals(name)) {
                continue;
            }
            for (String value : request.getParameters().getAll(name)) {
                query.append(java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)).append('=')
                    .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)).append('&');
            }
        }
        return query.toString();
    }

    /** A raw query string ({@code a=1&lang=en}) as {@link #keptQuery(HttpRequest)} keeps one; empty if unreadable. */
    static String keptQuery(@Nullable String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        StringBuilder query = new StringBuilder();
        try {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (!PortalLocaleResolver.PARAM.equals(name)) {
                    query.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&');
                }
            }
        } catch (IllegalArgumentException malformed) {
            return "";
        }
        return query.toString();
    }

    /**
     * {@code path} as a link that cannot leave the portal: one leading slash (a browser reads {@code //host} and
     * {@code /\\host} as another site, and drops tabs and line breaks before it does), every character outside the
     * URL path alphabet percent-encoded. The path is the raw request's, so a request for {@code //evil.example/x}
     * must not become a link to evil.example.
     */
    static String sameOriginPath(String path) {
        String rest = path == null ? "" : path.replaceFirst("^[/\\\\\\s\\p{Cntrl}]+", "");
        StringBuilder local = new StringBuilder(rest.length() + 1).append('/');
        for (byte b : rest.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/!$&'()*+,;=:@".indexOf(c) >= 0) {
                local.append(c);
            } else {
                local.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                    .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return local.toString();
    }

    static boolean signedIn(HttpRequest<?> request) {
        return request.getUserPrincipal(Authentication.class).isPresent();
    }
}
